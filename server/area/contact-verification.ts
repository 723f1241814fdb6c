import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/server/auth/secret";
import { db } from "@/server/db/client";
import type { ContactChannel, Prisma } from "@/server/db/generated/client";
import { queueEmail } from "@/server/email/send";
import { AppError } from "@/server/errors";
import { DEFAULT_LOCALE, type TLocale } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import { smsSender } from "@/server/sms/sms";
import type { TSmsSender } from "@/server/sms/types";
import { CODE_TTL_MINUTES, normaliseContact } from "./contact-values";

// A citizen changes the email or phone of their profile: the new value is stored only once they
// type back the 6-digit code sent to it (by email, or by SMS). A code works for 15 minutes, for
// 5 attempts, once; asking for a new one voids the previous one and is throttled.

export { CODE_TTL_MINUTES };
export const MAX_CODE_ATTEMPTS = 5;
export const RESEND_AFTER_SECONDS = 60;
export const MAX_CODES_PER_HOUR = 5;

const HOUR_MS = 60 * 60 * 1000;
const err = (key: string) => `personalArea.profile.errors.${key}`;

/** Keyed hash: with only a million codes, a plain hash in a leaked table would give them all away. */
function codeHash(v: { citizenId: string; channel: ContactChannel; value: string; code: string }): string {
  return createHmac("sha256", authSecret()).update(`contact-verification\n${v.citizenId}\n${v.channel}\n${v.value}\n${v.code}`).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

export type TStartContactVerificationInput = {
  /** The municipality whose area the citizen is in (sender and branding of the message). */
  tenantId: string;
  citizenId: string;
  channel: ContactChannel;
  value: string;
  locale?: TLocale;
  now?: Date;
  sms?: TSmsSender;
};

export type TPendingVerification = { channel: ContactChannel; value: string; expiresAt: Date; resendAt: Date };

/** Sends a code to the new address or number. */
export async function startContactVerification(input: TStartContactVerificationInput): Promise<TPendingVerification> {
  const now = input.now ?? new Date();
  const { channel, citizenId } = input;
  const value = normaliseContact(channel, input.value);
  if (!value) {
    throw new AppError("BAD_REQUEST", err(channel === "EMAIL" ? "invalidEmail" : "invalidPhone"), {
      fields: { value: err(channel === "EMAIL" ? "invalidEmail" : "invalidPhone") },
    });
  }

  const prisma = await db();
  const citizen = await prisma.citizen.findUnique({
    where: { id: citizenId },
    select: { givenName: true, familyName: true, email: true, emailVerifiedAt: true, phone: true, phoneVerifiedAt: true },
  });
  if (!citizen) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  const current = channel === "EMAIL" ? { value: citizen.email, verifiedAt: citizen.emailVerifiedAt } : { value: citizen.phone, verifiedAt: citizen.phoneVerifiedAt };
  if (current.value === value && current.verifiedAt) {
    throw new AppError("CONFLICT", err("alreadyVerified"), { fields: { value: err("alreadyVerified") } });
  }

  const recent = await prisma.contactVerification.findMany({
    where: { citizenId, channel, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const resendAt = recent[0] ? new Date(recent[0].createdAt.getTime() + RESEND_AFTER_SECONDS * 1000) : now;
  if (resendAt > now) {
    throw new AppError("TOO_MANY_REQUESTS", err("resendTooSoon"), { retryAfterSeconds: Math.ceil((resendAt.getTime() - now.getTime()) / 1000) });
  }
  if (recent.length >= MAX_CODES_PER_HOUR) {
    const oldest = recent[recent.length - 1]!.createdAt;
    throw new AppError("TOO_MANY_REQUESTS", err("tooManyCodes"), {
      retryAfterSeconds: Math.ceil((oldest.getTime() + HOUR_MS - now.getTime()) / 1000),
    });
  }

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60 * 1000);
  const name = `${citizen.givenName} ${citizen.familyName}`.trim();
  const create = async (tx: Prisma.TransactionClient) => {
    // Only the newest code works.
    await tx.contactVerification.updateMany({ where: { citizenId, channel, consumedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const row = await tx.contactVerification.create({
      data: { citizenId, channel, value, codeHash: codeHash({ citizenId, channel, value, code }), expiresAt, createdAt: now },
      select: { id: true },
    });
    if (channel === "EMAIL") {
      await queueEmail({
        tenantId: input.tenantId,
        to: value,
        template: "contact-verification",
        props: { name: name || value, code, expiresInMinutes: CODE_TTL_MINUTES },
        locale: input.locale,
        tx,
      });
    }
    return row;
  };
  const row = await prisma.$transaction(create);

  if (channel === "PHONE") {
    const [t, tenant] = await Promise.all([
      getTranslator(input.locale ?? DEFAULT_LOCALE, "personalArea"),
      prisma.tenant.findUniqueOrThrow({ where: { id: input.tenantId }, select: { name: true } }),
    ]);
    try {
      await (input.sms ?? smsSender()).send({
        to: value,
        text: t("profile.sms.text", { municipality: tenant.name, code, minutes: CODE_TTL_MINUTES }),
        tenantId: input.tenantId,
      });
    } catch (e) {
      // Not sent: forget the code, so the citizen may ask again at once.
      await prisma.contactVerification.delete({ where: { id: row.id } });
      throw new AppError("INTERNAL", err("smsFailed"), { cause: e });
    }
  }
  return { channel, value, expiresAt, resendAt: new Date(now.getTime() + RESEND_AFTER_SECONDS * 1000) };
}

/** The code waiting to be typed for this channel, if any (for the profile page). */
export async function getPendingVerification(input: { citizenId: string; channel: ContactChannel; now?: Date }): Promise<TPendingVerification | null> {
  const now = input.now ?? new Date();
  const prisma = await db();
  const row = await prisma.contactVerification.findFirst({
    where: { citizenId: input.citizenId, channel: input.channel, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: MAX_CODE_ATTEMPTS } },
    orderBy: { createdAt: "desc" },
    select: { value: true, expiresAt: true, createdAt: true },
  });
  if (!row) return null;
  return { channel: input.channel, value: row.value, expiresAt: row.expiresAt, resendAt: new Date(row.createdAt.getTime() + RESEND_AFTER_SECONDS * 1000) };
}

export type TConfirmContactVerificationInput = { citizenId: string; channel: ContactChannel; code: string; now?: Date };

/** Checks the code; right → the new value is the citizen's, verified now. */
export async function confirmContactVerification(input: TConfirmContactVerificationInput): Promise<{ channel: ContactChannel; value: string; verifiedAt: Date }> {
  const now = input.now ?? new Date();
  const { citizenId, channel } = input;
  const prisma = await db();
  const pending = await prisma.contactVerification.findFirst({
    where: { citizenId, channel, consumedAt: null },
    orderBy: { createdAt: "desc" },
  });
  if (!pending) throw new AppError("CONFLICT", err("noPendingCode"));
  if (pending.attempts >= MAX_CODE_ATTEMPTS) throw new AppError("TOO_MANY_REQUESTS", err("codeLocked"));
  if (pending.expiresAt <= now) throw new AppError("CONFLICT", err("codeExpired"));

  // An attempt is counted before the code is compared, with a conditional update: guesses sent
  // in parallel cannot get past the limit.
  const counted = await prisma.contactVerification.updateMany({
    where: { id: pending.id, consumedAt: null, attempts: { lt: MAX_CODE_ATTEMPTS }, expiresAt: { gt: now } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count === 0) throw new AppError("TOO_MANY_REQUESTS", err("codeLocked"));

  const code = input.code.trim();
  if (!sameHash(codeHash({ citizenId, channel, value: pending.value, code }), pending.codeHash)) {
    if (pending.attempts + 1 >= MAX_CODE_ATTEMPTS) throw new AppError("TOO_MANY_REQUESTS", err("codeLocked"));
    throw new AppError("BAD_REQUEST", err("wrongCode"), { fields: { code: err("wrongCode") } });
  }

  const contact = channel === "EMAIL" ? { email: pending.value, emailVerifiedAt: now } : { phone: pending.value, phoneVerifiedAt: now };
  await prisma.$transaction(async (tx) => {
    const consumed = await tx.contactVerification.updateMany({ where: { id: pending.id, consumedAt: null }, data: { consumedAt: now } });
    if (consumed.count === 0) throw new AppError("CONFLICT", err("noPendingCode"));
    await tx.citizen.update({ where: { id: citizenId }, data: contact });
  });
  return { channel, value: pending.value, verifiedAt: now };
}
