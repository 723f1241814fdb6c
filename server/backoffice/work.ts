import { APPLICATION_STATUS as S, statusLabelKey } from "@/server/applications/status";
import { SUBMIT_TX_OPTIONS } from "@/server/applications/submit";
import { allowedActions, canMessageCitizen, type TApplyTransitionResult } from "@/server/applications/transitions";
import { recordAuditEvent } from "@/server/audit/record";
import { listTenantStaff } from "@/server/auth/list-tenant-staff";
import { meetsRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import type { Application, Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { auditActorOf, isApiActor, staffTransition, type TOfficeActor, type TStaffRef } from "./staff-transition";
import type { TDecision, TWorkAction } from "./work-values";

// What an operator does with one application besides writing: take it in charge, hand it to a
// colleague, give it back, decide on it. Who holds an application (assignedStaffId) is part of
// its state: every change of holder bumps Application.version under the same optimistic check
// as a transition (update where id, tenant and version are still what the page showed), so of
// two operators acting at once exactly one wins and the other is told the page is stale.
// Accepting or rejecting is the holder's job (or a service manager's); reopening and annulling
// are the manager's call (TRANSITIONS table). Every change lands in the audit trail.
// An external system (REST API) may take in charge and decide too: it is the office, so nobody's
// holding is checked, and it never becomes the holder itself.

/** `staff`: who acts; an external system (TApiActorRef) only where the function says so. */
export type TWorkInput<A extends TOfficeActor = TStaffRef> = {
  tenantId: string;
  applicationId: string;
  staff: A;
  ip: string | null;
  /** The Application.version the operator's page showed. */
  expectedVersion: number;
  now?: Date;
};

/** Someone holds the application while it is in charge and not yet decided (4000–4500, the
 * integration steps included): the same window in which the office may write to the citizen. */
const isHeld = (status: number) => canMessageCitizen(status);

const notFound = () => new AppError("NOT_FOUND", "backoffice.application.notFound");
const statusField = (status: number) => ({ fields: { status: `applications.${statusLabelKey(status)}` } });
const stale = (status: number) => new AppError("CONFLICT", "applications.errors.staleVersion", statusField(status));
const notAllowed = (status: number) => new AppError("CONFLICT", "applications.errors.transitionNotAllowed", statusField(status));

const isManager = (staff: TStaffRef) => meetsRole(staff.role, "SERVICE_MANAGER");

type TWorkRow = { id: string; status: number; version: number; assignedStaffId: string | null; assignedStaff: { name: string } | null };

async function loadForWork(client: Prisma.TransactionClient, input: TWorkInput<TOfficeActor>): Promise<TWorkRow> {
  const app = await client.application.findFirst({
    where: { id: input.applicationId, tenantId: input.tenantId, status: { gte: S.SUBMITTED } },
    select: { id: true, status: true, version: true, assignedStaffId: true, assignedStaff: { select: { name: true } } },
  });
  if (!app) throw notFound();
  return app;
}

/** The holder's own actions, or a manager's on anyone's application. */
function assertHolderOrManager(app: TWorkRow, staff: TStaffRef, key: string): void {
  if (app.assignedStaffId !== staff.id && !isManager(staff)) throw new AppError("FORBIDDEN", key);
}

/** Changes who holds the application, only if nobody changed it since the page was shown, and
 * records it. */
async function changeHolder(
  tx: Prisma.TransactionClient,
  input: TWorkInput<TOfficeActor>,
  data: { assignedStaffId: string | null; takenInChargeAt: Date | null },
  audit: { action: "application.assign" | "application.release"; details: Prisma.InputJsonObject },
): Promise<Application> {
  const { count } = await tx.application.updateMany({
    where: { id: input.applicationId, tenantId: input.tenantId, version: input.expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const latest = await tx.application.findFirst({ where: { id: input.applicationId, tenantId: input.tenantId }, select: { status: true } });
    if (!latest) throw notFound();
    throw stale(latest.status);
  }
  const { details: actorDetails, ...actor } = auditActorOf(input.staff);
  await recordAuditEvent({
    tenantId: input.tenantId,
    ...actor,
    action: audit.action,
    applicationId: input.applicationId,
    ip: input.ip,
    details: { ...actorDetails, ...audit.details },
    tx,
  });
  return tx.application.findUniqueOrThrow({ where: { id: input.applicationId } });
}

async function inTransaction<T>(run: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const prisma = await db();
  return prisma.$transaction(run, SUBMIT_TX_OPTIONS);
}

/**
 * "Prendi in carico". Registered (3000): the takeInCharge transition, and the operator becomes
 * the holder. Already in charge or in integration but held by nobody (released, or the holder's
 * account removed): the operator becomes the holder, no status change. Held by someone else:
 * CONFLICT naming them (fields.assignee is their name, not a message key).
 * An external system: only the transition from 3000, and nobody holds the application after it
 * (an operator takes it later); from any other status CONFLICT.
 */
export async function takeInCharge(input: TWorkInput<TOfficeActor>): Promise<Application> {
  const prisma = await db();
  const app = await loadForWork(prisma, input);
  if (app.version !== input.expectedVersion) throw stale(app.status);
  const staff = input.staff;
  if (isApiActor(staff)) {
    if (app.status !== S.REGISTERED) throw notAllowed(app.status);
    return (await staffTransition({ ...input, action: "takeInCharge" })).application;
  }
  if (app.assignedStaffId && app.assignedStaffId !== staff.id) {
    throw new AppError("CONFLICT", "work.errors.alreadyTaken", { fields: { assignee: app.assignedStaff?.name ?? "" } });
  }
  const now = input.now ?? new Date();
  if (app.status === S.REGISTERED) {
    const result = await staffTransition({
      ...input,
      action: "takeInCharge",
      also: async (tx, { application }: TApplyTransitionResult) => {
        // Same transaction and row lock as the transition, which already bumped the version.
        await tx.application.updateMany({
          where: { id: application.id, tenantId: input.tenantId, version: application.version },
          data: { assignedStaffId: staff.id, takenInChargeAt: now },
        });
        return { assignedTo: staff.id };
      },
    });
    return result.application;
  }
  if (!isHeld(app.status)) throw notAllowed(app.status);
  // Already the holder: nothing to do.
  if (app.assignedStaffId === staff.id) return prisma.application.findUniqueOrThrow({ where: { id: app.id } });
  return inTransaction((tx) =>
    changeHolder(tx, input, { assignedStaffId: staff.id, takenInChargeAt: now }, { action: "application.assign", details: { from: null, to: staff.id } }),
  );
}

/** Hands the application to another active member of the municipality's staff. */
export async function reassign(input: TWorkInput & { toStaffId: string }): Promise<Application> {
  return inTransaction(async (tx) => {
    const app = await loadForWork(tx, input);
    if (app.version !== input.expectedVersion) throw stale(app.status);
    if (!isHeld(app.status)) throw notAllowed(app.status);
    assertHolderOrManager(app, input.staff, "work.errors.notHolderReassign");
    const target = await tx.membership.findFirst({
      where: { tenantId: input.tenantId, staffUserId: input.toStaffId, disabledAt: null, staffUser: { disabledAt: null } },
      select: { staffUserId: true },
    });
    if (!target) throw new AppError("BAD_REQUEST", "work.errors.assigneeInvalid", { fields: { toStaffId: "work.errors.assigneeInvalid" } });
    if (target.staffUserId === app.assignedStaffId) return tx.application.findUniqueOrThrow({ where: { id: app.id } });
    return changeHolder(
      tx,
      input,
      { assignedStaffId: target.staffUserId, takenInChargeAt: input.now ?? new Date() },
      { action: "application.assign", details: { from: app.assignedStaffId, to: target.staffUserId } },
    );
  });
}

/** Gives the application back: nobody holds it (the status does not change), anyone may take it. */
export async function release(input: TWorkInput): Promise<Application> {
  return inTransaction(async (tx) => {
    const app = await loadForWork(tx, input);
    if (app.version !== input.expectedVersion) throw stale(app.status);
    if (!isHeld(app.status)) throw notAllowed(app.status);
    if (!app.assignedStaffId) return tx.application.findUniqueOrThrow({ where: { id: app.id } });
    assertHolderOrManager(app, input.staff, "work.errors.notHolderRelease");
    return changeHolder(tx, input, { assignedStaffId: null, takenInChargeAt: null }, { action: "application.release", details: { from: app.assignedStaffId } });
  });
}

const HOLDER_DECISIONS: ReadonlySet<TDecision> = new Set(["accept", "reject"]);

/**
 * Accept (reason optional), reject (reason required), reopen or annul (service manager and up,
 * reason required). Accepting or rejecting takes the holder or a manager: an operator who has
 * not taken the application is refused. The holder is read at the version the page showed, and
 * the transition only happens at that version, so the check cannot go stale in between.
 * An external system decides for the office: no holder check (the status machine still applies).
 */
export async function decide(input: TWorkInput<TOfficeActor> & { action: TDecision; reason?: string | null }): Promise<Application> {
  const staff = input.staff;
  if (HOLDER_DECISIONS.has(input.action) && !isApiActor(staff)) {
    const app = await loadForWork(await db(), input);
    if (app.version === input.expectedVersion) assertHolderOrManager(app, staff, "work.errors.notHolderDecide");
  }
  const result = await staffTransition({ ...input, action: input.action, reason: input.reason });
  return result.application;
}

/**
 * The work actions the viewer may do now, in the order the page shows them: the status machine
 * (allowedActions) narrowed by who holds the application. Integration requests have their own
 * panel and are not listed here.
 */
export function availableWorkActions(app: { status: number; assignedStaffId: string | null }, viewer: TStaffRef): TWorkAction[] {
  const table = new Set(allowedActions(app.status, { kind: "staff", role: viewer.role }));
  const holder = app.assignedStaffId === viewer.id;
  const mayHandle = holder || isManager(viewer);
  const held = isHeld(app.status);
  const actions: TWorkAction[] = [];
  if ((table.has("takeInCharge") && (!app.assignedStaffId || holder)) || (held && !app.assignedStaffId)) actions.push("takeInCharge");
  if (table.has("accept") && mayHandle) actions.push("accept");
  if (table.has("reject") && mayHandle) actions.push("reject");
  if (held && mayHandle) actions.push("reassign");
  if (held && app.assignedStaffId && mayHandle) actions.push("release");
  if (table.has("reopen")) actions.push("reopen");
  if (table.has("annul")) actions.push("annul");
  return actions;
}

/** Who an application can be handed to: the municipality's active staff, by name. */
export async function listAssignees({ tenantId }: { tenantId: string }) {
  const staff = await listTenantStaff({ tenantId });
  return staff.filter((s) => !s.disabled).map(({ id, name, role }) => ({ id, name, role }));
}
