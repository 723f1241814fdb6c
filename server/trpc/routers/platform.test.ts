import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { callerFor as settingsCaller, createSettingsScenario, failureOf as failure } from "@/server/settings/testing";

// The platform's administration through tRPC: super-admins list, create and edit
// municipalities; a municipality's own administrators (and anyone else) are refused.

const callerFor = (staffUserId: string | null) => settingsCaller(staffUserId, undefined, "198.51.100.4");

let superAdmin: string;
let tenantAdmin: string;
let operator: string;
let tenant: Awaited<ReturnType<typeof createSettingsScenario>>["tenant"];

beforeAll(async () => {
  const s = await createSettingsScenario();
  ({ tenant } = s);
  ({ superAdmin, admin: tenantAdmin, operator } = s.ids);
});

const newValues = (slug: string) => ({ slug, name: "Comune di Monteprova", area: "Provincia di Prova", protocolPrefix: "mtp", contactEmail: "urp@monteprova.example.it" });

describe("platform router", () => {
  it("creates a municipality with its default categories and an audit line, then edits its base fields", async () => {
    const admin = await callerFor(superAdmin);
    const slug = `monteprova-${randomUUID().slice(0, 6)}`;
    const created = await admin.platform.create({ values: newValues(slug) });
    expect(created).toMatchObject({ slug, name: "Comune di Monteprova" });

    const prisma = await db();
    const row = await prisma.tenant.findUniqueOrThrow({ where: { slug }, include: { serviceCategories: true } });
    expect(row).toMatchObject({ protocolPrefix: "MTP", contactEmail: "urp@monteprova.example.it", brandColor: "#0066cc" });
    expect(row.serviceCategories.map((c) => c.slug).sort()).toEqual(["assistenza-sostegno", "educazione-formazione", "mobilita-trasporti"]);
    const line = await prisma.auditEvent.findFirstOrThrow({ where: { tenantId: row.id, action: "tenant.create" } });
    expect(line).toMatchObject({ actorId: superAdmin, actorRole: "SUPER_ADMIN", ip: "198.51.100.4" });

    expect((await admin.platform.list()).map((t) => t.slug)).toContain(slug);
    const loaded = await admin.platform.get({ slug });
    const saved = await admin.platform.update({
      tenantId: loaded.id,
      expectedUpdatedAt: loaded.updatedAt,
      values: { name: "Comune di Monteprova Alta", area: "", protocolPrefix: "MTA", contactEmail: "" },
    });
    expect(saved.changed.sort()).toEqual(["area", "contactEmail", "name", "protocolPrefix"]);
    expect(await prisma.tenant.findUniqueOrThrow({ where: { slug } })).toMatchObject({ name: "Comune di Monteprova Alta", area: null, contactEmail: null, protocolPrefix: "MTA" });
    const edit = await prisma.auditEvent.findFirstOrThrow({ where: { tenantId: row.id, action: "tenant.settings" } });
    expect(edit).toMatchObject({ actorRole: "SUPER_ADMIN", details: { previous: { name: "Comune di Monteprova", protocolPrefix: "MTP" } } });
    // Edited from a stale page: refused.
    expect((await failure(admin.platform.update({ tenantId: loaded.id, expectedUpdatedAt: loaded.updatedAt, values: { name: "X X X", area: "", protocolPrefix: "XX", contactEmail: "" } }))).code).toBe("CONFLICT");
  });

  it("refuses addresses that are reserved, taken or malformed, naming the field", async () => {
    const admin = await callerFor(superAdmin);
    expect(await failure(admin.platform.create({ values: newValues("admin") }))).toMatchObject({ code: "BAD_REQUEST", fields: { slug: "admin.errors.slugReserved" } });
    expect(await failure(admin.platform.create({ values: newValues(tenant.slug) }))).toMatchObject({ code: "CONFLICT", fields: { slug: "admin.errors.slugTaken" } });
    for (const bad of ["-comune", "comune_1", "Comune di X", "x"]) {
      expect(await failure(admin.platform.create({ values: newValues(bad) })), bad).toMatchObject({ code: "BAD_REQUEST", fields: { "values.slug": "admin.errors.slugInvalid" } });
    }
    expect(await failure(admin.platform.create({ values: { ...newValues("prefisso-errato"), protocolPrefix: "P-1" } }))).toMatchObject({
      fields: { "values.protocolPrefix": "tenantSettings.errors.protocolPrefixInvalid" },
    });
    expect(await failure(admin.platform.create({ values: { ...newValues("senza-email"), contactEmail: "" } }))).toMatchObject({
      fields: { "values.contactEmail": "tenantSettings.errors.emailInvalid" },
    });
  });

  it("is for super-admins only: a municipality's administrator or operator is refused, a visitor asked to sign in", async () => {
    const loaded = await (await callerFor(superAdmin)).platform.get({ slug: tenant.slug });
    const calls = (c: Awaited<ReturnType<typeof callerFor>>) => [
      c.platform.list(),
      c.platform.get({ slug: tenant.slug }),
      c.platform.create({ values: newValues(`rifiutato-${randomUUID().slice(0, 6)}`) }),
      c.platform.update({ tenantId: loaded.id, expectedUpdatedAt: loaded.updatedAt, values: { name: "Comune preso", area: "", protocolPrefix: "PRS", contactEmail: "" } }),
    ];
    for (const who of [tenantAdmin, operator]) for (const call of calls(await callerFor(who))) expect((await failure(call)).code).toBe("FORBIDDEN");
    for (const call of calls(await callerFor(null))) expect((await failure(call)).code).toBe("UNAUTHORIZED");
    expect((await (await db()).tenant.findUniqueOrThrow({ where: { id: tenant.id } })).name).toBe(tenant.name);
  });
});
