import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createTestService } from "@/server/applications/testing";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { transitionRule } from "@/server/applications/transitions";
import type { TEffectiveRole } from "@/server/auth/roles";
import type { TViewer } from "@/server/auth/types";
import { loadViewer } from "@/server/auth/viewer";
import { db } from "@/server/db/client";
import type { StaffRole } from "@/server/db/generated/client";
import { appErrorOf } from "@/server/test/app-error";
import { createStaff, createTenant } from "@/server/test/factories";
import { createContextInner } from "@/server/trpc/context";
import { createAppCaller } from "@/server/trpc/root";
import { createInboxApplications, type TInboxApplicationSpec } from "./testing";
import { availableWorkActions, decide, reassign, release, takeInCharge } from "./work";
import { DECISION_REASON, DECISIONS } from "./work-values";

// An operator's work on one application, on a real database: who may take it, hand it over,
// give it back and decide; two operators at once (one wins, the other is told the page is
// stale); what the audit trail says afterwards; other municipalities see nothing.

async function setup() {
  const tenant = await createTenant();
  const service = await createTestService({ tenantId: tenant.id });
  const staff = async (role: StaffRole = "OPERATOR") => {
    const { user } = await createStaff({ tenantId: tenant.id, role });
    return { id: user.id, name: user.name, role: role as TEffectiveRole };
  };
  const application = async (spec: TInboxApplicationSpec = {}) => {
    const [id] = await createInboxApplications({ tenantId: tenant.id, service, applications: [spec] });
    return id!;
  };
  return { tenant, service, staff, application };
}

const ref = (s: { id: string; role: TEffectiveRole }) => ({ id: s.id, role: s.role });

async function row(id: string) {
  const prisma = await db();
  return prisma.application.findUniqueOrThrow({ where: { id } });
}

async function auditOf(applicationId: string) {
  const prisma = await db();
  return prisma.auditEvent.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } });
}

describe("takeInCharge", () => {
  it("moves a registered application to 4000, makes the operator its holder and records who did it from where", async () => {
    const { tenant, staff, application } = await setup();
    const marco = await staff();
    const id = await application();
    const now = new Date("2026-03-02T09:00:00Z");
    const after = await takeInCharge({ tenantId: tenant.id, applicationId: id, staff: ref(marco), ip: "198.51.100.4", expectedVersion: 0, now });
    expect(after).toMatchObject({ status: S.TAKEN_IN_CHARGE, version: 1, assignedStaffId: marco.id, takenInChargeAt: now });
    const prisma = await db();
    expect(await prisma.applicationStatusChange.findMany({ where: { applicationId: id } })).toMatchObject([
      { fromStatus: 3000, toStatus: 4000, actorKind: "STAFF", actorId: marco.id },
    ]);
    expect(await auditOf(id)).toMatchObject([
      {
        action: "application.transition",
        actorKind: "STAFF",
        actorId: marco.id,
        actorRole: "OPERATOR",
        ip: "198.51.100.4",
        details: { action: "takeInCharge", from: 3000, to: 4000, assignedTo: marco.id },
      },
    ]);
  });

  it("of two operators at once, exactly one takes it; the other is told the page is stale", async () => {
    const { tenant, staff, application } = await setup();
    const [a, b] = await Promise.all([staff(), staff()]);
    const id = await application();
    const results = await Promise.allSettled(
      [a, b].map((s) => takeInCharge({ tenantId: tenant.id, applicationId: id, staff: ref(s), ip: null, expectedVersion: 0 })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", messageKey: "applications.errors.staleVersion" });
    const winner = (won[0] as PromiseFulfilledResult<{ assignedStaffId: string | null }>).value.assignedStaffId;
    expect([a.id, b.id]).toContain(winner);
    expect(await row(id)).toMatchObject({ status: S.TAKEN_IN_CHARGE, version: 1, assignedStaffId: winner });
    expect(await auditOf(id)).toHaveLength(1);
  });

  it("only assigns an application in charge that nobody holds, without a status change", async () => {
    const { tenant, staff, application } = await setup();
    const marco = await staff();
    const id = await application({ status: S.INTEGRATION_SUBMITTED });
    const after = await takeInCharge({ tenantId: tenant.id, applicationId: id, staff: ref(marco), ip: "10.0.0.1", expectedVersion: 0 });
    expect(after).toMatchObject({ status: S.INTEGRATION_SUBMITTED, version: 1, assignedStaffId: marco.id });
    const prisma = await db();
    expect(await prisma.applicationStatusChange.count({ where: { applicationId: id } })).toBe(0);
    expect(await auditOf(id)).toMatchObject([
      { action: "application.assign", actorId: marco.id, actorRole: "OPERATOR", ip: "10.0.0.1", details: { from: null, to: marco.id } },
    ]);
  });

  it("refuses an application someone else holds, naming them", async () => {
    const { tenant, staff, application } = await setup();
    const [giulia, marco] = await Promise.all([staff(), staff()]);
    const id = await application({ status: S.TAKEN_IN_CHARGE, assignedStaffId: giulia.id });
    const e = await appErrorOf(takeInCharge({ tenantId: tenant.id, applicationId: id, staff: ref(marco), ip: null, expectedVersion: 0 }));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "work.errors.alreadyTaken", fields: { assignee: giulia.name } });
    expect(await row(id)).toMatchObject({ assignedStaffId: giulia.id, version: 0 });
  });

  it("refuses a stale page, a closed application, and another municipality's", async () => {
    const { tenant, staff, application } = await setup();
    const marco = await staff();
    const registered = await application();
    const stale = await appErrorOf(takeInCharge({ tenantId: tenant.id, applicationId: registered, staff: ref(marco), ip: null, expectedVersion: 3 }));
    expect(stale).toMatchObject({ code: "CONFLICT", messageKey: "applications.errors.staleVersion" });
    const closed = await application({ status: S.ACCEPTED });
    const notNow = await appErrorOf(takeInCharge({ tenantId: tenant.id, applicationId: closed, staff: ref(marco), ip: null, expectedVersion: 0 }));
    expect(notNow).toMatchObject({ code: "CONFLICT", messageKey: "applications.errors.transitionNotAllowed" });

    const other = await setup();
    const stranger = await other.staff("TENANT_ADMIN");
    const foreign = await appErrorOf(takeInCharge({ tenantId: other.tenant.id, applicationId: registered, staff: ref(stranger), ip: null, expectedVersion: 0 }));
    expect(foreign.code).toBe("NOT_FOUND");
    expect(await row(registered)).toMatchObject({ status: S.REGISTERED, version: 0, assignedStaffId: null });
    expect(await auditOf(registered)).toHaveLength(0);
  });
});

describe("reassign and release", () => {
  it("lets the holder hand the application to an active colleague, recording from and to", async () => {
    const { tenant, staff, application } = await setup();
    const [giulia, marco] = await Promise.all([staff(), staff()]);
    const id = await application({ status: S.TAKEN_IN_CHARGE, assignedStaffId: giulia.id });
    const after = await reassign({ tenantId: tenant.id, applicationId: id, staff: ref(giulia), ip: "10.0.0.2", expectedVersion: 0, toStaffId: marco.id });
    expect(after).toMatchObject({ status: S.TAKEN_IN_CHARGE, version: 1, assignedStaffId: marco.id });
    expect(await auditOf(id)).toMatchObject([
      { action: "application.assign", actorId: giulia.id, actorRole: "OPERATOR", ip: "10.0.0.2", details: { from: giulia.id, to: marco.id } },
    ]);
    // Giulia's page is now stale.
    const e = await appErrorOf(reassign({ tenantId: tenant.id, applicationId: id, staff: ref(giulia), ip: null, expectedVersion: 0, toStaffId: giulia.id }));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "applications.errors.staleVersion" });
  });

  it("refuses an operator who does not hold it, but lets a service manager reassign anyone's", async () => {
    const { tenant, staff, application } = await setup();
    const [giulia, marco, manager] = await Promise.all([staff(), staff(), staff("SERVICE_MANAGER")]);
    const id = await application({ status: S.TAKEN_IN_CHARGE, assignedStaffId: giulia.id });
    const e = await appErrorOf(reassign({ tenantId: tenant.id, applicationId: id, staff: ref(marco), ip: null, expectedVersion: 0, toStaffId: marco.id }));
    expect(e).toMatchObject({ code: "FORBIDDEN", messageKey: "work.errors.notHolderReassign" });
    const after = await reassign({ tenantId: tenant.id, applicationId: id, staff: ref(manager), ip: null, expectedVersion: 0, toStaffId: marco.id });
    expect(after.assignedStaffId).toBe(marco.id);
  });

  it("only hands over to an active member of the same municipality (field error)", async () => {
    const { tenant, staff, application } = await setup();
    const [giulia, gone] = await Promise.all([staff(), staff()]);
    const prisma = await db();
    await prisma.staffUser.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    const elsewhere = await (await setup()).staff();
    const id = await application({ status: S.TAKEN_IN_CHARGE, assignedStaffId: giulia.id });
    for (const toStaffId of [gone.id, elsewhere.id, "nessuno"]) {
      const e = await appErrorOf(reassign({ tenantId: tenant.id, applicationId: id, staff: ref(giulia), ip: null, expectedVersion: 0, toStaffId }));
      expect(e).toMatchObject({ code: "BAD_REQUEST", fields: { toStaffId: "work.errors.assigneeInvalid" } });
    }
    expect(await row(id)).toMatchObject({ assignedStaffId: giulia.id, version: 0 });
  });

  it("lets the holder or a manager release it: nobody holds it, the status stays", async () => {
    const { tenant, staff, application } = await setup();
    const [giulia, marco, manager] = await Promise.all([staff(), staff(), staff("SERVICE_MANAGER")]);
    const id = await application({ status: S.TAKEN_IN_CHARGE_AFTER_INTEGRATION, assignedStaffId: giulia.id });
    const e = await appErrorOf(release({ tenantId: tenant.id, applicationId: id, staff: ref(marco), ip: null, expectedVersion: 0 }));
    expect(e).toMatchObject({ code: "FORBIDDEN", messageKey: "work.errors.notHolderRelease" });
    const after = await release({ tenantId: tenant.id, applicationId: id, staff: ref(giulia), ip: "10.0.0.3", expectedVersion: 0 });
    expect(after).toMatchObject({ status: S.TAKEN_IN_CHARGE_AFTER_INTEGRATION, version: 1, assignedStaffId: null, takenInChargeAt: null });
    expect(await auditOf(id)).toMatchObject([{ action: "application.release", actorId: giulia.id, ip: "10.0.0.3", details: { from: giulia.id } }]);

    const other = await application({ status: S.TAKEN_IN_CHARGE, assignedStaffId: giulia.id });
    expect((await release({ tenantId: tenant.id, applicationId: other, staff: ref(manager), ip: null, expectedVersion: 0 })).assignedStaffId).toBeNull();
  });
});

describe("decide", () => {
  it("accepts as the holder (reason optional) and rejects only with a reason", async () => {
    const { tenant, staff, application } = await setup();
    const giulia = await staff();
    const toAccept = await application({ status: S.TAKEN_IN_CHARGE, assignedStaffId: giulia.id });
    const accepted = await decide({ tenantId: tenant.id, applicationId: toAccept, staff: ref(giulia), ip: "10.0.0.4", expectedVersion: 0, action: "accept" });
    expect(accepted).toMatchObject({ status: S.ACCEPTING, version: 1, assignedStaffId: giulia.id });
    expect(await auditOf(toAccept)).toMatchObject([
      { action: "application.transition", actorRole: "OPERATOR", ip: "10.0.0.4", details: { action: "accept", from: 4000, to: 6000 } },
    ]);

    const toReject = await application({ status: S.TAKEN_IN_CHARGE_AFTER_INTEGRATION, assignedStaffId: giulia.id });
    const noReason = await appErrorOf(decide({ tenantId: tenant.id, applicationId: toReject, staff: ref(giulia), ip: null, expectedVersion: 0, action: "reject", reason: "  " }));
    expect(noReason).toMatchObject({ code: "BAD_REQUEST", fields: { reason: "applications.errors.reasonRequired" } });
    const rejected = await decide({ tenantId: tenant.id, applicationId: toReject, staff: ref(giulia), ip: null, expectedVersion: 0, action: "reject", reason: "Reddito oltre la soglia" });
    expect(rejected.status).toBe(S.REJECTING);
    const prisma = await db();
    expect(await prisma.applicationStatusChange.findFirst({ where: { applicationId: toReject } })).toMatchObject({ toStatus: S.REJECTING, reason: "Reddito oltre la soglia" });
  });

  it("refuses accept/reject to an operator who has not taken the application; a service manager may", async () => {
    const { tenant, staff, application } = await setup();
    const [giulia, marco, manager] = await Promise.all([staff(), staff(), staff("SERVICE_MANAGER")]);
    const held = await application({ status: S.TAKEN_IN_CHARGE, assignedStaffId: giulia.id });
    const nobody = await application({ status: S.TAKEN_IN_CHARGE });
    for (const applicationId of [held, nobody]) {
      const e = await appErrorOf(decide({ tenantId: tenant.id, applicationId, staff: ref(marco), ip: null, expectedVersion: 0, action: "accept" }));
      expect(e).toMatchObject({ code: "FORBIDDEN", messageKey: "work.errors.notHolderDecide" });
    }
    expect(await row(held)).toMatchObject({ status: S.TAKEN_IN_CHARGE, version: 0 });
    const done = await decide({ tenantId: tenant.id, applicationId: held, staff: ref(manager), ip: null, expectedVersion: 0, action: "reject", reason: "Documenti mancanti" });
    expect(done.status).toBe(S.REJECTING);
  });

  it("leaves reopening and annulling to service managers, with a reason", async () => {
    const { tenant, staff, application } = await setup();
    const [giulia, manager] = await Promise.all([staff(), staff("SERVICE_MANAGER")]);
    const closed = await application({ status: S.REJECTED, assignedStaffId: giulia.id });
    const e = await appErrorOf(decide({ tenantId: tenant.id, applicationId: closed, staff: ref(giulia), ip: null, expectedVersion: 0, action: "reopen", reason: "Errore" }));
    expect(e).toMatchObject({ code: "FORBIDDEN", messageKey: "applications.errors.actionNotPermitted" });
    const reopened = await decide({ tenantId: tenant.id, applicationId: closed, staff: ref(manager), ip: null, expectedVersion: 0, action: "reopen", reason: "Ricorso accolto" });
    expect(reopened).toMatchObject({ status: S.TAKEN_IN_CHARGE, assignedStaffId: giulia.id });
    const annulled = await decide({ tenantId: tenant.id, applicationId: closed, staff: ref(manager), ip: null, expectedVersion: 1, action: "annul", reason: "Domanda duplicata" });
    expect(annulled.status).toBe(S.ANNULLED);
  });

  it("says nothing about another municipality's application", async () => {
    const { staff, application } = await setup();
    const giulia = await staff();
    const id = await application({ status: S.TAKEN_IN_CHARGE, assignedStaffId: giulia.id });
    const other = await setup();
    const manager = await other.staff("SERVICE_MANAGER");
    for (const action of ["accept", "annul"] as const) {
      const e = await appErrorOf(decide({ tenantId: other.tenant.id, applicationId: id, staff: ref(manager), ip: null, expectedVersion: 0, action, reason: "x" }));
      expect(e.code).toBe("NOT_FOUND");
    }
    expect(await row(id)).toMatchObject({ status: S.TAKEN_IN_CHARGE, version: 0 });
  });

  it("asks for a reason exactly where the status machine does", () => {
    for (const d of DECISIONS) expect(DECISION_REASON[d], d).toBe(transitionRule(d).reason);
  });
});

describe("availableWorkActions", () => {
  const me = { id: "me", role: "OPERATOR" as const };
  const manager = { id: "boss", role: "SERVICE_MANAGER" as const };
  it("offers what the viewer may do now, given who holds the application", () => {
    expect(availableWorkActions({ status: 3000, assignedStaffId: null }, me)).toEqual(["takeInCharge"]);
    expect(availableWorkActions({ status: 4000, assignedStaffId: "me" }, me)).toEqual(["accept", "reject", "reassign", "release"]);
    expect(availableWorkActions({ status: 4000, assignedStaffId: "other" }, me)).toEqual([]);
    expect(availableWorkActions({ status: 4000, assignedStaffId: null }, me)).toEqual(["takeInCharge"]);
    // Integration under way: no decision yet, but the holder can still hand it over.
    expect(availableWorkActions({ status: 4100, assignedStaffId: "me" }, me)).toEqual(["reassign", "release"]);
    expect(availableWorkActions({ status: 4000, assignedStaffId: "other" }, manager)).toEqual(["accept", "reject", "reassign", "release", "annul"]);
    expect(availableWorkActions({ status: 9000, assignedStaffId: "other" }, me)).toEqual([]);
    expect(availableWorkActions({ status: 9000, assignedStaffId: "other" }, manager)).toEqual(["reopen"]);
    expect(availableWorkActions({ status: 1900, assignedStaffId: null }, me)).toEqual([]);
  });
});

describe("work router", () => {
  async function viewer(staffUserId: string): Promise<TViewer> {
    const v = await loadViewer({ kind: "staff", staffUserId, name: "x", email: "x", sessionVersion: 0 });
    if (!v) throw new Error("staff viewer expected");
    return v;
  }
  async function trpcError(p: Promise<unknown>): Promise<TRPCError> {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(TRPCError);
    return e as TRPCError;
  }

  it("works for the municipality's staff with the request's address, and is NOT_FOUND for others", async () => {
    const { tenant, staff, application } = await setup();
    const [giulia, marco] = await Promise.all([staff(), staff()]);
    const id = await application();
    const api = createAppCaller(await createContextInner({ viewer: await viewer(giulia.id), tenantSlug: tenant.slug, ip: "203.0.113.9" }));
    expect(await api.work.takeInCharge({ applicationId: id, expectedVersion: 0 })).toEqual({ status: S.TAKEN_IN_CHARGE, version: 1, assignedStaffId: giulia.id });
    expect((await api.work.assignees()).map((s) => s.id).sort()).toEqual([giulia.id, marco.id].sort());
    expect(await api.work.reassign({ applicationId: id, expectedVersion: 1, toStaffId: marco.id })).toMatchObject({ assignedStaffId: marco.id, version: 2 });
    expect((await auditOf(id)).map((e) => [e.action, e.ip])).toEqual([
      ["application.transition", "203.0.113.9"],
      ["application.assign", "203.0.113.9"],
    ]);
    const stale = await trpcError(api.work.decide({ applicationId: id, expectedVersion: 1, action: "accept" }));
    expect(stale.code).toBe("CONFLICT");

    const other = await setup();
    const admin = await other.staff("TENANT_ADMIN");
    const foreign = createAppCaller(await createContextInner({ viewer: await viewer(admin.id), tenantSlug: tenant.slug }));
    expect((await trpcError(foreign.work.release({ applicationId: id, expectedVersion: 2 }))).code).toBe("NOT_FOUND");
    expect((await trpcError(foreign.work.assignees())).code).toBe("NOT_FOUND");
  });
});
