import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { normaliseEmail } from "@/server/applications/applicant";
import { db } from "@/server/db/client";
import type { EmailSignInToken } from "@/server/db/generated/client";
import { queueEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import type { TLocale } from "@/server/i18n/config";
import { emailSignInLinkPath } from "./urls";

// Sign-in of applicants without a digital identity (ANONYMOUS_EMAIL services): they type an
// address, we email a one-time link, opening it (and pressing "Conferma") proves the address is
// theirs. Only the link's sha256 is stored. The request answers the same for every well-formed
// address (nothing tells whether the address has applied before), so it can't be used to probe.

export const EMAIL_SIGN_IN_TTL_MINUTES = 30;
/** Links per email address and municipality, and requests per client IP, in one window. The
 * per-IP limit is generous: behind mobile carriers' NAT many people share one IP. */
export const EMAIL_SIGN_IN_LIMITS = { perEmail: 5, perIp: 100, windowMinutes: 60 } as const;

const MINUTE_MS = 60_000;

/** The address as typed in the form; field error key when it is not an email address. */
export const ZEmailSignInAddress = z
  .string({ error: "emailAccess.errors.invalidEmail" })
  .trim()
  .min(1, "emailAccess.errors.emailRequired")
  .max(254, "emailAccess.errors.invalidEmail")
  .pipe(z.email("emailAccess.errors.invalidEmail"));

function hashSignInToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Requests per IP are counted in LoginAttempt (kept a day, shared across instances) under
 * a marker hash of their own, as successes, so they never count toward staff sign-in limits. */
function ipMarkerHash(tenantId: string): string {
  return createHash("sha256").update(`sportello-email-sign-in-ip:${tenantId}`).digest("hex");
}

/** The ANONYMOUS_EMAIL services of a municipality one can sign in for (published or scheduled, any window). */
export async function listServicesWithoutIdentity(tenantId: string) {
  const prisma = await db();
  return prisma.service.findMany({
    where: { tenantId, accessLevel: "ANONYMOUS_EMAIL", status: { in: ["PUBLISHED", "SCHEDULED"] } },
    select: { id: true, slug: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * What the sign-in page offers for `?servizio=`: that service when it can be applied to without
 * SPID; when it needs a digital identity, the service to say so; otherwise every such service.
 */
export async function emailSignInChoices(input: { tenantId: string; serviceSlug?: string | null }) {
  const services = await listServicesWithoutIdentity(input.tenantId);
  const selected = services.find((s) => s.slug === input.serviceSlug) ?? null;
  const needsIdentity =
    input.serviceSlug && !selected
      ? await (await db()).service.findFirst({
          where: { tenantId: input.tenantId, slug: input.serviceSlug, status: { not: "DRAFT" }, accessLevel: { not: "ANONYMOUS_EMAIL" } },
          select: { slug: true, name: true },
        })
      : null;
  return { services, selected, needsIdentity };
}

function tooManyRequests(oldestInWindow: Date, now: Date): AppError {
  const until = oldestInWindow.getTime() + EMAIL_SIGN_IN_LIMITS.windowMinutes * MINUTE_MS;
  return new AppError("TOO_MANY_REQUESTS", "emailAccess.errors.tooManyRequests", {
    retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
  });
}

export type TRequestEmailSignInInput = {
  tenantId: string;
  email: string;
  serviceId?: string | null;
  locale?: TLocale;
  /** The client's address (rate limiting); null when unknown. */
  ip?: string | null;
  now?: Date;
};

/**
 * Emails a one-time sign-in link valid EMAIL_SIGN_IN_TTL_MINUTES. Throws BAD_REQUEST with a field
 * error for an invalid address, NOT_FOUND for a service that can't be applied to without SPID,
 * TOO_MANY_REQUESTS (retryAfterSeconds) past the limits. Otherwise resolves with nothing.
 */
export async function requestEmailSignIn(input: TRequestEmailSignInInput): Promise<void> {
  const now = input.now ?? new Date();
  const parsed = ZEmailSignInAddress.safeParse(input.email);
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message ?? "emailAccess.errors.invalidEmail";
    throw new AppError("BAD_REQUEST", key, { fields: { email: key } });
  }
  const email = normaliseEmail(parsed.data);
  const prisma = await db();

  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: input.tenantId }, select: { slug: true } });
  const service = input.serviceId
    ? await prisma.service.findFirst({
        where: { id: input.serviceId, tenantId: input.tenantId, accessLevel: "ANONYMOUS_EMAIL", status: { in: ["PUBLISHED", "SCHEDULED"] } },
        select: { id: true, name: true },
      })
    : null;
  if (input.serviceId && !service) {
    throw new AppError("NOT_FOUND", "emailAccess.errors.serviceNotAvailable", { fields: { service: "emailAccess.errors.serviceNotAvailable" } });
  }

  // Limits are counted, then the new row written: two requests at the same instant can both pass
  // the last free slot. One link more is harmless; the point is to stop floods.
  const since = new Date(now.getTime() - EMAIL_SIGN_IN_LIMITS.windowMinutes * MINUTE_MS);
  const recent = await prisma.emailSignInToken.findMany({
    where: { tenantId: input.tenantId, email, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: EMAIL_SIGN_IN_LIMITS.perEmail,
    select: { createdAt: true },
  });
  if (recent.length >= EMAIL_SIGN_IN_LIMITS.perEmail) throw tooManyRequests(recent.at(-1)!.createdAt, now);
  const ip = input.ip ?? null;
  if (ip) {
    const fromIp = await prisma.loginAttempt.findMany({
      where: { emailHash: ipMarkerHash(input.tenantId), ip, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: EMAIL_SIGN_IN_LIMITS.perIp,
      select: { createdAt: true },
    });
    if (fromIp.length >= EMAIL_SIGN_IN_LIMITS.perIp) throw tooManyRequests(fromIp.at(-1)!.createdAt, now);
  }

  const token = randomBytes(32).toString("base64url");
  const signInUrl = `${env().APP_URL.replace(/\/+$/, "")}${emailSignInLinkPath(tenant.slug, token)}`;
  await prisma.$transaction(async (tx) => {
    await tx.emailSignInToken.create({
      data: {
        tenantId: input.tenantId,
        email,
        tokenHash: hashSignInToken(token),
        serviceId: service?.id ?? null,
        expiresAt: new Date(now.getTime() + EMAIL_SIGN_IN_TTL_MINUTES * MINUTE_MS),
        createdAt: now,
      },
    });
    if (ip) await tx.loginAttempt.create({ data: { emailHash: ipMarkerHash(input.tenantId), ip, success: true, createdAt: now } });
    await queueEmail({
      tenantId: input.tenantId,
      to: email,
      template: "email-sign-in-link",
      props: { signInUrl, serviceName: service?.name, expiresInMinutes: EMAIL_SIGN_IN_TTL_MINUTES },
      locale: input.locale,
      tx,
    });
  });
}

export type TEmailSignInLinkState = "valid" | "expired" | "used" | "invalid";

type TTokenRow = Pick<EmailSignInToken, "email" | "serviceId" | "expiresAt" | "consumedAt">;

function linkState(row: TTokenRow | null, now: Date): TEmailSignInLinkState {
  if (!row) return "invalid";
  if (row.consumedAt) return "used";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
}

const LINK_ERRORS: Record<Exclude<TEmailSignInLinkState, "valid">, () => AppError> = {
  invalid: () => new AppError("NOT_FOUND", "emailAccess.errors.linkInvalid"),
  used: () => new AppError("CONFLICT", "emailAccess.errors.linkUsed"),
  expired: () => new AppError("BAD_REQUEST", "emailAccess.errors.linkExpired"),
};

/** Tokens are 32 random bytes in base64url; anything else is not worth a database lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

async function findToken(tenantId: string, token: string) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const prisma = await db();
  return prisma.emailSignInToken.findFirst({
    where: { tenantId, tokenHash: hashSignInToken(token) },
    select: { email: true, serviceId: true, expiresAt: true, consumedAt: true },
  });
}

async function serviceOf(tenantId: string, serviceId: string | null) {
  if (!serviceId) return null;
  const prisma = await db();
  return prisma.service.findFirst({ where: { id: serviceId, tenantId }, select: { id: true, slug: true, name: true } });
}

/**
 * What the link's page shows before the applicant confirms, without using the link up (mail
 * scanners open links; only the confirmation POST consumes it). The address only for a valid link.
 */
export async function inspectEmailSignInLink(input: { tenantId: string; token: string; now?: Date }) {
  const row = await findToken(input.tenantId, input.token);
  const state = linkState(row, input.now ?? new Date());
  const service = row ? await serviceOf(input.tenantId, row.serviceId) : null;
  return { state, email: state === "valid" ? row!.email : null, service };
}

/**
 * Uses the link up (once: a conditional update, so two clicks at once can't both pass) and
 * returns the confirmed address and the service it was asked for. Unknown or another
 * municipality's link → NOT_FOUND, used → CONFLICT, expired → BAD_REQUEST (each its own message).
 */
export async function confirmEmailSignIn(input: { tenantId: string; token: string; now?: Date }) {
  const now = input.now ?? new Date();
  const prisma = await db();
  const consumed = TOKEN_SHAPE.test(input.token)
    ? await prisma.emailSignInToken.updateMany({
        where: { tenantId: input.tenantId, tokenHash: hashSignInToken(input.token), consumedAt: null, expiresAt: { gt: now } },
        data: { consumedAt: now },
      })
    : { count: 0 };
  const row = await findToken(input.tenantId, input.token);
  if (consumed.count === 0 || !row) {
    const state = linkState(row, now);
    // Consumed by a concurrent request between the update and the read: it was used.
    throw LINK_ERRORS[state === "valid" ? "used" : state]();
  }
  const service = await serviceOf(input.tenantId, row.serviceId);
  return { email: row.email, serviceId: row.serviceId, serviceSlug: service?.slug ?? null };
}
