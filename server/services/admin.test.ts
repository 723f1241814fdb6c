import { describe, expect, it } from "vitest";
import { createApplicationInStatus, createTestService, TEST_FORM_SCHEMA } from "@/server/applications/testing";
import { APPLICATION_STATUS } from "@/server/applications/status";
import { db } from "@/server/db/client";
import { createStaff } from "@/server/test/factories";
import { appErrorOf } from "@/server/test/app-error";
import {
  changeServiceStatus,
  createService,
  dateToRomeLocal,
  deleteDraftService,
  duplicateService,
  getServiceForStaff,
  listServicesForStaff,
  romeLocalToDate,
  setServiceDates,
  setServiceOperators,
  updateService,
} from "./admin";
import { statusActionsFrom } from "./admin-values";
import { createServiceAdminScenario, historyOf } from "./testing";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function draftService() {
  const s = await createServiceAdminScenario();
  const created = await createService({
    tenantId: s.tenant.id,
    staff: s.staff.admin,
    values: { name: "Bonus affitto", categoryId: s.service.categoryId, accessLevel: "SPID_L2", maxProcessingDays: 45, summary: "Un contributo per l'affitto." },
  });
  return { ...s, draft: created };
}

const fillCard = { audience: "Residenti", howTo: "Online", documentsNeeded: "Nessuno", cost: "Gratuito", contacts: "urp@example.test", privacyNotice: "Informativa" };

describe("dates on Rome's clock", () => {
  it("reads and writes datetime-local values in Europe/Rome, summer and winter", () => {
    expect(romeLocalToDate("2027-03-03T09:00")!.toISOString()).toBe("2027-03-03T08:00:00.000Z");
    expect(romeLocalToDate("2027-07-01T09:00")!.toISOString()).toBe("2027-07-01T07:00:00.000Z");
    expect(dateToRomeLocal(new Date("2027-07-01T07:00:00Z"))).toBe("2027-07-01T09:00");
    expect(dateToRomeLocal(null)).toBe("");
    expect(romeLocalToDate("")).toBeNull();
  });
});

describe("creating a service", () => {
  it("makes a DRAFT with a slug derived from the name, unique in the municipality, and a history line", async () => {
    const s = await draftService();
    expect(s.draft).toMatchObject({ status: "DRAFT", slug: "bonus-affitto", version: 0, name: "Bonus affitto" });
    const again = await createService({
      tenantId: s.tenant.id,
      staff: s.staff.admin,
      values: { name: "Bonus affitto", categoryId: s.service.categoryId, accessLevel: "SPID_L2", maxProcessingDays: 45, summary: "Altro" },
    });
    expect(again.slug).toBe("bonus-affitto-2");
    const taken = await appErrorOf(
      createService({
        tenantId: s.tenant.id,
        staff: s.staff.admin,
        values: { name: "Altro", slug: "bonus-affitto", categoryId: s.service.categoryId, accessLevel: "SPID_L2", maxProcessingDays: 45, summary: "Altro" },
      }),
    );
    expect(taken).toMatchObject({ code: "CONFLICT", fields: { slug: "serviceAdmin.errors.slugTaken" } });
    const [line] = await historyOf(s.draft.id);
    expect(line).toMatchObject({ action: "service.create", actorKind: "STAFF", actorId: s.users.admin.id, actorRole: "TENANT_ADMIN" });
    expect(line!.changes).toContainEqual({ field: "name", before: null, after: "Bonus affitto" });
  });

  it("refuses another municipality's category", async () => {
    const s = await createServiceAdminScenario();
    const foreign = await createTestService({ tenantId: s.other.id });
    const e = await appErrorOf(
      createService({ tenantId: s.tenant.id, staff: s.staff.admin, values: { name: "Servizio", categoryId: foreign.categoryId, accessLevel: "SPID_L2", maxProcessingDays: 5, summary: "x" } }),
    );
    expect(e.fields).toEqual({ categoryId: "serviceAdmin.errors.categoryInvalid" });
  });
});

describe("editing the card and the settings", () => {
  it("records each changed field with its previous value, bumps the version, refuses a stale page", async () => {
    const s = await createServiceAdminScenario();
    const updated = await updateService({ tenantId: s.tenant.id, staff: s.staff.manager, serviceId: s.service.id, expectedVersion: 0, values: { cost: "5 euro", howTo: "Come fare" } });
    expect(updated.version).toBe(1);
    const [line] = await historyOf(s.service.id);
    expect(line).toMatchObject({ action: "service.update", actorId: s.users.manager.id, actorRole: "SERVICE_MANAGER" });
    // howTo was already "Come fare": only the cost changed.
    expect(line!.changes).toEqual([{ field: "cost", before: "Gratuito", after: "5 euro" }]);

    const e = await appErrorOf(updateService({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id, expectedVersion: 0, values: { cost: "6 euro" } }));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "serviceAdmin.errors.stale" });
    await expect((await db()).service.findUniqueOrThrow({ where: { id: s.service.id } })).resolves.toMatchObject({ cost: "5 euro", version: 1 });
  });

  it("saving an unchanged card writes nothing", async () => {
    const s = await createServiceAdminScenario();
    const same = await updateService({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id, expectedVersion: 0, values: { cost: "Gratuito" } });
    expect(same.version).toBe(0);
    expect(await historyOf(s.service.id)).toEqual([]);
  });

  it("refuses a manager's setting as a whole, naming the field", async () => {
    const s = await createServiceAdminScenario();
    const e = await appErrorOf(
      updateService({ tenantId: s.tenant.id, staff: s.staff.manager, serviceId: s.service.id, expectedVersion: 0, values: { cost: "1 euro", accessLevel: "ANONYMOUS_EMAIL" } }),
    );
    expect(e).toMatchObject({ code: "FORBIDDEN", messageKey: "serviceAdmin.errors.adminOnlyField", fields: { accessLevel: "serviceAdmin.errors.adminOnlyField" } });
    expect((await (await db()).service.findUniqueOrThrow({ where: { id: s.service.id } })).cost).toBe("Gratuito");
  });

  it("records the category by name and refuses emptying the card of a published service", async () => {
    const s = await createServiceAdminScenario();
    await updateService({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id, expectedVersion: 0, values: { categoryId: s.otherService.categoryId } });
    const [line] = await historyOf(s.service.id);
    const names = await (await db()).serviceCategory.findMany({ where: { id: { in: [s.service.categoryId, s.otherService.categoryId] } } });
    const name = (id: string) => names.find((c) => c.id === id)!.name;
    expect(line!.changes).toEqual([{ field: "category", before: name(s.service.categoryId), after: name(s.otherService.categoryId) }]);
    const e = await appErrorOf(updateService({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id, expectedVersion: 1, values: { contacts: "  " } }));
    expect(e.fields).toEqual({ contacts: "serviceAdmin.errors.fieldRequired" });
  });

  it("lets the administrator change the address, refusing one already taken", async () => {
    const s = await createServiceAdminScenario();
    const e = await appErrorOf(updateService({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id, expectedVersion: 0, values: { slug: s.otherService.slug } }));
    expect(e).toMatchObject({ code: "CONFLICT", fields: { slug: "serviceAdmin.errors.slugTaken" } });
    const ok = await updateService({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id, expectedVersion: 0, values: { slug: "nuovo-indirizzo", allowWithdrawal: false } });
    expect(ok).toMatchObject({ slug: "nuovo-indirizzo", allowWithdrawal: false, version: 1 });
  });
});

describe("the opening window", () => {
  it("stores Rome times, refuses a closing before the opening or in the past, records both dates", async () => {
    const s = await createServiceAdminScenario({ opensAt: null, closesAt: null });
    const base = { tenantId: s.tenant.id, staff: s.staff.manager, serviceId: s.service.id };
    const before = await appErrorOf(setServiceDates({ ...base, expectedVersion: 0, opensAt: "2030-03-03T09:00", closesAt: "2030-03-03T08:00" }));
    expect(before.fields).toEqual({ closesAt: "serviceAdmin.errors.closesBeforeOpens" });
    const past = await appErrorOf(setServiceDates({ ...base, expectedVersion: 0, opensAt: "", closesAt: "2020-03-03T08:00" }));
    expect(past.fields).toEqual({ closesAt: "serviceAdmin.errors.closesInPast" });

    const saved = await setServiceDates({ ...base, expectedVersion: 0, opensAt: "2030-03-03T09:00", closesAt: "2030-04-30T12:00" });
    expect(saved.opensAt!.toISOString()).toBe("2030-03-03T08:00:00.000Z");
    expect(saved.closesAt!.toISOString()).toBe("2030-04-30T10:00:00.000Z");
    const [line] = await historyOf(s.service.id);
    expect(line!.changes).toEqual([
      { field: "opensAt", before: null, after: "2030-03-03T08:00:00.000Z" },
      { field: "closesAt", before: null, after: "2030-04-30T10:00:00.000Z" },
    ]);
  });
});

describe("the lifecycle", () => {
  it("refuses to publish without a published form, pointing to the form builder", async () => {
    const s = await draftService();
    await updateService({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.draft.id, expectedVersion: 0, values: fillCard });
    const e = await appErrorOf(changeServiceStatus({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.draft.id, expectedVersion: 1, action: "publish" }));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "serviceAdmin.errors.formNotPublished" });
  });

  it("refuses to publish an incomplete card, naming the empty fields", async () => {
    const s = await draftService();
    const prisma = await db();
    const form = await prisma.formVersion.create({ data: { tenantId: s.tenant.id, serviceId: s.draft.id, version: 1, schema: TEST_FORM_SCHEMA, publishedAt: new Date() } });
    await prisma.service.update({ where: { id: s.draft.id }, data: { currentFormVersionId: form.id } });
    const e = await appErrorOf(changeServiceStatus({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.draft.id, expectedVersion: 0, action: "publish" }));
    expect(e.messageKey).toBe("serviceAdmin.errors.cardIncomplete");
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(["audience", "contacts", "cost", "documentsNeeded", "howTo", "privacyNotice"]);
  });

  it("goes draft → scheduled → draft → published → suspended → published → closed → published, each recorded", async () => {
    const now = new Date();
    const s = await createServiceAdminScenario({ status: "DRAFT", opensAt: null, closesAt: null });
    const base = { tenantId: s.tenant.id, staff: s.staff.manager, serviceId: s.service.id, now };
    let v = 0;
    const act = async (action: Parameters<typeof changeServiceStatus>[0]["action"]) => {
      const r = await changeServiceStatus({ ...base, expectedVersion: v, action });
      v = r.version;
      return r.status;
    };
    // Scheduling needs an opening in the future.
    expect((await appErrorOf(changeServiceStatus({ ...base, expectedVersion: 0, action: "schedule" }))).messageKey).toBe("serviceAdmin.errors.scheduleNeedsFutureOpensAt");
    v = (await setServiceDates({ ...base, expectedVersion: 0, opensAt: dateToRomeLocal(new Date(now.getTime() + DAY)), closesAt: "" })).version;
    expect(await act("schedule")).toBe("SCHEDULED");
    // Publishing now while the opening is tomorrow: refused, use the schedule.
    expect(statusActionsFrom("SCHEDULED")).toEqual(["close", "unschedule"]);
    expect(await act("unschedule")).toBe("DRAFT");
    expect((await appErrorOf(changeServiceStatus({ ...base, expectedVersion: v, action: "publish" }))).messageKey).toBe("serviceAdmin.errors.opensInFuture");
    v = (await setServiceDates({ ...base, expectedVersion: v, opensAt: "", closesAt: "" })).version;
    expect(await act("publish")).toBe("PUBLISHED");
    expect(await act("suspend")).toBe("SUSPENDED");
    expect(await act("resume")).toBe("PUBLISHED");
    expect(await act("close")).toBe("CLOSED");
    expect(await act("reopen")).toBe("PUBLISHED");
    // Not from this status.
    expect((await appErrorOf(changeServiceStatus({ ...base, expectedVersion: v, action: "reopen" }))).messageKey).toBe("serviceAdmin.errors.statusActionNotAllowed");

    const statusLines = (await historyOf(s.service.id)).filter((l) => l.action === "service.status");
    expect(statusLines.map((l) => (l.changes as { before: string; after: string }[])[0])).toEqual([
      { field: "status", before: "DRAFT", after: "SCHEDULED" },
      { field: "status", before: "SCHEDULED", after: "DRAFT" },
      { field: "status", before: "DRAFT", after: "PUBLISHED" },
      { field: "status", before: "PUBLISHED", after: "SUSPENDED" },
      { field: "status", before: "SUSPENDED", after: "PUBLISHED" },
      { field: "status", before: "PUBLISHED", after: "CLOSED" },
      { field: "status", before: "CLOSED", after: "PUBLISHED" },
    ]);
  });

  it("reopens a closed service only once its closing date is moved or cleared", async () => {
    const s = await createServiceAdminScenario({ status: "CLOSED", closesAt: new Date(Date.now() - HOUR) });
    const base = { tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id };
    expect((await appErrorOf(changeServiceStatus({ ...base, expectedVersion: 0, action: "reopen" }))).messageKey).toBe("serviceAdmin.errors.reopenClosesInPast");
    const moved = await setServiceDates({ ...base, expectedVersion: 0, opensAt: dateToRomeLocal(s.service.opensAt), closesAt: "" });
    expect((await changeServiceStatus({ ...base, expectedVersion: moved.version, action: "reopen" })).status).toBe("PUBLISHED");
  });
});

describe("the staff who handle a service", () => {
  it("sets active staff of the municipality only, recording names before and after", async () => {
    const s = await createServiceAdminScenario();
    const base = { tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id };
    const foreign = await createStaff({ tenantId: s.other.id, role: "OPERATOR" });
    expect((await appErrorOf(setServiceOperators({ ...base, expectedVersion: 0, staffIds: [foreign.user.id] }))).fields).toEqual({
      staffIds: "serviceAdmin.errors.staffInvalid",
    });
    const disabled = await createStaff({ tenantId: s.tenant.id, role: "OPERATOR" });
    await (await db()).membership.updateMany({ where: { staffUserId: disabled.user.id }, data: { disabledAt: new Date() } });
    expect((await appErrorOf(setServiceOperators({ ...base, expectedVersion: 0, staffIds: [disabled.user.id] }))).code).toBe("BAD_REQUEST");

    const r = await setServiceOperators({ ...base, expectedVersion: 0, staffIds: [s.users.manager.id, s.users.otherManager.id] });
    expect(r.version).toBe(1);
    const rows = await (await db()).serviceOperator.findMany({ where: { serviceId: s.service.id } });
    expect(rows.map((o) => o.staffUserId).sort()).toEqual([s.users.manager.id, s.users.otherManager.id].sort());
    const [line] = await historyOf(s.service.id);
    const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, "it"));
    expect(line).toMatchObject({ action: "service.operators" });
    expect(line!.changes).toEqual([
      { field: "operators", before: sorted([s.users.manager.name, s.users.operator.name]), after: sorted([s.users.manager.name, s.users.otherManager.name]) },
    ]);
    // The manager taken off no longer manages it.
    const detail = await getServiceForStaff({ tenantId: s.tenant.id, staff: s.staff.otherManager, serviceId: s.service.id });
    expect(detail.permissions.editCard).toBe(true);
  });
});

describe("duplicating a service", () => {
  it("copies card, settings, staff, group (last) and the form into a new draft, and names the source", async () => {
    const s = await createServiceAdminScenario();
    const prisma = await db();
    const group = await prisma.serviceGroup.create({ data: { tenantId: s.tenant.id, slug: "bonus", name: "Bonus" } });
    await prisma.service.update({ where: { id: s.service.id }, data: { groupId: group.id, groupPosition: 1, allowIntegration: false, opensAt: new Date(), cost: "Gratuito per tutti" } });
    await prisma.service.update({ where: { id: s.otherService.id }, data: { groupId: group.id, groupPosition: 2 } });

    const copy = await duplicateService({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id, name: "Bonus affitto" });
    expect(copy).toMatchObject({ status: "DRAFT", slug: "bonus-affitto", name: "Bonus affitto", cost: "Gratuito per tutti", allowIntegration: false, groupId: group.id, groupPosition: 3 });
    expect(copy.opensAt).toBeNull();
    expect(copy.closesAt).toBeNull();
    expect(copy.currentFormVersionId).toBeNull();
    const forms = await prisma.formVersion.findMany({ where: { serviceId: copy.id } });
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ version: 1, publishedAt: null, schema: TEST_FORM_SCHEMA });
    const operators = await prisma.serviceOperator.findMany({ where: { serviceId: copy.id } });
    expect(operators.map((o) => o.staffUserId).sort()).toEqual([s.users.manager.id, s.users.operator.id].sort());
    expect(await prisma.application.count({ where: { serviceId: copy.id } })).toBe(0);
    const [line] = await historyOf(copy.id);
    expect(line).toMatchObject({ action: "service.duplicate", actorId: s.users.admin.id });
    expect(line!.changes).toContainEqual({ field: "duplicatedFrom", before: null, after: s.service.name });
  });

  it("copies the form draft being prepared rather than the published one", async () => {
    const s = await createServiceAdminScenario();
    const prisma = await db();
    const newer = { ...TEST_FORM_SCHEMA, pages: [{ ...TEST_FORM_SCHEMA.pages[0], title: "Nuova pagina" }] };
    await prisma.formVersion.create({ data: { tenantId: s.tenant.id, serviceId: s.service.id, version: 2, schema: newer, publishedAt: null } });
    const copy = await duplicateService({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id, name: "Copia" });
    const [form] = await prisma.formVersion.findMany({ where: { serviceId: copy.id } });
    expect(form!.schema).toEqual(newer);
  });
});

describe("deleting a draft", () => {
  it("deletes a draft never published; refuses a published service and one with applications", async () => {
    const s = await draftService();
    const base = { tenantId: s.tenant.id, staff: s.staff.admin };
    expect((await appErrorOf(deleteDraftService({ ...base, serviceId: s.service.id, expectedVersion: 0 }))).messageKey).toBe("serviceAdmin.errors.deleteOnlyDrafts");

    // A service published once and back to draft (scheduled, then cancelled, is fine).
    const prisma = await db();
    const once = await createServiceAdminScenario({ status: "DRAFT", opensAt: null, closesAt: null });
    const p = await changeServiceStatus({ tenantId: once.tenant.id, staff: once.staff.admin, serviceId: once.service.id, expectedVersion: 0, action: "publish" });
    await prisma.service.update({ where: { id: once.service.id }, data: { status: "DRAFT" } });
    expect((await appErrorOf(deleteDraftService({ tenantId: once.tenant.id, staff: once.staff.admin, serviceId: once.service.id, expectedVersion: p.version }))).messageKey).toBe(
      "serviceAdmin.errors.deleteOnlyDrafts",
    );

    const withApps = await createServiceAdminScenario({ status: "DRAFT" });
    await createApplicationInStatus({ tenantId: withApps.tenant.id, service: withApps.service, status: APPLICATION_STATUS.DRAFT, applicantEmail: "a@example.test" });
    expect((await appErrorOf(deleteDraftService({ tenantId: withApps.tenant.id, staff: withApps.staff.admin, serviceId: withApps.service.id, expectedVersion: 0 }))).messageKey).toBe(
      "serviceAdmin.errors.deleteHasApplications",
    );

    await deleteDraftService({ ...base, serviceId: s.draft.id, expectedVersion: 0 });
    expect(await prisma.service.findUnique({ where: { id: s.draft.id } })).toBeNull();
    const audit = await prisma.auditEvent.findFirst({ where: { tenantId: s.tenant.id, action: "service.delete" } });
    expect(audit?.details).toMatchObject({ serviceId: s.draft.id, name: "Bonus affitto" });
  });
});

describe("the back-office list", () => {
  it("lists the municipality's services with status, form version, open applications and the viewer's own", async () => {
    const s = await createServiceAdminScenario();
    await createApplicationInStatus({ tenantId: s.tenant.id, service: s.service, status: APPLICATION_STATUS.REGISTERED, applicantEmail: "a@example.test" });
    await createApplicationInStatus({ tenantId: s.tenant.id, service: s.service, status: APPLICATION_STATUS.ACCEPTED, applicantEmail: "b@example.test" });
    const rows = await listServicesForStaff({ tenantId: s.tenant.id, staff: s.staff.manager });
    expect(rows).toHaveLength(2);
    const mine = rows.find((r) => r.id === s.service.id)!;
    expect(mine).toMatchObject({ status: "PUBLISHED", formVersion: 1, formDraft: false, openApplications: 1, manages: true });
    expect(rows.find((r) => r.id === s.otherService.id)!.manages).toBe(false);
    expect(await listServicesForStaff({ tenantId: s.tenant.id, staff: s.staff.manager, status: "DRAFT" })).toEqual([]);
  });
});
