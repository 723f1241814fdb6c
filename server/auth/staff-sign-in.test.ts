import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { createStaff, createTenant } from "@/server/test/factories";
import { loginEmailHash } from "./login-rate-limit";
import { authenticateStaff } from "./staff-sign-in";

// Small limits so the throttling cases stay quick (env() is read lazily, after this line).
process.env.LOGIN_MAX_FAILURES = "3";
process.env.LOGIN_WINDOW_MINUTES = "15";

/** Each test signs in from its own address, so the per-address limit of one never trips another. */
const newIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  const { code, messageKey, retryAfterSeconds } = e as AppError;
  return { code, messageKey, retryAfterSeconds };
}

const GENERIC = { code: "UNAUTHORIZED", messageKey: "auth.staff.errors.invalidCredentials", retryAfterSeconds: undefined };

describe("authenticateStaff", () => {
  let tenantA: Awaited<ReturnType<typeof createTenant>>;
  let tenantB: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    tenantA = await createTenant();
    tenantB = await createTenant();
  });

  it("signs in a member with the right password and records it", async () => {
    const { user, password } = await createStaff({ tenantId: tenantA.id, role: "SERVICE_MANAGER" });
    const ip = newIp();
    const result = await authenticateStaff({ email: user.email, password, tenantSlug: tenantA.slug, ip });
    expect(result.staff.id).toBe(user.id);
    expect(result.role).toBe("SERVICE_MANAGER");
    expect(result.tenant.id).toBe(tenantA.id);
    expect(result.staff).not.toHaveProperty("passwordHash");

    const prisma = await db();
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
    const attempts = await prisma.loginAttempt.findMany({ where: { emailHash: loginEmailHash(user.email) } });
    expect(attempts.map((a) => ({ success: a.success, ip: a.ip }))).toEqual([{ success: true, ip }]);
  });

  it("accepts the email in any case and with spaces around it", async () => {
    const { user, password } = await createStaff({ tenantId: tenantA.id });
    const result = await authenticateStaff({ email: `  ${user.email.toUpperCase()} `, password, tenantSlug: tenantA.slug, ip: newIp() });
    expect(result.staff.id).toBe(user.id);
  });

  it("gives the same error for a wrong password and for an unknown email", async () => {
    const { user } = await createStaff({ tenantId: tenantA.id });
    const wrongPassword = await refusal(authenticateStaff({ email: user.email, password: "not-the-password", tenantSlug: tenantA.slug, ip: newIp() }));
    const unknownEmail = await refusal(authenticateStaff({ email: `nobody-${randomUUID()}@example.test`, password: "whatever", tenantSlug: tenantA.slug, ip: newIp() }));
    expect(wrongPassword).toEqual(GENERIC);
    expect(unknownEmail).toEqual(GENERIC);
  });

  it("refuses a disabled account even with the right password", async () => {
    const { user, password } = await createStaff({ tenantId: tenantA.id });
    await (await db()).staffUser.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await refusal(authenticateStaff({ email: user.email, password, tenantSlug: tenantA.slug, ip: newIp() }))).toEqual(GENERIC);
  });

  it("refuses a member of another municipality, and an unknown municipality", async () => {
    const { user, password } = await createStaff({ tenantId: tenantB.id, role: "TENANT_ADMIN" });
    expect(await refusal(authenticateStaff({ email: user.email, password, tenantSlug: tenantA.slug, ip: newIp() }))).toEqual(GENERIC);
    expect(await refusal(authenticateStaff({ email: user.email, password, tenantSlug: "comune-che-non-esiste", ip: newIp() }))).toEqual(GENERIC);
    // The same account still opens its own back office.
    expect((await authenticateStaff({ email: user.email, password, tenantSlug: tenantB.slug, ip: newIp() })).role).toBe("TENANT_ADMIN");
  });

  it("lets a super-admin into any municipality", async () => {
    const { user, password } = await createStaff({ isSuperAdmin: true });
    for (const tenant of [tenantA, tenantB]) {
      const result = await authenticateStaff({ email: user.email, password, tenantSlug: tenant.slug, ip: newIp() });
      expect(result.role).toBe("SUPER_ADMIN");
    }
  });

  it("throttles an account after LOGIN_MAX_FAILURES failures, even with the right password", async () => {
    const { user, password } = await createStaff({ tenantId: tenantA.id });
    for (let i = 0; i < 3; i++) {
      expect(await refusal(authenticateStaff({ email: user.email, password: `wrong-${i}`, tenantSlug: tenantA.slug, ip: newIp() }))).toEqual(GENERIC);
    }
    const throttled = await refusal(authenticateStaff({ email: user.email, password, tenantSlug: tenantA.slug, ip: newIp() }));
    expect(throttled.code).toBe("TOO_MANY_REQUESTS");
    expect(throttled.messageKey).toBe("auth.staff.errors.tooManyAttempts");
    expect(throttled.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(throttled.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

    // Once the failures are older than the window, the right password works again.
    const prisma = await db();
    await prisma.loginAttempt.updateMany({
      where: { emailHash: loginEmailHash(user.email) },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    expect((await authenticateStaff({ email: user.email, password, tenantSlug: tenantA.slug, ip: newIp() })).staff.id).toBe(user.id);
  });

  it("throttles unknown emails the same way, so throttling reveals nothing either", async () => {
    const email = `ghost-${randomUUID()}@example.test`;
    for (let i = 0; i < 3; i++) await refusal(authenticateStaff({ email, password: "x", tenantSlug: tenantA.slug, ip: newIp() }));
    expect((await refusal(authenticateStaff({ email, password: "x", tenantSlug: tenantA.slug, ip: newIp() }))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("counts failures since the last success", async () => {
    const { user, password } = await createStaff({ tenantId: tenantA.id });
    const attempt = (pw: string) => authenticateStaff({ email: user.email, password: pw, tenantSlug: tenantA.slug, ip: newIp() });
    await refusal(attempt("wrong"));
    await refusal(attempt("wrong"));
    await attempt(password);
    await refusal(attempt("wrong"));
    await refusal(attempt("wrong"));
    expect((await attempt(password)).staff.id).toBe(user.id);
  });

  it("throttles an address after 4× the limit of failures across accounts", async () => {
    const ip = newIp();
    for (let i = 0; i < 12; i++) {
      await refusal(authenticateStaff({ email: `spray-${i}-${randomUUID()}@example.test`, password: "x", tenantSlug: tenantA.slug, ip }));
    }
    const { user, password } = await createStaff({ tenantId: tenantA.id });
    expect((await refusal(authenticateStaff({ email: user.email, password, tenantSlug: tenantA.slug, ip }))).code).toBe("TOO_MANY_REQUESTS");
    expect((await authenticateStaff({ email: user.email, password, tenantSlug: tenantA.slug, ip: newIp() })).staff.id).toBe(user.id);
  });
});
