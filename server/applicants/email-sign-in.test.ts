import { beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "@/server/applications/drafts";
import { db } from "@/server/db/client";
import { createTestService } from "@/server/applications/testing";
import { createTenant } from "@/server/test/factories";
import { confirmEmailSignIn, EMAIL_SIGN_IN_LIMITS, inspectEmailSignInLink, requestEmailSignIn } from "./email-sign-in";
import { appErrorOf } from "@/server/test/app-error";

beforeAll(async () => {
  await db();
});

const MINUTE = 60_000;

async function linkEmails(tenantId: string, to?: string) {
  const prisma = await db();
  const rows = await prisma.outboundEmail.findMany({
    where: { tenantId, template: "email-sign-in-link", ...(to ? { to } : {}) },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => {
    const url = (r.props as { values: { signInUrl: string } }).values.signInUrl;
    return { to: r.to, subject: r.subject, url, token: url.split("/").at(-1)! };
  });
}

/** The token of the one link emailed in the municipality. */
async function onlyLinkToken(tenantId: string): Promise<string> {
  const emails = await linkEmails(tenantId);
  expect(emails).toHaveLength(1);
  return emails[0]!.token;
}

async function setup() {
  const tenant = await createTenant();
  const service = await createTestService({ tenantId: tenant.id, accessLevel: "ANONYMOUS_EMAIL" });
  return { tenant, service };
}

describe("requestEmailSignIn / confirmEmailSignIn", () => {
  it("emails one link that confirms the address once and leads back to the service", async () => {
    const { tenant, service } = await setup();
    await requestEmailSignIn({ tenantId: tenant.id, email: " Anna@Example.IT ", serviceId: service.id });

    const [email, ...others] = await linkEmails(tenant.id);
    expect(others).toHaveLength(0);
    expect(email!.to).toBe("anna@example.it");
    expect(email!.url).toMatch(new RegExp(`^http://localhost:3000/${tenant.slug}/accesso-email/[A-Za-z0-9_-]{43}$`));
    // Only the hash is stored.
    const prisma = await db();
    expect(await prisma.emailSignInToken.count({ where: { tokenHash: email!.token } })).toBe(0);

    expect(await inspectEmailSignInLink({ tenantId: tenant.id, token: email!.token })).toMatchObject({
      state: "valid",
      email: "anna@example.it",
      service: { slug: service.slug },
    });
    // Looking at the link (a mail scanner, the GET of the page) does not use it up.
    const confirmed = await confirmEmailSignIn({ tenantId: tenant.id, token: email!.token });
    expect(confirmed).toEqual({ email: "anna@example.it", serviceId: service.id, serviceSlug: service.slug });

    const again = await appErrorOf(confirmEmailSignIn({ tenantId: tenant.id, token: email!.token }));
    expect([again.code, again.messageKey]).toEqual(["CONFLICT", "emailAccess.errors.linkUsed"]);
    expect((await inspectEmailSignInLink({ tenantId: tenant.id, token: email!.token })).state).toBe("used");
  });

  it("lets only one of several simultaneous confirmations through", async () => {
    const { tenant, service } = await setup();
    await requestEmailSignIn({ tenantId: tenant.id, email: "gara@example.it", serviceId: service.id });
    const token = await onlyLinkToken(tenant.id);
    const results = await Promise.allSettled([1, 2, 3].map(() => confirmEmailSignIn({ tenantId: tenant.id, token })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a link after 30 minutes", async () => {
    const { tenant, service } = await setup();
    const now = new Date("2026-11-23T10:00:00Z");
    await requestEmailSignIn({ tenantId: tenant.id, email: "tardi@example.it", serviceId: service.id, now });
    const token = await onlyLinkToken(tenant.id);

    const late = new Date(now.getTime() + 30 * MINUTE);
    expect((await inspectEmailSignInLink({ tenantId: tenant.id, token, now: late })).state).toBe("expired");
    const e = await appErrorOf(confirmEmailSignIn({ tenantId: tenant.id, token, now: late }));
    expect(e.messageKey).toBe("emailAccess.errors.linkExpired");
    // Still refused later, and not used up by the refusals.
    expect((await inspectEmailSignInLink({ tenantId: tenant.id, token, now: late })).email).toBeNull();
    await expect(confirmEmailSignIn({ tenantId: tenant.id, token, now: new Date(now.getTime() + 29 * MINUTE) })).resolves.toMatchObject({
      email: "tardi@example.it",
    });
  });

  it("does not accept one municipality's link in another", async () => {
    const { tenant, service } = await setup();
    const other = await createTenant();
    await requestEmailSignIn({ tenantId: tenant.id, email: "anna@example.it", serviceId: service.id });
    const token = await onlyLinkToken(tenant.id);

    const e = await appErrorOf(confirmEmailSignIn({ tenantId: other.id, token }));
    expect([e.code, e.messageKey]).toEqual(["NOT_FOUND", "emailAccess.errors.linkInvalid"]);
    expect((await inspectEmailSignInLink({ tenantId: other.id, token })).state).toBe("invalid");
    // The attempt elsewhere did not spend it.
    await expect(confirmEmailSignIn({ tenantId: tenant.id, token })).resolves.toMatchObject({ email: "anna@example.it" });
  });

  it("refuses made-up links", async () => {
    const { tenant } = await setup();
    for (const token of ["", "abc", "x".repeat(43), "../../etc/passwd"]) {
      const e = await appErrorOf(confirmEmailSignIn({ tenantId: tenant.id, token }));
      expect(e.messageKey, token).toBe("emailAccess.errors.linkInvalid");
    }
  });

  it("answers an invalid address with a field error and sends nothing", async () => {
    const { tenant, service } = await setup();
    for (const [email, key] of [
      ["", "emailAccess.errors.emailRequired"],
      ["   ", "emailAccess.errors.emailRequired"],
      ["anna", "emailAccess.errors.invalidEmail"],
      ["anna@", "emailAccess.errors.invalidEmail"],
      ["anna@example", "emailAccess.errors.invalidEmail"],
      [`${"a".repeat(250)}@example.it`, "emailAccess.errors.invalidEmail"],
    ] as const) {
      const e = await appErrorOf(requestEmailSignIn({ tenantId: tenant.id, email, serviceId: service.id }));
      expect([e.code, e.fields], email).toEqual(["BAD_REQUEST", { email: key }]);
    }
    expect(await linkEmails(tenant.id)).toHaveLength(0);
  });

  it("answers the same for an address that has applied before and for a new one", async () => {
    const { tenant, service } = await setup();
    await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant: { kind: "email", email: "gia@example.it" } });
    await expect(requestEmailSignIn({ tenantId: tenant.id, email: "gia@example.it", serviceId: service.id })).resolves.toBeUndefined();
    await expect(requestEmailSignIn({ tenantId: tenant.id, email: "nuova@example.it", serviceId: service.id })).resolves.toBeUndefined();
    expect((await linkEmails(tenant.id)).map((m) => m.to)).toEqual(["gia@example.it", "nuova@example.it"]);
  });

  it("refuses a service that needs SPID or belongs to another municipality", async () => {
    const { tenant } = await setup();
    const spid = await createTestService({ tenantId: tenant.id, accessLevel: "SPID_L2" });
    const elsewhere = await setup();
    for (const serviceId of [spid.id, elsewhere.service.id]) {
      const e = await appErrorOf(requestEmailSignIn({ tenantId: tenant.id, email: "anna@example.it", serviceId }));
      expect([e.code, e.fields]).toEqual(["NOT_FOUND", { service: "emailAccess.errors.serviceNotAvailable" }]);
    }
    expect(await linkEmails(tenant.id)).toHaveLength(0);
  });

  it("sends at most 5 links an hour per address and municipality", async () => {
    const { tenant, service } = await setup();
    const other = await setup();
    const start = new Date("2026-11-23T10:00:00Z");
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
    for (let i = 0; i < EMAIL_SIGN_IN_LIMITS.perEmail; i++) {
      await requestEmailSignIn({ tenantId: tenant.id, email: "fretta@example.it", serviceId: service.id, now: at(i * 5) });
    }
    const e = await appErrorOf(requestEmailSignIn({ tenantId: tenant.id, email: "FRETTA@example.it", serviceId: service.id, now: at(30) }));
    expect(e.code).toBe("TOO_MANY_REQUESTS");
    // The first link leaves the window 60 minutes after it was sent: 30 minutes from now.
    expect(e.retryAfterSeconds).toBe(30 * 60);
    expect(await linkEmails(tenant.id, "fretta@example.it")).toHaveLength(5);

    // Another address, another municipality, and the same address an hour later are not held up.
    await requestEmailSignIn({ tenantId: tenant.id, email: "calma@example.it", serviceId: service.id, now: at(30) });
    await requestEmailSignIn({ tenantId: other.tenant.id, email: "fretta@example.it", serviceId: other.service.id, now: at(30) });
    await requestEmailSignIn({ tenantId: tenant.id, email: "fretta@example.it", serviceId: service.id, now: at(61) });
    expect(await linkEmails(tenant.id, "fretta@example.it")).toHaveLength(6);
  });

  it("limits the links asked for from one client address", async () => {
    const { tenant, service } = await setup();
    const now = new Date("2026-11-23T10:00:00Z");
    const ip = "203.0.113.7";
    const perEmail = EMAIL_SIGN_IN_LIMITS.perEmail;
    for (let i = 0; i < EMAIL_SIGN_IN_LIMITS.perIp; i++) {
      await requestEmailSignIn({ tenantId: tenant.id, email: `p${Math.floor(i / perEmail)}@example.it`, serviceId: service.id, ip, now });
    }
    const e = await appErrorOf(requestEmailSignIn({ tenantId: tenant.id, email: "altro@example.it", serviceId: service.id, ip, now }));
    expect(e.code).toBe("TOO_MANY_REQUESTS");
    // Someone else, from another address, still gets a link.
    await requestEmailSignIn({ tenantId: tenant.id, email: "altro@example.it", serviceId: service.id, ip: "198.51.100.1", now });
    expect(await linkEmails(tenant.id, "altro@example.it")).toHaveLength(1);
  }, 60_000);
});
