import type { Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import type { TCitizenClaims } from "./types";

// A citizen signing in through SPID/CIE: the identity provider is the source of truth for who
// they are, so each sign-in refreshes the stored identity (fiscal code is the key).

export async function upsertCitizenFromClaims(claims: TCitizenClaims) {
  const prisma = await db();
  const data = {
    givenName: claims.givenName,
    familyName: claims.familyName,
    birthDate: claims.birthDate,
    email: claims.email,
    domicile: (claims.domicile ?? undefined) as Prisma.InputJsonValue | undefined,
    spidLevel: claims.spidLevel,
    lastLoginAt: new Date(),
  };
  return prisma.citizen.upsert({
    where: { fiscalCode: claims.fiscalCode },
    create: { fiscalCode: claims.fiscalCode, ...data },
    update: data,
  });
}
