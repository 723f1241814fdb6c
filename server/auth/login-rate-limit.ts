import { createHash } from "node:crypto";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";

// Staff sign-in throttling from LoginAttempt rows (so it holds across app instances): after
// LOGIN_MAX_FAILURES failures for one email since its last success, or 4× that from one address,
// within LOGIN_WINDOW_MINUTES, further attempts are refused until the window moves on.

/** Emails are stored hashed in LoginAttempt: the table must not become a list of addresses. */
export function loginEmailHash(email: string): string {
  return createHash("sha256").update(`sportello-login:${email.trim().toLowerCase()}`).digest("hex");
}

/** Throws TOO_MANY_REQUESTS (with retryAfterSeconds) when the email or address is throttled. */
export async function assertLoginAllowed({ emailHash, ip, now = new Date() }: { emailHash: string; ip: string | null; now?: Date }) {
  const { LOGIN_MAX_FAILURES: max, LOGIN_WINDOW_MINUTES: minutes } = env();
  const windowMs = minutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const prisma = await db();

  const lastSuccess = await prisma.loginAttempt.findFirst({
    where: { emailHash, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const [emailFailures, ipFailures] = await Promise.all([
    prisma.loginAttempt.findMany({
      where: { emailHash, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
      orderBy: { createdAt: "desc" },
      take: max,
      select: { createdAt: true },
    }),
    ip
      ? prisma.loginAttempt.findMany({
          where: { ip, success: false, createdAt: { gte: since } },
          orderBy: { createdAt: "desc" },
          take: 4 * max,
          select: { createdAt: true },
        })
      : Promise.resolve([]),
  ]);

  // Blocked until the oldest of the counted failures leaves the window.
  const blockedUntil = [emailFailures.length >= max ? emailFailures.at(-1) : undefined, ipFailures.length >= 4 * max ? ipFailures.at(-1) : undefined]
    .filter((a) => a !== undefined)
    .map((a) => a.createdAt.getTime() + windowMs)
    .reduce((a, b) => Math.max(a, b), 0);
  if (blockedUntil > now.getTime()) {
    throw new AppError("TOO_MANY_REQUESTS", "auth.staff.errors.tooManyAttempts", {
      retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil - now.getTime()) / 1000)),
    });
  }
}

export async function recordLoginAttempt({ emailHash, ip, success }: { emailHash: string; ip: string | null; success: boolean }) {
  const prisma = await db();
  await prisma.loginAttempt.create({ data: { emailHash, ip, success } });
}
