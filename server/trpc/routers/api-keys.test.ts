import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/server/api/keys";
import { oneYearLater, romeToday } from "@/server/api/keys-admin-values";
import { callApiChecked } from "@/server/api/testing";
import { db } from "@/server/db/client";
import { callerFor, createSettingsScenario, failureOf } from "@/server/settings/testing";
import { trpcCode } from "@/server/test/trpc";

// "Chiavi API" through tRPC: the municipality's administrators (and super-admins) list, create
// and revoke its keys; the key comes back once, at creation, and is stored only as a hash; a
// revoked key stops working at once; every change is audited without the key.

let tenant: Awaited<ReturnType<typeof createSettingsScenario>>["tenant"];
let ids: Awaited<ReturnType<typeof createSettingsScenario>>["ids"];

beforeAll(async () => {
  ({ tenant, ids } = await createSettingsScenario());
});

const nextYear = () => oneYearLater(romeToday());
const values = (patch: Record<string, unknown> = {}) => ({
  tenantSlug: tenant.slug,
  name: "Gestionale protocollo",
  scopes: ["services:read", "applications:read"] as ("services:read" | "applications:read")[],
  expiresOn: nextYear() as string | null,
  rateLimitPerMinute: 60,
  ...patch,
});

async function auditLines(action: string) {
  return (await db()).auditEvent.findMany({ where: { tenantId: tenant.id, action }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

describe("apiKeys router", () => {
  it("creates a key shown once, stored as a hash, listed by prefix, working on the API until revoked", async () => {
    const admin = await callerFor(ids.admin, tenant.slug);
    const created = await admin.apiKeys.create(values());
    expect(created.key).toMatch(/^spk_[\w-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.scopes).toEqual(["services:read", "applications:read"]);
    // The last day chosen is a whole working day, on Rome's clock.
    expect(created.expiresAt!.getTime()).toBeGreaterThan(new Date(`${nextYear()}T20:00:00Z`).getTime());
    expect(created.expiresAt!.getTime()).toBeLessThan(new Date(`${nextYear()}T23:00:00Z`).getTime());

    const stored = await (await db()).apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(created.key);
    expect(stored).toMatchObject({ createdById: ids.admin, rateLimitPerMinute: 60, revokedAt: null });

    const list = await admin.apiKeys.list({ tenantSlug: tenant.slug });
    const row = list.find((k) => k.id === created.id)!;
    expect(row).toMatchObject({ name: "Gestionale protocollo", prefix: created.prefix, status: "active", lastUsedAt: null, createdBy: { id: ids.admin } });
    expect(JSON.stringify(list)).not.toContain(created.key);

    expect((await callApiChecked("GET", "/key", { key: created.key })).status).toBe(200);
    expect((await admin.apiKeys.list({ tenantSlug: tenant.slug })).find((k) => k.id === created.id)!.lastUsedAt).toBeInstanceOf(Date);

    expect(await admin.apiKeys.revoke({ tenantSlug: tenant.slug, keyId: created.id })).toMatchObject({ changed: true });
    expect((await callApiChecked("GET", "/key", { key: created.key })).status).toBe(401);
    // Again: nothing changes, no second audit line.
    expect(await admin.apiKeys.revoke({ tenantSlug: tenant.slug, keyId: created.id })).toMatchObject({ changed: false });
    const revoked = (await admin.apiKeys.list({ tenantSlug: tenant.slug })).find((k) => k.id === created.id)!;
    expect(revoked).toMatchObject({ status: "revoked", revokedBy: { id: ids.admin } });

    const [createLine] = (await auditLines("apiKey.create")).filter((l) => (l.details as { keyId: string }).keyId === created.id);
    expect(createLine).toMatchObject({ actorKind: "STAFF", actorId: ids.admin, actorRole: "TENANT_ADMIN", ip: "203.0.113.7" });
    expect(createLine!.details).toMatchObject({ name: "Gestionale protocollo", prefix: created.prefix, scopes: ["services:read", "applications:read"], rateLimitPerMinute: 60 });
    const revokeLines = (await auditLines("apiKey.revoke")).filter((l) => (l.details as { keyId: string }).keyId === created.id);
    expect(revokeLines).toHaveLength(1);
    expect(JSON.stringify(await auditLines("apiKey.create"))).not.toContain(created.key);
  });

  it("creates a key without expiry, and tells expired keys apart", async () => {
    const admin = await callerFor(ids.admin, tenant.slug);
    const forever = await admin.apiKeys.create(values({ name: "Senza scadenza", expiresOn: null, scopes: ["services:read"] }));
    expect(forever.expiresAt).toBeNull();
    expect(await authenticateApiKey(forever.key)).toMatchObject({ id: forever.id, scopes: ["services:read"], rateLimitPerMinute: 60 });

    const old = await admin.apiKeys.create(values({ name: "Scaduta" }));
    await (await db()).apiKey.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await admin.apiKeys.list({ tenantSlug: tenant.slug })).find((k) => k.id === old.id)!.status).toBe("expired");
  });

  it("refuses invalid names, scopes, expiries and rate limits with the field named", async () => {
    const admin = await callerFor(ids.admin, tenant.slug);
    const failure = async (patch: Record<string, unknown>) => failureOf(admin.apiKeys.create(values(patch) as Parameters<typeof admin.apiKeys.create>[0]));
    expect(await failure({ name: "   " })).toMatchObject({ code: "BAD_REQUEST", fields: { name: "apiKeys.errors.nameRequired" } });
    expect(await failure({ name: "x".repeat(101) })).toMatchObject({ fields: { name: "apiKeys.errors.nameTooLong" } });
    expect(await failure({ scopes: [] })).toMatchObject({ fields: { scopes: "apiKeys.errors.scopesRequired" } });
    expect(await failure({ scopes: ["everything"] })).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure({ expiresOn: romeToday() })).toMatchObject({ fields: { expiresOn: "apiKeys.errors.expiryPast" } });
    expect(await failure({ expiresOn: "2020-01-01" })).toMatchObject({ fields: { expiresOn: "apiKeys.errors.expiryPast" } });
    expect(await failure({ expiresOn: "2030-02-30" })).toMatchObject({ fields: { expiresOn: "apiKeys.errors.expiryInvalid" } });
    expect(await failure({ rateLimitPerMinute: 0 })).toMatchObject({ fields: { rateLimitPerMinute: "apiKeys.errors.rateLimitInvalid" } });
    expect(await failure({ rateLimitPerMinute: 10_001 })).toMatchObject({ fields: { rateLimitPerMinute: "apiKeys.errors.rateLimitInvalid" } });
    expect(await (await db()).apiKey.count({ where: { tenantId: tenant.id, name: { in: ["   ", "x".repeat(101)] } } })).toBe(0);
  });

  it("answers NOT_FOUND for another municipality's key", async () => {
    const other = await createSettingsScenario();
    const theirs = await (await callerFor(other.ids.admin, other.tenant.slug)).apiKeys.create({ ...values(), tenantSlug: other.tenant.slug });
    const admin = await callerFor(ids.admin, tenant.slug);
    expect(await trpcCode(admin.apiKeys.revoke({ tenantSlug: tenant.slug, keyId: theirs.id }))).toBe("NOT_FOUND");
    expect((await admin.apiKeys.list({ tenantSlug: tenant.slug })).map((k) => k.id)).not.toContain(theirs.id);
    expect(await authenticateApiKey(theirs.key)).toMatchObject({ id: theirs.id });
  });

  it("lets a super-admin in, and nobody else but the municipality's administrators", async () => {
    const slug = tenant.slug;
    const superAdmin = await callerFor(ids.superAdmin, slug);
    const made = await superAdmin.apiKeys.create(values({ name: "Dal super-admin" }));
    expect((await superAdmin.apiKeys.list({ tenantSlug: slug })).map((k) => k.id)).toContain(made.id);
    expect(await superAdmin.apiKeys.revoke({ tenantSlug: slug, keyId: made.id })).toMatchObject({ changed: true });
    const line = (await auditLines("apiKey.create")).find((l) => (l.details as { keyId: string }).keyId === made.id);
    expect(line).toMatchObject({ actorRole: "SUPER_ADMIN", actorId: ids.superAdmin });

    const target = await (await callerFor(ids.admin, slug)).apiKeys.create(values({ name: "Bersaglio" }));
    const calls = (c: Awaited<ReturnType<typeof callerFor>>) => ({
      list: c.apiKeys.list({ tenantSlug: slug }),
      create: c.apiKeys.create(values({ name: "Non ammessa" })),
      revoke: c.apiKeys.revoke({ tenantSlug: slug, keyId: target.id }),
    });
    for (const [who, expected] of [
      [ids.operator, "NOT_FOUND"],
      [ids.manager, "NOT_FOUND"],
      [ids.otherAdmin, "NOT_FOUND"],
      [null, "UNAUTHORIZED"],
    ] as const) {
      for (const [name, call] of Object.entries(calls(await callerFor(who, slug)))) expect([name, await trpcCode(call)]).toEqual([name, expected]);
    }
    const prisma = await db();
    expect(await prisma.apiKey.count({ where: { tenantId: tenant.id, name: "Non ammessa" } })).toBe(0);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: target.id } })).revokedAt).toBeNull();
  });
});
