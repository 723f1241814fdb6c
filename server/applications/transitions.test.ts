import { beforeAll, describe, expect, it } from "vitest";
import type { StaffRole } from "@/server/db/generated/client";
import type { TEffectiveRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import { appErrorOf } from "@/server/test/app-error";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import type { TApplicant } from "./applicant";
import { APPLICATION_STATUS as S } from "./status";
import { createApplicationInStatus, createTestService } from "./testing";
import {
  actorMayPerform,
  allowedActions,
  APPLICATION_STATUS_CHANGED_EVENT,
  applyTransition,
  canMessageCitizen,
  isAllowedFrom,
  isFinal,
  TRANSITION_ACTIONS,
  transitionRule,
  type TTransitionAction,
  type TTransitionActor,
} from "./transitions";

// The status machine of DOMAIN.md, restated here independently of the table in transitions.ts:
// the test fails if the table drifts from what the issue and DOMAIN.md ask for.
type TExpected = { from: number[]; to: number; actor: "citizen" | "staff" | "system"; minRole?: StaffRole };
const WITHDRAWABLE = [1900, 2000, 3000, 4000, 4100, 4200, 4300, 4400];
const EXPECTED: Record<TTransitionAction, TExpected> = {
  requestPayment: { from: [1000], to: 1500, actor: "system" },
  startPayment: { from: [1500], to: 1510, actor: "system" },
  paymentSucceeded: { from: [1500, 1510], to: 1520, actor: "system" },
  paymentFailed: { from: [1500, 1510], to: 1530, actor: "system" },
  retryPayment: { from: [1530], to: 1500, actor: "system" },
  submitAfterPayment: { from: [1520], to: 1900, actor: "system" },
  receive: { from: [1900], to: 2000, actor: "system" },
  register: { from: [1900, 2000], to: 3000, actor: "system" },
  takeInCharge: { from: [3000], to: 4000, actor: "staff" },
  requestIntegration: { from: [4000, 4500], to: 4100, actor: "staff" },
  integrationPending: { from: [4100], to: 4200, actor: "system" },
  submitIntegration: { from: [4100, 4200], to: 4300, actor: "citizen" },
  registerIntegration: { from: [4300], to: 4400, actor: "system" },
  resumeAfterIntegration: { from: [4300, 4400], to: 4500, actor: "staff" },
  resumeWithoutIntegration: { from: [4100, 4200], to: 4500, actor: "staff" },
  accept: { from: [4000, 4500], to: 6000, actor: "staff" },
  finalizeAccept: { from: [6000], to: 7000, actor: "system" },
  reject: { from: [4000, 4500], to: 8000, actor: "staff" },
  finalizeReject: { from: [8000], to: 9000, actor: "system" },
  withdraw: { from: WITHDRAWABLE, to: 20000, actor: "citizen" },
  reopen: { from: [7000, 9000, 20000], to: 4000, actor: "staff", minRole: "SERVICE_MANAGER" },
  annul: { from: [...WITHDRAWABLE, 4500, 6000, 8000], to: 50000, actor: "staff", minRole: "SERVICE_MANAGER" },
};
const REASON_REQUIRED: TTransitionAction[] = ["requestIntegration", "resumeWithoutIntegration", "reject", "reopen", "annul"];

const CODES = Object.values(S) as number[];
const ROLES: TEffectiveRole[] = ["OPERATOR", "SERVICE_MANAGER", "TENANT_ADMIN", "SUPER_ADMIN"];
const RANK: Record<TEffectiveRole, number> = { OPERATOR: 1, SERVICE_MANAGER: 2, TENANT_ADMIN: 3, SUPER_ADMIN: 4 };

describe("the status table", () => {
  it("has exactly the actions of the issue", () => {
    expect([...TRANSITION_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(TRANSITION_ACTIONS)("%s: allowed from exactly its statuses, to its target, by its actor", (action) => {
    const expected = EXPECTED[action];
    for (const code of [...CODES, 5000, 0]) {
      expect(isAllowedFrom(action, code), `${action} from ${code}`).toBe(expected.from.includes(code));
    }
    expect(transitionRule(action).to).toBe(expected.to);
    expect(actorMayPerform(action, { kind: "citizen" })).toBe(expected.actor === "citizen");
    expect(actorMayPerform(action, { kind: "system" })).toBe(expected.actor === "system");
    for (const role of ROLES) {
      const ok = expected.actor === "staff" && RANK[role] >= RANK[expected.minRole ?? "OPERATOR"];
      expect(actorMayPerform(action, { kind: "staff", role }), `${action} by ${role}`).toBe(ok);
    }
    expect(transitionRule(action).reason === "required").toBe(REASON_REQUIRED.includes(action));
  });

  it("offers each person the actions allowed now and nothing else", () => {
    const operator = { kind: "staff", role: "OPERATOR" } as const;
    const manager = { kind: "staff", role: "SERVICE_MANAGER" } as const;
    const citizen = { kind: "citizen" } as const;
    expect(allowedActions(S.REGISTERED, operator)).toEqual(["takeInCharge"]);
    expect(allowedActions(S.TAKEN_IN_CHARGE, operator)).toEqual(["requestIntegration", "accept", "reject"]);
    expect(allowedActions(S.TAKEN_IN_CHARGE, manager)).toEqual(["requestIntegration", "accept", "reject", "annul"]);
    expect(allowedActions(S.INTEGRATION_PENDING, operator)).toEqual(["resumeWithoutIntegration"]);
    expect(allowedActions(S.INTEGRATION_PENDING, citizen)).toEqual(["submitIntegration", "withdraw"]);
    expect(allowedActions(S.TAKEN_IN_CHARGE_AFTER_INTEGRATION, citizen)).toEqual([]);
    expect(allowedActions(S.REJECTED, operator)).toEqual([]);
    expect(allowedActions(S.REJECTED, manager)).toEqual(["reopen"]);
    expect(allowedActions(S.ACCEPTING, { kind: "system" })).toEqual(["finalizeAccept"]);
    // Drafts and payment steps are the applicant's and the payment flow's, never the office's.
    for (const code of [S.DRAFT, S.PAYMENT_PENDING, S.PAYMENT_OUTCOME_PENDING, S.PAYMENT_SUCCEEDED, S.PAYMENT_REFUSED]) {
      expect(allowedActions(code, { kind: "staff", role: "SUPER_ADMIN" }), `${code}`).toEqual([]);
    }
    // Annulled is the end: nobody can do anything.
    for (const actor of [citizen, manager, { kind: "system" } as const]) expect(allowedActions(S.ANNULLED, actor)).toEqual([]);
  });

  it("lets the office write to the citizen only while the application is in charge and undecided", () => {
    expect(CODES.filter(canMessageCitizen)).toEqual([4000, 4100, 4200, 4300, 4400, 4500]);
  });

  it("knows the final statuses, which only a reopen leaves", () => {
    expect(CODES.filter(isFinal)).toEqual([7000, 9000, 20000, 50000]);
    for (const code of CODES.filter(isFinal)) {
      const out = TRANSITION_ACTIONS.filter((a) => isAllowedFrom(a, code));
      expect(out, `${code}`).toEqual(code === S.ANNULLED ? [] : ["reopen"]);
    }
  });
});

// --- Against the database ------------------------------------------------------------------

let tenantId: string;
let service: Awaited<ReturnType<typeof createTestService>>;
let citizenId: string;
let staffId: string;

beforeAll(async () => {
  const tenant = await createTenant();
  tenantId = tenant.id;
  service = await createTestService({ tenantId });
  citizenId = (await createCitizen()).id;
  staffId = (await createStaff({ tenantId, role: "TENANT_ADMIN" })).user.id;
});

function actorFor(action: TTransitionAction): TTransitionActor {
  const rule = transitionRule(action);
  if (rule.actors.includes("citizen")) return { kind: "citizen", applicant: { kind: "citizen", citizenId } };
  if (rule.actors.includes("staff")) return { kind: "staff", id: staffId, role: rule.minRole ?? "OPERATOR" };
  return { kind: "system", id: "test-job" };
}

const reasonFor = (action: TTransitionAction) => (transitionRule(action).reason ? `Motivo per ${action}` : undefined);

async function statusChangeJobs(applicationId: string) {
  const prisma = await db();
  return prisma.backgroundJob.findMany({ where: { name: APPLICATION_STATUS_CHANGED_EVENT, payload: { path: ["applicationId"], equals: applicationId } } });
}

const allowedCases = TRANSITION_ACTIONS.flatMap((action) =>
  (transitionRule(action).from as readonly number[]).map((from) => ({ action, from, to: transitionRule(action).to as number })),
);

describe("applyTransition: every allowed transition", () => {
  it.each(allowedCases)("$action: $from → $to", async ({ action, from, to }) => {
    const app = await createApplicationInStatus({ tenantId, service, status: from, citizenId });
    const actor = actorFor(action);
    const now = new Date("2026-05-04T09:30:00Z");
    const { application, statusChange } = await applyTransition({
      tenantId,
      applicationId: app.id,
      action,
      actor,
      reason: reasonFor(action),
      expectedVersion: 0,
      now,
    });
    expect(application.status).toBe(to);
    expect(application.version).toBe(1);

    const prisma = await db();
    const changes = await prisma.applicationStatusChange.findMany({ where: { applicationId: app.id } });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      id: statusChange.id,
      fromStatus: from,
      toStatus: to,
      actorKind: actor.kind.toUpperCase(),
      actorId: actor.kind === "citizen" ? citizenId : actor.kind === "staff" ? staffId : "test-job",
      reason: reasonFor(action) ?? null,
      createdAt: now,
    });
    const jobs = await statusChangeJobs(app.id);
    expect(jobs.map((j) => j.payload)).toEqual([
      { tenantId, applicationId: app.id, statusChangeId: statusChange.id, from, to, action },
    ]);
  });
});

describe("applyTransition: every forbidden transition", () => {
  const apps = new Map<number, string>();
  beforeAll(async () => {
    for (const code of CODES) apps.set(code, (await createApplicationInStatus({ tenantId, service, status: code, citizenId })).id);
  });

  it.each(TRANSITION_ACTIONS)("%s is refused from every other status, leaving the application untouched", async (action) => {
    const actor = actorFor(action);
    for (const code of CODES.filter((c) => !isAllowedFrom(action, c))) {
      const e = await appErrorOf(
        applyTransition({ tenantId, applicationId: apps.get(code)!, action, actor, reason: reasonFor(action) ?? null, expectedVersion: 0 }),
      );
      if (actor.kind === "staff" && code === S.DRAFT) {
        // Drafts are private to their applicant: the office does not see them at all.
        expect(e.code, `${action} from ${code}`).toBe("NOT_FOUND");
      } else {
        expect([e.code, e.messageKey], `${action} from ${code}`).toEqual(["CONFLICT", "applications.errors.transitionNotAllowed"]);
        expect(e.fields?.status).toMatch(/^applications\.status\.[A-Z_]+$/);
      }
    }
    const prisma = await db();
    const rows = await prisma.application.findMany({ where: { id: { in: [...apps.values()] } }, select: { status: true, version: true } });
    expect(rows.map((r) => r.version)).toEqual(rows.map(() => 0));
    expect(rows.map((r) => r.status).sort()).toEqual([...CODES].sort());
    expect(await prisma.applicationStatusChange.count({ where: { applicationId: { in: [...apps.values()] } } })).toBe(0);
    const jobs = await prisma.backgroundJob.findMany({ where: { name: APPLICATION_STATUS_CHANGED_EVENT, payload: { path: ["tenantId"], equals: tenantId } } });
    const ids = new Set(apps.values());
    expect(jobs.filter((j) => ids.has((j.payload as { applicationId: string }).applicationId))).toEqual([]);
  });
});

describe("applyTransition: who may act", () => {
  it("gives exactly one of two operators taking in charge at once the application; the other gets a conflict", async () => {
    const app = await createApplicationInStatus({ tenantId, service, status: S.REGISTERED, citizenId });
    const [a, b] = await Promise.all([createStaff({ tenantId }), createStaff({ tenantId })]);
    const results = await Promise.allSettled(
      [a, b].map(({ user }) =>
        applyTransition({ tenantId, applicationId: app.id, action: "takeInCharge", actor: { kind: "staff", id: user.id, role: "OPERATOR" }, expectedVersion: 0 }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", messageKey: "applications.errors.staleVersion", fields: { status: "applications.status.TAKEN_IN_CHARGE" } });

    const prisma = await db();
    expect(await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ status: S.TAKEN_IN_CHARGE, version: 1 });
    expect(await prisma.applicationStatusChange.count({ where: { applicationId: app.id } })).toBe(1);
    expect(await statusChangeJobs(app.id)).toHaveLength(1);
  });

  it("refuses an action based on an outdated view even when the new status would allow it", async () => {
    const app = await createApplicationInStatus({ tenantId, service, status: S.REGISTERED, citizenId });
    const operator = { kind: "staff", id: staffId, role: "OPERATOR" } as const;
    await applyTransition({ tenantId, applicationId: app.id, action: "takeInCharge", actor: operator, expectedVersion: 0 });
    const e = await appErrorOf(
      applyTransition({ tenantId, applicationId: app.id, action: "reject", actor: operator, reason: "Requisiti mancanti", expectedVersion: 0 }),
    );
    expect([e.code, e.messageKey]).toEqual(["CONFLICT", "applications.errors.staleVersion"]);
    const prisma = await db();
    expect(await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ status: S.TAKEN_IN_CHARGE, version: 1 });
  });

  it("hides another municipality's applications from its staff", async () => {
    const other = await createTenant();
    const app = await createApplicationInStatus({ tenantId, service, status: S.REGISTERED, citizenId });
    const e = await appErrorOf(
      applyTransition({
        tenantId: other.id,
        applicationId: app.id,
        action: "takeInCharge",
        actor: { kind: "staff", id: staffId, role: "TENANT_ADMIN" },
        expectedVersion: 0,
      }),
    );
    expect(e.code).toBe("NOT_FOUND");
    const prisma = await db();
    expect((await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe(S.REGISTERED);
  });

  it("lets applicants withdraw their own application only", async () => {
    const withdraw = (applicationId: string, applicant: TApplicant, reason?: string) =>
      applyTransition({ tenantId, applicationId, action: "withdraw", actor: { kind: "citizen", applicant }, reason, expectedVersion: 0 });
    const app = await createApplicationInStatus({ tenantId, service, status: S.TAKEN_IN_CHARGE, citizenId });
    const stranger = await createCitizen();
    expect((await appErrorOf(withdraw(app.id, { kind: "citizen", citizenId: stranger.id }))).code).toBe("NOT_FOUND");
    const { application } = await withdraw(app.id, { kind: "citizen", citizenId }, "  ");
    expect(application.status).toBe(S.WITHDRAWN);

    // Applicants without SPID, by their verified email (case and spaces don't matter).
    const byEmail = await createApplicationInStatus({ tenantId, service, status: S.REGISTERED, applicantEmail: "anna@example.test" });
    expect((await appErrorOf(withdraw(byEmail.id, { kind: "email", email: "altro@example.test" }))).code).toBe("NOT_FOUND");
    const { statusChange } = await withdraw(byEmail.id, { kind: "email", email: " Anna@Example.test " }, "Ho sbagliato servizio");
    expect(statusChange).toMatchObject({ actorKind: "CITIZEN", actorId: null, reason: "Ho sbagliato servizio", toStatus: S.WITHDRAWN });
  });

  it("refuses staff actions to citizens, and reopening or annulling to plain operators", async () => {
    const app = await createApplicationInStatus({ tenantId, service, status: S.REJECTED, citizenId });
    const citizen = await appErrorOf(
      applyTransition({
        tenantId,
        applicationId: app.id,
        action: "reopen",
        actor: { kind: "citizen", applicant: { kind: "citizen", citizenId } },
        reason: "Per favore",
        expectedVersion: 0,
      }),
    );
    expect([citizen.code, citizen.messageKey]).toEqual(["FORBIDDEN", "applications.errors.actionNotPermitted"]);
    const operator = await appErrorOf(
      applyTransition({
        tenantId,
        applicationId: app.id,
        action: "reopen",
        actor: { kind: "staff", id: staffId, role: "OPERATOR" },
        reason: "Errore materiale",
        expectedVersion: 0,
      }),
    );
    expect(operator.code).toBe("FORBIDDEN");
    const prisma = await db();
    expect(await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ status: S.REJECTED, version: 0 });
  });

  it("requires a reason to reopen, reject or ask for integrations", async () => {
    const app = await createApplicationInStatus({ tenantId, service, status: S.REJECTED, citizenId });
    const manager = { kind: "staff", id: staffId, role: "SERVICE_MANAGER" } as const;
    for (const reason of [undefined, "", "   \n"]) {
      const e = await appErrorOf(applyTransition({ tenantId, applicationId: app.id, action: "reopen", actor: manager, reason, expectedVersion: 0 }));
      expect([e.code, e.fields]).toEqual(["BAD_REQUEST", { reason: "applications.errors.reasonRequired" }]);
    }
    const tooLong = await appErrorOf(
      applyTransition({ tenantId, applicationId: app.id, action: "reopen", actor: manager, reason: "x".repeat(10_001), expectedVersion: 0 }),
    );
    expect(tooLong.fields).toEqual({ reason: "applications.errors.reasonTooLong" });

    const { application, statusChange } = await applyTransition({
      tenantId,
      applicationId: app.id,
      action: "reopen",
      actor: manager,
      reason: "  Riesame in autotutela  ",
      expectedVersion: 0,
    });
    expect(application.status).toBe(S.TAKEN_IN_CHARGE);
    expect(statusChange.reason).toBe("Riesame in autotutela");
  });

  it("writes nothing when the caller's transaction fails after the transition", async () => {
    const app = await createApplicationInStatus({ tenantId, service, status: S.TAKEN_IN_CHARGE, citizenId });
    const prisma = await db();
    await expect(
      prisma.$transaction(async (tx) => {
        await applyTransition({
          tenantId,
          applicationId: app.id,
          action: "requestIntegration",
          actor: { kind: "staff", id: staffId, role: "OPERATOR" },
          reason: "Manca l'ISEE",
          expectedVersion: 0,
          tx,
        });
        throw new Error("the message that goes with the request could not be saved");
      }),
    ).rejects.toThrow("could not be saved");
    expect(await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({ status: S.TAKEN_IN_CHARGE, version: 0 });
    expect(await prisma.applicationStatusChange.count({ where: { applicationId: app.id } })).toBe(0);
    expect(await statusChangeJobs(app.id)).toHaveLength(0);
  });
});
