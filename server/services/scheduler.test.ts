import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TApplicant } from "@/server/applications/applicant";
import { createDraft, saveDraft } from "@/server/applications/drafts";
import { submitApplication } from "@/server/applications/submit";
import { createTestService, testValidator } from "@/server/applications/testing";
import { db } from "@/server/db/client";
import type { ServiceStatus } from "@/server/db/generated/client";
import { servicesScheduleJob } from "@/server/jobs/definitions/services-schedule";
import { createCron, latestSlot } from "@/server/jobs/cron";
import { appErrorOf } from "@/server/test/app-error";
import { createCitizen, createTenant } from "@/server/test/factories";
import { changeServiceStatus } from "./admin";
import { runServiceSchedule } from "./scheduler";
import { createServiceAdminScenario, historyOf } from "./testing";

// The scheduler runs over every municipality; tests share the database with other files, so each
// run here is limited to the test's own municipality.

const MINUTE = 60_000;

async function serviceAt(tenantId: string, status: ServiceStatus, opensAt: Date | null, closesAt: Date | null) {
  return createTestService({ tenantId, status, opensAt, closesAt });
}

async function statusOf(id: string) {
  return (await (await db()).service.findUniqueOrThrow({ where: { id } })).status;
}

describe("runServiceSchedule", () => {
  it("opens a scheduled service at its time, not before, with a SYSTEM history line", async () => {
    const opensAt = new Date("2031-05-04T07:00:00Z"); // 09:00 in Rome
    const { id: tenantId } = await createTenant();
    const svc = await serviceAt(tenantId, "SCHEDULED", opensAt, null);
    await runServiceSchedule({ tenantId, now: new Date(opensAt.getTime() - 1) });
    expect(await statusOf(svc.id)).toBe("SCHEDULED");
    await runServiceSchedule({ tenantId, now: new Date(opensAt.getTime() + 30_000) });
    const after = await (await db()).service.findUniqueOrThrow({ where: { id: svc.id } });
    expect(after).toMatchObject({ status: "PUBLISHED", version: 1 });
    const [line] = await historyOf(svc.id);
    expect(line).toMatchObject({ action: "schedule.open", actorKind: "SYSTEM", actorId: null, actorRole: null });
    expect(line!.changes).toEqual([{ field: "status", before: "SCHEDULED", after: "PUBLISHED" }]);

    // Idempotent: a second run changes nothing and writes nothing.
    await runServiceSchedule({ tenantId, now: new Date(opensAt.getTime() + 60_000) });
    expect((await historyOf(svc.id)).length).toBe(1);
    expect((await (await db()).service.findUniqueOrThrow({ where: { id: svc.id } })).version).toBe(1);
  });

  it("closes published, scheduled and suspended services at their closing time; leaves drafts alone", async () => {
    const closesAt = new Date(Date.now() - MINUTE);
    const opensAt = new Date(Date.now() - 2 * MINUTE);
    const { id: tenantId } = await createTenant();
    const published = await serviceAt(tenantId, "PUBLISHED", opensAt, closesAt);
    const suspended = await serviceAt(tenantId, "SUSPENDED", opensAt, closesAt);
    const scheduled = await serviceAt(tenantId, "SCHEDULED", opensAt, closesAt);
    const draft = await serviceAt(tenantId, "DRAFT", opensAt, closesAt);
    const stillOpen = await serviceAt(tenantId, "PUBLISHED", opensAt, new Date(Date.now() + MINUTE));
    await runServiceSchedule({ tenantId });
    expect(await statusOf(published.id)).toBe("CLOSED");
    expect(await statusOf(suspended.id)).toBe("CLOSED");
    // Its whole window has passed: closed directly, never opened.
    expect(await statusOf(scheduled.id)).toBe("CLOSED");
    expect((await historyOf(scheduled.id)).map((l) => l.action)).toEqual(["schedule.close"]);
    expect(await statusOf(draft.id)).toBe("DRAFT");
    expect(await statusOf(stillOpen.id)).toBe("PUBLISHED");
    const [line] = await historyOf(suspended.id);
    expect(line).toMatchObject({ action: "schedule.close", actorKind: "SYSTEM" });
    expect(line!.changes).toEqual([{ field: "status", before: "SUSPENDED", after: "CLOSED" }]);
  });

  it("makes an editor's page stale, and gives way to an edit made first", async () => {
    const s = await createServiceAdminScenario({ status: "PUBLISHED", closesAt: new Date(Date.now() + 2 * MINUTE) });
    // The administrator suspends it; the page they had (version 0) is now stale for the next edit.
    const suspended = await changeServiceStatus({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id, expectedVersion: 0, action: "suspend" });
    // The closing time passes: the scheduler closes the suspended service (what it is now).
    await runServiceSchedule({ tenantId: s.tenant.id, now: new Date(Date.now() + 3 * MINUTE) });
    expect(await statusOf(s.service.id)).toBe("CLOSED");
    const e = await appErrorOf(changeServiceStatus({ tenantId: s.tenant.id, staff: s.staff.admin, serviceId: s.service.id, expectedVersion: suspended.version, action: "resume" }));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "serviceAdmin.errors.stale" });
  });

  it("runs every minute in Rome's time zone, so a service opening at 09:00 is open by 09:01", () => {
    expect("cron" in servicesScheduleJob.trigger && servicesScheduleJob.trigger.cron).toBe("TZ=Europe/Rome * * * * *");
    const cron = createCron((servicesScheduleJob.trigger as { cron: string }).cron);
    expect(latestSlot(cron, new Date("2031-05-04T07:00:40Z"))!.toISOString()).toBe("2031-05-04T07:00:00.000Z");
  });
});

describe("a draft on a service closed meanwhile", () => {
  it("can't be submitted, with the serviceClosed message, and stays a draft", async () => {
    const tenant = await createTenant();
    const citizen = await createCitizen();
    const applicant: TApplicant = { kind: "citizen", citizenId: citizen.id };
    const service = await createTestService({ tenantId: tenant.id, closesAt: new Date(Date.now() + 2 * MINUTE) });
    const { application } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant });
    await saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: "Maria Rossi" } });

    await runServiceSchedule({ tenantId: tenant.id, now: new Date(Date.now() + 3 * MINUTE) });
    expect(await statusOf(service.id)).toBe("CLOSED");
    const e = await appErrorOf(submitApplication({ tenantId: tenant.id, applicationId: application.id, applicant, submissionKey: randomUUID(), validate: testValidator }));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "applications.errors.serviceClosed" });
    expect((await (await db()).application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(1000);
  });
});
