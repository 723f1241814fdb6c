import { describe, expect, it } from "vitest";
import { createTestService, TEST_FORM_SCHEMA } from "@/server/applications/testing";
import type { TStaffViewer } from "@/server/auth/types";
import { createInboxApplications } from "@/server/backoffice/testing";
import { db } from "@/server/db/client";
import type { TFormSchema } from "@/server/forms/schema";
import { appErrorOf } from "@/server/test/app-error";
import { createStaff, createTenant } from "@/server/test/factories";
import {
  discardFormDraft,
  exportFormVersion,
  getFormEditor,
  handleFormExport,
  importFormDraft,
  publishFormDraft,
  saveFormDraft,
  type TFormActor,
} from "./form-versions";

// The form builder's server side against the database: drafts that never lose work, publication
// as a new immutable version (applications keep theirs), two administrators, import and export.

const FORM_V2: TFormSchema = {
  version: 1,
  pages: [
    {
      key: "applicant",
      title: "Richiedente",
      fields: [
        { key: "fullName", type: "text", label: "Nome e cognome", required: true },
        { key: "telefono", type: "phone", label: "Telefono" },
      ],
    },
  ],
};
/** Saved, but not publishable: min > max. */
const WITH_PROBLEM: TFormSchema = { version: 1, pages: [{ key: "a", title: "A", fields: [{ key: "n", type: "number", label: "N", min: 5, max: 1 }] }] };

async function scenario() {
  const tenant = await createTenant();
  const service = await createTestService({ tenantId: tenant.id });
  const admin = (await createStaff({ tenantId: tenant.id, role: "TENANT_ADMIN" })).user;
  const actor: TFormActor = { id: admin.id, role: "TENANT_ADMIN" };
  const target = { tenantId: tenant.id, serviceId: service.id };
  return { tenant, service, admin, actor, target };
}

const history = async (serviceId: string) => (await db()).serviceChange.findMany({ where: { serviceId }, orderBy: { id: "asc" } });

describe("form versions", () => {
  it("opens on the current form and keeps every save of the draft, problems and all", async () => {
    const s = await scenario();
    await createInboxApplications({ tenantId: s.tenant.id, service: s.service, applications: [{}, { status: 1000 }] });
    const initial = await getFormEditor(s.target);
    expect(initial.draft).toBeNull();
    expect(initial.start).toEqual(TEST_FORM_SCHEMA);
    expect(initial.versions).toEqual([expect.objectContaining({ version: 1, applications: 2, current: true })]);

    const first = await saveFormDraft({ ...s.target, actor: s.actor, schema: WITH_PROBLEM, expectedUpdatedAt: null });
    if (!first.ok) throw new Error("saved expected");
    expect(first.problems.map((p) => p.key)).toEqual(["forms.schemaProblems.minGreaterThanMax"]);
    const second = await saveFormDraft({ ...s.target, actor: s.actor, schema: FORM_V2, expectedUpdatedAt: first.updatedAt });
    expect(second).toEqual({ ok: true, updatedAt: expect.any(Date), problems: [] });

    const state = await getFormEditor(s.target);
    expect(state.start).toEqual(FORM_V2);
    expect(state.draft).toEqual({ schema: FORM_V2, updatedAt: second.ok ? second.updatedAt : null, updatedBy: s.admin.name, version: 2 });
    expect(state.current?.version).toBe(1);
  });

  it("never stores a JSON that hasn't the shape of a form", async () => {
    const s = await scenario();
    const result = await saveFormDraft({ ...s.target, actor: s.actor, schema: { version: 1, pages: [{ key: "a", title: "", fields: [] }] }, expectedUpdatedAt: null });
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: ["pages", 0, "title"], key: "formBuilder.structure.empty", blocking: true },
        { path: ["pages", 0, "fields"], key: "formBuilder.structure.noFields", values: { min: 1 }, blocking: true },
      ],
    });
    expect((await getFormEditor(s.target)).draft).toBeNull();
  });

  it("refuses a save over another administrator's newer draft (CONFLICT), also the first one", async () => {
    const s = await scenario();
    const other: TFormActor = { id: (await createStaff({ tenantId: s.tenant.id, role: "TENANT_ADMIN" })).user.id, role: "TENANT_ADMIN" };
    // Both open the builder with no draft and save at the same time: one wins.
    const both = await Promise.allSettled([
      saveFormDraft({ ...s.target, actor: s.actor, schema: FORM_V2, expectedUpdatedAt: null }),
      saveFormDraft({ ...s.target, actor: other, schema: WITH_PROBLEM, expectedUpdatedAt: null }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = both.find((r) => r.status === "rejected");
    expect(lost && (lost.reason as { code: string }).code).toBe("CONFLICT");

    const { draft } = await getFormEditor(s.target);
    const old = new Date(draft!.updatedAt.getTime() - 1000);
    expect((await appErrorOf(saveFormDraft({ ...s.target, actor: s.actor, schema: FORM_V2, expectedUpdatedAt: old }))).code).toBe("CONFLICT");
    expect((await appErrorOf(publishFormDraft({ ...s.target, actor: s.actor, schema: FORM_V2, expectedUpdatedAt: null }))).code).toBe("CONFLICT");
    expect((await appErrorOf(discardFormDraft({ ...s.target, expectedUpdatedAt: old }))).code).toBe("CONFLICT");
    expect((await appErrorOf(importFormDraft({ ...s.target, actor: s.actor, json: JSON.stringify(FORM_V2), expectedUpdatedAt: null }))).code).toBe("CONFLICT");
    // Nothing was overwritten.
    expect((await getFormEditor(s.target)).draft!.updatedAt).toEqual(draft!.updatedAt);
  });

  it("publishes a new version; the old one and its applications stay as they were", async () => {
    const s = await scenario();
    const [appId] = await createInboxApplications({ tenantId: s.tenant.id, service: s.service, applications: [{}] });
    const saved = await saveFormDraft({ ...s.target, actor: s.actor, schema: WITH_PROBLEM, expectedUpdatedAt: null });
    if (!saved.ok) throw new Error("saved expected");

    // Problems: refused with the list, nothing changed.
    const refused = await publishFormDraft({ ...s.target, actor: s.actor, schema: WITH_PROBLEM, expectedUpdatedAt: saved.updatedAt });
    expect(refused).toEqual({ status: "problems", problems: [expect.objectContaining({ key: "forms.schemaProblems.minGreaterThanMax", path: ["pages", 0, "fields", 0] })] });
    expect((await getFormEditor(s.target)).current?.version).toBe(1);

    const published = await publishFormDraft({ ...s.target, actor: s.actor, schema: FORM_V2, expectedUpdatedAt: saved.updatedAt });
    expect(published).toEqual({ status: "published", version: 2, publishedAt: expect.any(Date), serviceVersion: s.service.version + 1 });

    const prisma = await db();
    const service = await prisma.service.findUniqueOrThrow({ where: { id: s.service.id }, include: { currentFormVersion: true } });
    expect(service.currentFormVersion).toMatchObject({ version: 2, schema: FORM_V2, updatedById: s.admin.id });
    const state = await getFormEditor(s.target);
    expect(state.draft).toBeNull();
    expect(state.versions.map((v) => [v.version, v.current, v.applications, v.publishedBy])).toEqual([
      [2, true, 0, s.admin.name],
      [1, false, 1, null],
    ]);
    expect((await prisma.formVersion.findFirstOrThrow({ where: { serviceId: s.service.id, version: 1 } })).schema).toEqual(TEST_FORM_SCHEMA);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: appId! }, include: { formVersion: true } })).formVersion.version).toBe(1);
    expect((await history(s.service.id)).map((h) => [h.action, h.actorId, h.changes])).toEqual([["form.publish", s.admin.id, [{ field: "formVersion", before: 1, after: 2 }]]]);

    // The same form again: no new version. Without a draft, publishing saves and publishes at once.
    expect(await publishFormDraft({ ...s.target, actor: s.actor, schema: structuredClone(FORM_V2), expectedUpdatedAt: null })).toEqual({ status: "unchanged", version: 2 });
    const v3 = await publishFormDraft({ ...s.target, actor: s.actor, schema: { ...FORM_V2, pages: [{ ...FORM_V2.pages[0]!, title: "Chi fa domanda" }] }, expectedUpdatedAt: null });
    expect(v3).toMatchObject({ status: "published", version: 3, serviceVersion: s.service.version + 2 });
  });

  it("can't change a published version, even bypassing the builder (database trigger)", async () => {
    const s = await scenario();
    const prisma = await db();
    await expect(prisma.formVersion.update({ where: { id: s.service.currentFormVersionId! }, data: { schema: FORM_V2 } })).rejects.toThrow(/published and cannot be changed/);
    await expect(prisma.formVersion.update({ where: { id: s.service.currentFormVersionId! }, data: { publishedAt: null } })).rejects.toThrow();
  });

  it("discards the draft: the builder is back on the current form", async () => {
    const s = await scenario();
    const saved = await saveFormDraft({ ...s.target, actor: s.actor, schema: FORM_V2, expectedUpdatedAt: null });
    if (!saved.ok) throw new Error("saved expected");
    await discardFormDraft({ ...s.target, expectedUpdatedAt: saved.updatedAt });
    const state = await getFormEditor(s.target);
    expect(state.draft).toBeNull();
    expect(state.start).toEqual(TEST_FORM_SCHEMA);
    // Twice (another tab): nothing left to do, no error.
    await discardFormDraft({ ...s.target, expectedUpdatedAt: saved.updatedAt });
    // The next draft takes the next number, as the discarded one did.
    const again = await saveFormDraft({ ...s.target, actor: s.actor, schema: FORM_V2, expectedUpdatedAt: null });
    expect(again.ok).toBe(true);
    expect((await getFormEditor(s.target)).draft?.version).toBe(2);
  });

  it("imports a JSON as the draft, or says everything wrong with it and changes nothing", async () => {
    const s = await scenario();
    const saved = await saveFormDraft({ ...s.target, actor: s.actor, schema: WITH_PROBLEM, expectedUpdatedAt: null });
    if (!saved.ok) throw new Error("saved expected");
    const tryImport = (json: string) => importFormDraft({ ...s.target, actor: s.actor, json, expectedUpdatedAt: saved.updatedAt });

    expect(await tryImport("{ pages: ")).toEqual({ ok: false, problems: [expect.objectContaining({ key: expect.stringMatching(/^formBuilder\.structure\.notJson/) })] });
    expect(await tryImport(JSON.stringify({ version: 1, pages: [{ key: "a", title: "A", fields: [{ key: "x", type: "colour", label: "X" }] }] }))).toEqual({
      ok: false,
      problems: [expect.objectContaining({ key: "formBuilder.structure.unknownType", path: ["pages", 0, "fields", 0, "type"] })],
    });
    expect(await tryImport(JSON.stringify(WITH_PROBLEM))).toMatchObject({ ok: false, problems: [{ key: "forms.schemaProblems.minGreaterThanMax" }] });
    const unchanged = await getFormEditor(s.target);
    expect(unchanged.draft?.updatedAt).toEqual(saved.updatedAt);
    expect(await history(s.service.id)).toEqual([]);

    const imported = await tryImport(JSON.stringify(FORM_V2, null, 2));
    expect(imported).toEqual({ ok: true, updatedAt: expect.any(Date), schema: FORM_V2 });
    expect((await getFormEditor(s.target)).draft?.schema).toEqual(FORM_V2);
    expect((await history(s.service.id)).map((h) => [h.action, h.changes])).toEqual([["form.import", [{ field: "formDraft", before: WITH_PROBLEM, after: FORM_V2 }]]]);
  });

  it("exports any version as a JSON file the import takes back", async () => {
    const s = await scenario();
    const file = await exportFormVersion({ ...s.target, version: 1 });
    expect(file.fileName).toBe(`${s.service.slug}-modulo-v1.json`);
    expect(JSON.parse(file.json)).toEqual(TEST_FORM_SCHEMA);
    expect((await appErrorOf(exportFormVersion({ ...s.target, version: "draft" }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(exportFormVersion({ ...s.target, version: 7 }))).code).toBe("NOT_FOUND");
    await saveFormDraft({ ...s.target, actor: s.actor, schema: FORM_V2, expectedUpdatedAt: null });
    expect((await exportFormVersion({ ...s.target, version: "draft" })).fileName).toBe(`${s.service.slug}-modulo-bozza.json`);
    // Round trip into another service.
    const other = await createTestService({ tenantId: s.tenant.id });
    expect(await importFormDraft({ tenantId: s.tenant.id, serviceId: other.id, actor: s.actor, json: file.json, expectedUpdatedAt: null })).toMatchObject({ ok: true });
  });

  it("keeps each municipality's services to itself", async () => {
    const s = await scenario();
    const elsewhere = await createTenant();
    const target = { tenantId: elsewhere.id, serviceId: s.service.id };
    expect((await appErrorOf(getFormEditor(target))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(saveFormDraft({ ...target, actor: s.actor, schema: FORM_V2, expectedUpdatedAt: null }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(publishFormDraft({ ...target, actor: s.actor, schema: FORM_V2, expectedUpdatedAt: null }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(exportFormVersion({ ...target, version: 1 }))).code).toBe("NOT_FOUND");
  });
});

describe("the JSON download", () => {
  async function download(staffId: string | null, tenant: { id: string; slug: string }, serviceId: string, versione: string) {
    const prisma = await db();
    const staff = staffId ? ((await prisma.staffUser.findUniqueOrThrow({ where: { id: staffId }, include: { memberships: true } })) as unknown as TStaffViewer) : null;
    return handleFormExport(new Request(`http://x/api/${tenant.slug}/backoffice/servizi/${serviceId}/modulo.json?versione=${versione}`), { tenant: tenant.slug, id: serviceId }, {
      resolveTenant: async () => tenant,
      getStaff: async () => staff,
    });
  }

  it("is for the municipality's administrators; everyone else gets 404", async () => {
    const s = await scenario();
    const ok = await download(s.admin.id, s.tenant, s.service.id, "1");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toContain(`${s.service.slug}-modulo-v1.json`);
    expect(await ok.json()).toEqual(TEST_FORM_SCHEMA);

    const manager = (await createStaff({ tenantId: s.tenant.id, role: "SERVICE_MANAGER" })).user;
    await (await db()).serviceOperator.create({ data: { tenantId: s.tenant.id, serviceId: s.service.id, staffUserId: manager.id } });
    const operator = (await createStaff({ tenantId: s.tenant.id, role: "OPERATOR" })).user;
    const stranger = (await createStaff({ tenantId: (await createTenant()).id, role: "TENANT_ADMIN" })).user;
    for (const id of [manager.id, operator.id, stranger.id, null]) expect((await download(id, s.tenant, s.service.id, "1")).status).toBe(404);
    for (const versione of ["bozza", "9", "x", ""]) expect((await download(s.admin.id, s.tenant, s.service.id, versione)).status).toBe(404);
  });
});
