import type { Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import type { TCitizenClaims } from "./types";

// A citizen signing in through SPID/CIE: the identity provider is the source of truth for who
// they are, so each sign-in refreshes the stored identity (fiscal code is the key).
//
// The email is the exception: SPID/CIE vouch for the address they give, so it counts as verified
// when it is stored; but an address the citizen chose and confirmed in their profile (a code sent
// to it) is kept over the identity's. No email in the claims leaves the stored one as it is.

async function emailFields(claims: TCitizenClaims, now: Date): Promise<{ email?: string; emailVerifiedAt?: Date }> {
  if (!claims.email) return {};
  const prisma = await db();
  const existing = await prisma.citizen.findUnique({
    where: { fiscalCode: claims.fiscalCode },
    select: { id: true, email: true, emailVerifiedAt: true },
  });
  if (!existing?.email) return { email: claims.email, emailVerifiedAt: now };
  if (existing.email === claims.email) return existing.emailVerifiedAt ? {} : { emailVerifiedAt: now };
  const chosenInProfile = await prisma.contactVerification.count({
    where: { citizenId: existing.id, channel: "EMAIL", value: existing.email, consumedAt: { not: null } },
  });
  return chosenInProfile > 0 ? {} : { email: claims.email, emailVerifiedAt: now };
}

export async function upsertCitizenFromClaims(claims: TCitizenClaims) {
  const prisma = await db();
  const now = new Date();
  const data = {
    givenName: claims.givenName,
    familyName: claims.familyName,
    birthDate: claims.birthDate,
    domicile: (claims.domicile ?? undefined) as Prisma.InputJsonValue | undefined,
    spidLevel: claims.spidLevel,
    lastLoginAt: now,
  };
  const email = await emailFields(claims, now);
  return prisma.citizen.upsert({
    where: { fiscalCode: claims.fiscalCode },
    create: { fiscalCode: claims.fiscalCode, ...data, email: claims.email, emailVerifiedAt: claims.email ? now : null },
    update: { ...data, ...email },
  });
}
