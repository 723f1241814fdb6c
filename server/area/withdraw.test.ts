import { describe, expect, it } from "vitest";
import { createApplicationInStatus, createTestService } from "@/server/applications/testing";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { APPLICATION_STATUS_CHANGED_EVENT } from "@/server/applications/transitions";
import { db } from "@/server/db/client";
import { appErrorOf } from "@/server/test/app-error";
import { createCitizen, createTenant } from "@/server/test/factories";
import { getMyApplication } from "./applications";
import { canWithdraw, withdrawApplication } from "./withdraw";

// A citizen withdrawing their own application from the personal area: the status becomes
// "withdrawn" with their reason, the office and the citizen are notified, the page shows it.
// Not where the service forbids it, not from a stale page, not someone else's application.

async function setup(opts: { allowWithdrawal?: boolean } = {}) {
  const tenant = await createTenant();
  const service = await createTestService({ tenantId: tenant.id });
  if (opts.allowWithdrawal === false) {
    const prisma = await db();
    await prisma.service.update({ where: { id: service.id }, data: { allowWithdrawal: false } });
  }
  const maria = await createCitizen();
  const application = (status: number = S.REGISTERED) => createApplicationInStatus({ tenantId: tenant.id, service, status, citizenId: maria.id });
  return { tenant, service, maria, application };
}

describe("withdrawApplication", () => {
  it("withdraws the citizen's application with their reason; the area shows it as withdrawn", async () => {
    const { tenant, maria, application } = await setup();
    const app = await application(S.TAKEN_IN_CHARGE);
    const before = await getMyApplication({ tenantId: tenant.id, citizenId: maria.id, applicationId: app.id });
    expect(before).toMatchObject({ version: 0, service: { allowWithdrawal: true } });

    const after = await withdrawApplication({ tenantId: tenant.id, citizenId: maria.id, applicationId: app.id, expectedVersion: before.version, reason: "Ho trovato un altro asilo" });
    expect(after).toMatchObject({ status: S.WITHDRAWN, version: 1 });
    const prisma = await db();
    expect(await prisma.applicationStatusChange.findMany({ where: { applicationId: app.id } })).toMatchObject([
      { fromStatus: S.TAKEN_IN_CHARGE, toStatus: S.WITHDRAWN, actorKind: "CITIZEN", actorId: maria.id, reason: "Ho trovato un altro asilo" },
    ]);
    const jobs = await prisma.backgroundJob.findMany({ where: { name: APPLICATION_STATUS_CHANGED_EVENT, payload: { path: ["applicationId"], equals: app.id } } });
    expect(jobs).toHaveLength(1);

    const shown = await getMyApplication({ tenantId: tenant.id, citizenId: maria.id, applicationId: app.id });
    expect(shown.group).toBe("closed");
    expect(shown.timeline.at(-1)).toMatchObject({ label: "Ritirata da te", description: "Hai ritirato la domanda.", reason: "Ho trovato un altro asilo" });
  });

  it("refuses with a clear message where the service does not allow withdrawal", async () => {
    const { tenant, maria, application } = await setup({ allowWithdrawal: false });
    const app = await application();
    const e = await appErrorOf(withdrawApplication({ tenantId: tenant.id, citizenId: maria.id, applicationId: app.id, expectedVersion: 0 }));
    expect(e).toMatchObject({ code: "FORBIDDEN", messageKey: "work.errors.withdrawalNotAllowed" });
    const prisma = await db();
    expect(await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ status: S.REGISTERED, version: 0 });
  });

  it("refuses a stale page and an application already decided", async () => {
    const { tenant, maria, application } = await setup();
    const app = await application();
    const stale = await appErrorOf(withdrawApplication({ tenantId: tenant.id, citizenId: maria.id, applicationId: app.id, expectedVersion: 4 }));
    expect(stale).toMatchObject({ code: "CONFLICT", messageKey: "applications.errors.staleVersion" });
    const accepted = await application(S.ACCEPTED);
    const late = await appErrorOf(withdrawApplication({ tenantId: tenant.id, citizenId: maria.id, applicationId: accepted.id, expectedVersion: 0 }));
    expect(late).toMatchObject({ code: "CONFLICT", messageKey: "applications.errors.transitionNotAllowed" });
  });

  it("does not find another citizen's application, nor one in another municipality", async () => {
    const { tenant, maria, application } = await setup();
    const app = await application();
    const luca = await createCitizen();
    const other = await createTenant();
    for (const ref of [
      { tenantId: tenant.id, citizenId: luca.id },
      { tenantId: other.id, citizenId: maria.id },
    ]) {
      const e = await appErrorOf(withdrawApplication({ ...ref, applicationId: app.id, expectedVersion: 0 }));
      expect(e.code).toBe("NOT_FOUND");
    }
  });
});

describe("canWithdraw", () => {
  it("offers withdrawal from submission up to a registered integration, where the service allows it", () => {
    for (const status of [1900, 2000, 3000, 4000, 4100, 4200, 4300, 4400]) expect(canWithdraw({ status, serviceAllowsWithdrawal: true }), String(status)).toBe(true);
    for (const status of [1000, 4500, 6000, 7000, 9000, 20000, 50000]) expect(canWithdraw({ status, serviceAllowsWithdrawal: true }), String(status)).toBe(false);
    expect(canWithdraw({ status: 3000, serviceAllowsWithdrawal: false })).toBe(false);
  });
});
