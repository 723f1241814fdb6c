import { beforeAll, describe, expect, it } from "vitest";
import { decryptAppIoApiKey } from "@/server/appio/send";
import { db } from "@/server/db/client";
import type { TTenantSettingsForm } from "@/server/settings/settings-values";
import { callerFor, createSettingsScenario, failureOf } from "@/server/settings/testing";
import { trpcCode } from "@/server/test/trpc";

// "Impostazioni" through tRPC: only the municipality's administrators (and the platform's
// super-admins) read and change its settings; every change is one audit line with the previous
// values; the App IO key goes in encrypted and never comes back out.

let tenant: Awaited<ReturnType<typeof createSettingsScenario>>["tenant"];
let ids: Awaited<ReturnType<typeof createSettingsScenario>>["ids"];

beforeAll(async () => {
  ({ tenant, ids } = await createSettingsScenario());
});

const form = (patch: Partial<TTenantSettingsForm> = {}): TTenantSettingsForm => ({
  name: "Comune di Valletta",
  area: "Provincia di Prova",
  protocolPrefix: "VAL",
  contactEmail: "urp@valletta.example.it",
  contactPhone: "0123 456789",
  website: "https://www.comune.valletta.example.it",
  address: "Piazza Municipio 1",
  emailFromName: "Comune di Valletta",
  emailFromAddress: "noreply@valletta.example.it",
  brandColor: "#17334f",
  ...patch,
});

async function auditLines(tenantId: string) {
  return (await db()).auditEvent.findMany({ where: { tenantId, action: "tenant.settings" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

describe("tenantSettings router", () => {
  it("saves the settings, audits changed fields with their previous values, and refuses a stale page", async () => {
    const admin = await callerFor(ids.admin, tenant.slug);
    const before = await admin.tenantSettings.get({ tenantSlug: tenant.slug });
    expect(before.values.name).toBe(tenant.name);
    // No application registered yet: the next protocol number is the year's first.
    expect(before.protocol).toEqual({ lastNumber: null, year: new Date().getFullYear(), nextSeq: 1 });

    const saved = await admin.tenantSettings.update({ tenantSlug: tenant.slug, expectedUpdatedAt: before.updatedAt, values: form() });
    expect(saved.changed).toEqual(expect.arrayContaining(["name", "protocolPrefix", "brandColor", "emailFrom", "website"]));
    const stored = await (await db()).tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(stored).toMatchObject({ name: "Comune di Valletta", protocolPrefix: "VAL", brandColor: "#17334f", emailFrom: "Comune di Valletta <noreply@valletta.example.it>" });

    const [line] = await auditLines(tenant.id);
    expect(line).toMatchObject({ actorKind: "STAFF", actorId: ids.admin, actorRole: "TENANT_ADMIN", ip: "203.0.113.7" });
    expect(line!.details).toMatchObject({ previous: { name: tenant.name, protocolPrefix: tenant.protocolPrefix, brandColor: "#0066cc", website: null } });

    // The same values again: nothing changes, no new line.
    expect((await admin.tenantSettings.update({ tenantSlug: tenant.slug, expectedUpdatedAt: saved.updatedAt, values: form() })).changed).toEqual([]);
    // Loaded before the first save: someone changed it meanwhile.
    expect(await trpcCode(admin.tenantSettings.update({ tenantSlug: tenant.slug, expectedUpdatedAt: before.updatedAt, values: form({ name: "Altro nome" }) }))).toBe("CONFLICT");
    expect(await auditLines(tenant.id)).toHaveLength(1);

    const history = await admin.tenantSettings.history({ tenantSlug: tenant.slug });
    expect(history[0]).toMatchObject({ actorRole: "TENANT_ADMIN", changed: expect.arrayContaining(["name", "brandColor"]) });
    expect(history[0]!.actorName).toMatch(/^Operatore /);
  });

  it("refuses a colour too light for white text, with the field named", async () => {
    const admin = await callerFor(ids.admin, tenant.slug);
    const { updatedAt } = await admin.tenantSettings.get({ tenantSlug: tenant.slug });
    expect(await failureOf(admin.tenantSettings.update({ tenantSlug: tenant.slug, expectedUpdatedAt: updatedAt, values: form({ brandColor: "#7fb2e5" }) }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { "values.brandColor": "tenantSettings.errors.brandColorContrast" },
    });
  });

  it("stores the App IO key encrypted, never returns it, and audits only that it changed", async () => {
    const admin = await callerFor(ids.admin, tenant.slug);
    const key = "0123456789abcdef0123456789abcdef";
    expect(await admin.tenantSettings.setAppIoKey({ tenantSlug: tenant.slug, apiKey: ` ${key} ` })).toEqual({ configured: true });

    const stored = (await (await db()).tenant.findUniqueOrThrow({ where: { id: tenant.id } })).appIoApiKey!;
    expect(stored).not.toContain(key);
    expect(decryptAppIoApiKey(tenant.id, stored)).toBe(key);

    const view = await admin.tenantSettings.get({ tenantSlug: tenant.slug });
    expect(view.appIo).toEqual({ configured: true, changedAt: expect.any(Date) });
    expect(JSON.stringify(view)).not.toContain(key);
    expect(JSON.stringify(view)).not.toContain(stored);

    await admin.tenantSettings.setAppIoKey({ tenantSlug: tenant.slug, apiKey: "fedcba9876543210fedcba9876543210" });
    await admin.tenantSettings.removeAppIoKey({ tenantSlug: tenant.slug });
    expect((await admin.tenantSettings.get({ tenantSlug: tenant.slug })).appIo).toEqual({ configured: false, changedAt: null });
    const lines = (await auditLines(tenant.id)).filter((l) => (l.details as { changed: string[] }).changed.includes("appIoApiKey"));
    expect(lines.map((l) => (l.details as { appIoApiKey: string }).appIoApiKey)).toEqual(["set", "replaced", "removed"]);
    expect(JSON.stringify(lines)).not.toMatch(/0123456789abcdef|fedcba9876543210|v1:/);

    expect(await trpcCode(admin.tenantSettings.setAppIoKey({ tenantSlug: tenant.slug, apiKey: "troppo corta" }))).toBe("BAD_REQUEST");
  });

  it("lets a super-admin in, and nobody else but the municipality's administrators", async () => {
    const slug = tenant.slug;
    const superAdmin = await callerFor(ids.superAdmin, slug);
    const { updatedAt } = await superAdmin.tenantSettings.get({ tenantSlug: slug });
    await superAdmin.tenantSettings.update({ tenantSlug: slug, expectedUpdatedAt: updatedAt, values: form({ area: "Provincia di Altrove" }) });
    expect((await superAdmin.tenantSettings.history({ tenantSlug: slug }))[0]).toMatchObject({ actorRole: "SUPER_ADMIN", changed: ["area"] });

    const calls = (c: Awaited<ReturnType<typeof callerFor>>) => [
      c.tenantSettings.get({ tenantSlug: slug }),
      c.tenantSettings.update({ tenantSlug: slug, expectedUpdatedAt: updatedAt, values: form() }),
      c.tenantSettings.setAppIoKey({ tenantSlug: slug, apiKey: "0123456789abcdef0123456789abcdef" }),
      c.tenantSettings.removeAppIoKey({ tenantSlug: slug }),
      c.tenantSettings.removeLogo({ tenantSlug: slug }),
      c.tenantSettings.history({ tenantSlug: slug }),
    ];
    for (const who of [ids.operator, ids.manager, ids.otherAdmin]) {
      for (const call of calls(await callerFor(who, slug))) expect(await trpcCode(call)).toBe("NOT_FOUND");
    }
    for (const call of calls(await callerFor(null, slug))) expect(await trpcCode(call)).toBe("UNAUTHORIZED");
    // The admin may call each of them (removing a logo that is not there changes nothing).
    const admin = await callerFor(ids.admin, slug);
    expect(await admin.tenantSettings.removeLogo({ tenantSlug: slug })).toEqual({ hasLogo: false });
    expect(await admin.tenantSettings.removeAppIoKey({ tenantSlug: slug })).toEqual({ configured: false });
  });
});
