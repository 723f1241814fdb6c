import { describe, expect, it } from "vitest";
import { createApplicationInStatus, createTestService } from "@/server/applications/testing";
import { db } from "@/server/db/client";
import { appErrorOf } from "@/server/test/app-error";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { listApplicationAccessLog } from "./access-log";

// What the citizen reads under "Chi ha consultato la tua domanda": the office's views and actions
// on their application, by role and time, condensed, and never who exactly or from where.

async function setup() {
  const tenant = await createTenant();
  const service = await createTestService({ tenantId: tenant.id });
  const citizen = await createCitizen();
  const application = await createApplicationInStatus({ tenantId: tenant.id, service, status: 4000, citizenId: citizen.id });
  const { user: operator } = await createStaff({ tenantId: tenant.id });
  return { tenant, service, citizen, application, operator };
}

type TEvent = { actorKind?: "STAFF" | "CITIZEN" | "SYSTEM"; actorRole?: string | null; action?: string; at: string; applicationId?: string };

async function audit(tenantId: string, applicationId: string, actorId: string, events: TEvent[]) {
  const prisma = await db();
  for (const e of events) {
    await prisma.auditEvent.create({
      data: {
        tenantId,
        applicationId: e.applicationId ?? applicationId,
        actorKind: e.actorKind ?? "STAFF",
        actorId,
        actorRole: e.actorRole === undefined ? "OPERATOR" : e.actorRole,
        action: e.action ?? "application.view",
        ip: "203.0.113.9",
        createdAt: new Date(e.at),
      },
    });
  }
}

describe("listApplicationAccessLog", () => {
  it("lists the office's views and actions by role, newest first, repeated views on a day condensed", async () => {
    const { tenant, service, citizen, application, operator } = await setup();
    const other = await createApplicationInStatus({ tenantId: tenant.id, service, status: 4000, citizenId: citizen.id });
    await audit(tenant.id, application.id, operator.id, [
      { at: "2026-11-20T08:00:00Z" },
      { at: "2026-11-20T08:30:00Z" },
      { at: "2026-11-20T09:00:00Z", action: "attachment.download" },
      { at: "2026-11-20T09:05:00Z", action: "application.transition" },
      { at: "2026-11-20T09:10:00Z" },
      // 23:30 and 00:30 in Rome: two days.
      { at: "2026-11-20T22:30:00Z", actorRole: "SERVICE_MANAGER" },
      { at: "2026-11-20T23:30:00Z", actorRole: "SERVICE_MANAGER" },
      { at: "2026-11-21T10:00:00Z", actorRole: "TENANT_ADMIN", action: "message.create" },
      { at: "2026-11-22T10:00:00Z", actorRole: "SUPER_ADMIN" },
      { at: "2026-11-22T11:00:00Z", actorRole: null },
      // Not the office's, or not this application's.
      { at: "2026-11-22T12:00:00Z", actorKind: "CITIZEN", actorRole: null, action: "application.view" },
      { at: "2026-11-22T12:00:00Z", actorKind: "SYSTEM", actorRole: null, action: "application.transition" },
      { at: "2026-11-22T12:00:00Z", applicationId: other.id },
    ]);

    const log = await listApplicationAccessLog({ tenantId: tenant.id, citizenId: citizen.id, applicationId: application.id });
    const d = (iso: string) => new Date(iso);
    expect(log).toEqual([
      { role: "STAFF", kind: "view", count: 1, first: d("2026-11-22T11:00:00Z"), last: d("2026-11-22T11:00:00Z") },
      { role: "SUPER_ADMIN", kind: "view", count: 1, first: d("2026-11-22T10:00:00Z"), last: d("2026-11-22T10:00:00Z") },
      { role: "TENANT_ADMIN", kind: "action", count: 1, first: d("2026-11-21T10:00:00Z"), last: d("2026-11-21T10:00:00Z") },
      { role: "SERVICE_MANAGER", kind: "view", count: 1, first: d("2026-11-20T23:30:00Z"), last: d("2026-11-20T23:30:00Z") },
      { role: "SERVICE_MANAGER", kind: "view", count: 1, first: d("2026-11-20T22:30:00Z"), last: d("2026-11-20T22:30:00Z") },
      { role: "OPERATOR", kind: "view", count: 1, first: d("2026-11-20T09:10:00Z"), last: d("2026-11-20T09:10:00Z") },
      { role: "OPERATOR", kind: "action", count: 1, first: d("2026-11-20T09:05:00Z"), last: d("2026-11-20T09:05:00Z") },
      { role: "OPERATOR", kind: "view", count: 3, first: d("2026-11-20T08:00:00Z"), last: d("2026-11-20T09:00:00Z") },
    ]);
    // Never who, never from where.
    const text = JSON.stringify(log);
    expect(text).not.toContain(operator.id);
    expect(text).not.toContain(operator.name);
    expect(text).not.toContain("203.0.113.9");
  });

  it("is empty until the office opens the application", async () => {
    const { tenant, citizen, application } = await setup();
    expect(await listApplicationAccessLog({ tenantId: tenant.id, citizenId: citizen.id, applicationId: application.id })).toEqual([]);
  });

  it("is NOT_FOUND for another citizen's application and in another municipality", async () => {
    const { tenant, citizen, application, operator } = await setup();
    await audit(tenant.id, application.id, operator.id, [{ at: "2026-11-20T08:00:00Z" }]);
    const stranger = await createCitizen();
    const elsewhere = await createTenant();
    for (const ref of [
      { tenantId: tenant.id, citizenId: stranger.id },
      { tenantId: elsewhere.id, citizenId: citizen.id },
    ]) {
      const error = await appErrorOf(listApplicationAccessLog({ ...ref, applicationId: application.id }));
      expect(error.code).toBe("NOT_FOUND");
    }
  });
});
