import type { Application, ApplicationStatusChange, ActorKind, Prisma, StaffRole } from "@/server/db/generated/client";
import { meetsRole, type TEffectiveRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { triggerJob } from "@/server/jobs/client";
import { ownerWhere, type TApplicant } from "./applicant";
import { APPLICATION_STATUS as S, isClosedStatus, statusLabelKey, type TApplicationStatus } from "./status";
import { SUBMIT_TX_OPTIONS } from "./submit";

// The application status machine (DOMAIN.md, "Application status model"): the one place that
// says which action moves an application from which statuses to which, and who may do it.
// applyTransition is the one way to perform an action; submit.ts (1000 → 1900, with its
// idempotency key and validation) and protocol.ts (1900 → 3000, with the protocol number) are
// the two flows that write their own transition, and both match this table.
//
// Every transition enqueues the "application.status_changed" job event in the same transaction
// (server/jobs/definitions/application-status-changed.ts notifies the citizen; App IO and
// operator notifications will subscribe to the same event).

export const APPLICATION_STATUS_CHANGED_EVENT = "application.status_changed";

/** "api": an external system of the municipality through /api/v1, with one of its API keys. */
export type TTransitionActorKind = "citizen" | "staff" | "system" | "api";

type TTransitionRule = {
  from: readonly TApplicationStatus[];
  to: TApplicationStatus;
  /** Who may perform it: the applicant ("citizen", with or without SPID), staff, or the system
   * (jobs, the protocol and payment integrations, external systems through the API). */
  actors: readonly TTransitionActorKind[];
  /** Lowest staff role (default OPERATOR). */
  minRole?: StaffRole;
  /** "required": refused without one. The reason is shown to the citizen in the notification
   * (for requestIntegration it is the request itself). */
  reason?: "required" | "optional";
  /** The citizen is told (area message and email). False for bookkeeping steps the citizen
   * hears about otherwise (registration job, the request that precedes them) and for payments
   * (their flow will send its own notices). */
  notify: boolean;
};

const IN_CHARGE = [S.TAKEN_IN_CHARGE, S.TAKEN_IN_CHARGE_AFTER_INTEGRATION] as const;

/** Withdrawal: "possible from 1900 up to 4400". */
const WITHDRAWABLE = [
  S.SUBMITTED,
  S.RECEIVED,
  S.REGISTERED,
  S.TAKEN_IN_CHARGE,
  S.INTEGRATION_REQUESTED,
  S.INTEGRATION_PENDING,
  S.INTEGRATION_SUBMITTED,
  S.INTEGRATION_REGISTERED,
] as const;

/** Everything after submission that is not final (drafts and payment steps are the applicant's). */
const ANNULLABLE = [...WITHDRAWABLE, S.TAKEN_IN_CHARGE_AFTER_INTEGRATION, S.ACCEPTING, S.REJECTING] as const;

export const TRANSITIONS = {
  // Payment before submission (a paid service; the payment flow itself is a later issue).
  requestPayment: { from: [S.DRAFT], to: S.PAYMENT_PENDING, actors: ["system"], notify: false },
  startPayment: { from: [S.PAYMENT_PENDING], to: S.PAYMENT_OUTCOME_PENDING, actors: ["system"], notify: false },
  paymentSucceeded: { from: [S.PAYMENT_PENDING, S.PAYMENT_OUTCOME_PENDING], to: S.PAYMENT_SUCCEEDED, actors: ["system"], notify: false },
  paymentFailed: { from: [S.PAYMENT_PENDING, S.PAYMENT_OUTCOME_PENDING], to: S.PAYMENT_REFUSED, actors: ["system"], notify: false },
  retryPayment: { from: [S.PAYMENT_REFUSED], to: S.PAYMENT_PENDING, actors: ["system"], notify: false },
  submitAfterPayment: { from: [S.PAYMENT_SUCCEEDED], to: S.SUBMITTED, actors: ["system"], notify: false },

  receive: { from: [S.SUBMITTED], to: S.RECEIVED, actors: ["system"], notify: false },
  register: { from: [S.SUBMITTED, S.RECEIVED], to: S.REGISTERED, actors: ["system"], notify: false },
  takeInCharge: { from: [S.REGISTERED], to: S.TAKEN_IN_CHARGE, actors: ["staff", "api"], notify: true },

  requestIntegration: { from: IN_CHARGE, to: S.INTEGRATION_REQUESTED, actors: ["staff", "api"], reason: "required", notify: true },
  integrationPending: { from: [S.INTEGRATION_REQUESTED], to: S.INTEGRATION_PENDING, actors: ["system"], notify: false },
  submitIntegration: {
    from: [S.INTEGRATION_REQUESTED, S.INTEGRATION_PENDING],
    to: S.INTEGRATION_SUBMITTED,
    actors: ["citizen"],
    notify: true,
  },
  registerIntegration: { from: [S.INTEGRATION_SUBMITTED], to: S.INTEGRATION_REGISTERED, actors: ["system"], notify: false },
  resumeAfterIntegration: {
    from: [S.INTEGRATION_SUBMITTED, S.INTEGRATION_REGISTERED],
    to: S.TAKEN_IN_CHARGE_AFTER_INTEGRATION,
    actors: ["staff", "api"],
    notify: true,
  },
  // The citizen never answered (or answered elsewhere): the office goes on without, and says why.
  resumeWithoutIntegration: {
    from: [S.INTEGRATION_REQUESTED, S.INTEGRATION_PENDING],
    to: S.TAKEN_IN_CHARGE_AFTER_INTEGRATION,
    actors: ["staff", "api"],
    reason: "required",
    notify: true,
  },

  accept: { from: IN_CHARGE, to: S.ACCEPTING, actors: ["staff", "api"], reason: "optional", notify: true },
  finalizeAccept: { from: [S.ACCEPTING], to: S.ACCEPTED, actors: ["system"], notify: true },
  reject: { from: IN_CHARGE, to: S.REJECTING, actors: ["staff", "api"], reason: "required", notify: true },
  finalizeReject: { from: [S.REJECTING], to: S.REJECTED, actors: ["system"], notify: true },

  withdraw: { from: WITHDRAWABLE, to: S.WITHDRAWN, actors: ["citizen"], reason: "optional", notify: true },
  // Undoing a final outcome, or voiding an application, is the office manager's call.
  reopen: {
    from: [S.ACCEPTED, S.REJECTED, S.WITHDRAWN],
    to: S.TAKEN_IN_CHARGE,
    actors: ["staff", "api"],
    minRole: "SERVICE_MANAGER",
    reason: "required",
    notify: true,
  },
  annul: { from: ANNULLABLE, to: S.ANNULLED, actors: ["staff", "api"], minRole: "SERVICE_MANAGER", reason: "required", notify: true },
} as const satisfies Record<string, TTransitionRule>;

export type TTransitionAction = keyof typeof TRANSITIONS;
export const TRANSITION_ACTIONS = Object.keys(TRANSITIONS) as TTransitionAction[];

export function transitionRule(action: TTransitionAction): TTransitionRule {
  return TRANSITIONS[action];
}

export function isTransitionAction(value: string): value is TTransitionAction {
  return Object.hasOwn(TRANSITIONS, value);
}

/** Who is asking, as far as the table cares (the role of staff in the application's tenant). */
export type TActorRef = { kind: "citizen" } | { kind: "staff"; role: TEffectiveRole } | { kind: "system" } | { kind: "api" };

/** Whether `actor` may perform `action` at all, whatever the status. */
export function actorMayPerform(action: TTransitionAction, actor: TActorRef): boolean {
  const rule = transitionRule(action);
  if (!rule.actors.includes(actor.kind)) return false;
  return actor.kind !== "staff" || meetsRole(actor.role, rule.minRole ?? "OPERATOR");
}

export function isAllowedFrom(action: TTransitionAction, status: number): boolean {
  return (transitionRule(action).from as readonly number[]).includes(status);
}

/** The actions `actor` may perform now, and nothing else (what the UI offers), in table order. */
export function allowedActions(status: number, actor: TActorRef): TTransitionAction[] {
  return TRANSITION_ACTIONS.filter((a) => isAllowedFrom(a, status) && actorMayPerform(a, actor));
}

/** Final statuses (accepted, rejected, withdrawn, annulled): only a reopen moves them. */
export function isFinal(status: number): boolean {
  return isClosedStatus(status);
}

const MESSAGING_WINDOW: ReadonlySet<number> = new Set([
  S.TAKEN_IN_CHARGE,
  S.INTEGRATION_REQUESTED,
  S.INTEGRATION_PENDING,
  S.INTEGRATION_SUBMITTED,
  S.INTEGRATION_REGISTERED,
  S.TAKEN_IN_CHARGE_AFTER_INTEGRATION,
]);

/** Messages to the citizen: only while taken in charge and not yet accepted or rejected
 * (4000–4500); outside that window the office keeps internal notes only. */
export function canMessageCitizen(status: number): boolean {
  return MESSAGING_WINDOW.has(status);
}

// ---------------------------------------------------------------------------------------------

/** Who performs a transition. Callers build it from the session, never from client input:
 * staff's role is their effective role in the tenant (staffProcedure's ctx.role). */
export type TTransitionActor =
  | { kind: "citizen"; applicant: TApplicant }
  | { kind: "staff"; id: string; role: TEffectiveRole }
  /** id: which job or integration, for the record (optional). */
  | { kind: "system"; id?: string }
  /** An external system: the API key it called with (ApplicationStatusChange.actorId). */
  | { kind: "api"; keyId: string };

export type TApplyTransitionInput = {
  tenantId: string;
  applicationId: string;
  action: TTransitionAction;
  actor: TTransitionActor;
  reason?: string | null;
  /** The version the person saw (Application.version). Required for citizens and staff: a
   * different version means someone else changed the application meanwhile. Jobs may omit it,
   * and so may external systems (the API's expectedVersion is optional). */
  expectedVersion?: number;
  now?: Date;
  /** Run inside the caller's transaction (e.g. with the message that goes with the action). */
  tx?: Prisma.TransactionClient;
};

export type TApplyTransitionResult = { application: Application; statusChange: ApplicationStatusChange };

export const REASON_MAX_LENGTH = 10_000;

const ACTOR_KIND: Record<TTransitionActorKind, ActorKind> = { citizen: "CITIZEN", staff: "STAFF", system: "SYSTEM", api: "API" };

const notFound = () => new AppError("NOT_FOUND", "applications.errors.applicationNotFound");

/** The current status travels as its label key in `fields.status`, so the UI can name it. */
const conflict = (key: "transitionNotAllowed" | "staleVersion", status: number) =>
  new AppError("CONFLICT", `applications.errors.${key}`, { fields: { status: `applications.${statusLabelKey(status)}` } });

function actorId(actor: TTransitionActor): string | null {
  switch (actor.kind) {
    case "citizen":
      // Applicants without SPID are known by the application's own verified email.
      return actor.applicant.kind === "citizen" ? actor.applicant.citizenId : null;
    case "staff":
      return actor.id;
    case "system":
      return actor.id ?? null;
    case "api":
      return actor.keyId;
  }
}

function checkedReason(rule: TTransitionRule, raw: string | null | undefined): string | null {
  const reason = raw?.trim() || null;
  if (!reason && rule.reason === "required") {
    throw new AppError("BAD_REQUEST", "applications.errors.reasonRequired", { fields: { reason: "applications.errors.reasonRequired" } });
  }
  if (reason && reason.length > REASON_MAX_LENGTH) {
    throw new AppError("BAD_REQUEST", "applications.errors.reasonTooLong", { fields: { reason: "applications.errors.reasonTooLong" } });
  }
  return reason;
}

/**
 * Performs `action` on an application, or refuses it:
 * NOT_FOUND  unknown application, another tenant's, another applicant's (for citizens), or a
 *            draft (for staff: drafts are private to their applicant);
 * FORBIDDEN  this kind of actor (or this staff role) may not perform the action at all;
 * BAD_REQUEST a required reason is missing (fields.reason);
 * CONFLICT   staleVersion: someone else changed the application since `expectedVersion`;
 *            transitionNotAllowed: the action is not possible from the current status.
 * On success, in one transaction: status and version updated only if both are still what was
 * read (so of two operators acting at once exactly one wins), the change recorded (who, when,
 * from, to, reason) and the status_changed job enqueued.
 */
export async function applyTransition(input: TApplyTransitionInput): Promise<TApplyTransitionResult> {
  if (!isTransitionAction(input.action)) throw new AppError("BAD_REQUEST", "errors.badRequest");
  const rule = transitionRule(input.action);
  if (!actorMayPerform(input.action, input.actor)) throw new AppError("FORBIDDEN", "applications.errors.actionNotPermitted");
  if (input.expectedVersion === undefined && input.actor.kind !== "system" && input.actor.kind !== "api") {
    throw new Error("applyTransition: expectedVersion is required for citizens and staff");
  }
  const reason = checkedReason(rule, input.reason);
  const now = input.now ?? new Date();

  const run = async (tx: Prisma.TransactionClient): Promise<TApplyTransitionResult> => {
    const { actor } = input;
    const current = await tx.application.findFirst({
      where: {
        id: input.applicationId,
        tenantId: input.tenantId,
        ...(actor.kind === "citizen" ? ownerWhere(actor.applicant) : {}),
      },
      select: { id: true, status: true, version: true },
    });
    if (!current || (actor.kind === "staff" && current.status === S.DRAFT)) throw notFound();
    if (input.expectedVersion !== undefined && current.version !== input.expectedVersion) throw conflict("staleVersion", current.status);
    if (!isAllowedFrom(input.action, current.status)) throw conflict("transitionNotAllowed", current.status);

    // The row lock makes a concurrent writer wait here, then find the status or version changed.
    const { count } = await tx.application.updateMany({
      where: { id: current.id, tenantId: input.tenantId, status: current.status, version: current.version },
      data: { status: rule.to, version: { increment: 1 } },
    });
    if (count === 0) {
      const latest = await tx.application.findFirst({ where: { id: current.id, tenantId: input.tenantId }, select: { status: true } });
      if (!latest) throw notFound();
      throw conflict("staleVersion", latest.status);
    }
    const statusChange = await tx.applicationStatusChange.create({
      data: {
        tenantId: input.tenantId,
        applicationId: current.id,
        fromStatus: current.status,
        toStatus: rule.to,
        actorKind: ACTOR_KIND[actor.kind],
        actorId: actorId(actor),
        reason,
        createdAt: now,
      },
    });
    await triggerJob(
      APPLICATION_STATUS_CHANGED_EVENT,
      {
        tenantId: input.tenantId,
        applicationId: current.id,
        statusChangeId: statusChange.id,
        from: current.status,
        to: rule.to,
        action: input.action,
      },
      { tx, dedupeKey: statusChange.id },
    );
    const application = await tx.application.findUniqueOrThrow({ where: { id: current.id } });
    return { application, statusChange };
  };

  if (input.tx) return run(input.tx);
  const prisma = await db();
  return prisma.$transaction(run, SUBMIT_TX_OPTIONS);
}
