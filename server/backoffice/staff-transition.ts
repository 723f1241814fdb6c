import { applyTransition, type TApplyTransitionResult, type TTransitionAction, type TTransitionActor } from "@/server/applications/transitions";
import { SUBMIT_TX_OPTIONS } from "@/server/applications/submit";
import { recordAuditEvent } from "@/server/audit/record";
import type { TEffectiveRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";

// A status change made by an operator: the transition (server/applications/transitions.ts) and
// its line in the audit trail (who, which role, from which address), in one transaction, so an
// action is never done without its record nor recorded without being done. `also` runs in the
// same transaction after the transition, for what goes with the action (the assignment of a
// take-in-charge, the IntegrationRequest of a request for documents, the message of a decision).
// The office may also act through an external system of the municipality (REST API, with one of
// its keys): same transitions, same notices to the citizen; the trail names the key.

export type TStaffRef = { id: string; role: TEffectiveRole };

/** An external system through /api/v1: the key it called with (id for the records, prefix for
 * the audit details). It has no role (the key's scope is its permission) and holds nothing. */
export type TApiActorRef = { kind: "api"; keyId: string; keyPrefix: string };

/** Who acts for the office: a member of its staff, or an external system through the API. */
export type TOfficeActor = TStaffRef | TApiActorRef;

export function isApiActor(actor: TOfficeActor): actor is TApiActorRef {
  return "kind" in actor && actor.kind === "api";
}

/** The actor's fields of an audit event (recordAuditEvent): who, with which role or key. */
export function auditActorOf(actor: TOfficeActor) {
  return isApiActor(actor)
    ? { actorKind: "API" as const, actorId: actor.keyId, actorRole: null, details: { apiKey: actor.keyPrefix } }
    : { actorKind: "STAFF" as const, actorId: actor.id, actorRole: actor.role, details: {} };
}

/** The actor as the status machine knows it (applyTransition). */
export function transitionActorOf(actor: TOfficeActor): TTransitionActor {
  return isApiActor(actor) ? { kind: "api", keyId: actor.keyId } : { kind: "staff", id: actor.id, role: actor.role };
}

export type TStaffTransitionInput = {
  tenantId: string;
  applicationId: string;
  /** Staff, or an external system through the API. */
  staff: TOfficeActor;
  ip: string | null;
  action: TTransitionAction;
  reason?: string | null;
  /** The Application.version the operator's page showed. */
  expectedVersion: number;
  now?: Date;
  also?: (tx: Prisma.TransactionClient, result: TApplyTransitionResult) => Promise<Prisma.InputJsonObject | void>;
};

export async function staffTransition(input: TStaffTransitionInput): Promise<TApplyTransitionResult> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const result = await applyTransition({
      tenantId: input.tenantId,
      applicationId: input.applicationId,
      action: input.action,
      actor: transitionActorOf(input.staff),
      reason: input.reason,
      expectedVersion: input.expectedVersion,
      now: input.now,
      tx,
    });
    const extra = (await input.also?.(tx, result)) ?? {};
    const { details: actorDetails, ...actor } = auditActorOf(input.staff);
    await recordAuditEvent({
      tenantId: input.tenantId,
      ...actor,
      action: "application.transition",
      applicationId: input.applicationId,
      ip: input.ip,
      details: { action: input.action, from: result.statusChange.fromStatus, to: result.statusChange.toStatus, ...actorDetails, ...extra },
      tx,
    });
    // `also` may have changed the row (assignment): then return it as committed.
    if (!input.also) return result;
    const application = await tx.application.findUniqueOrThrow({ where: { id: input.applicationId } });
    return { ...result, application };
  }, SUBMIT_TX_OPTIONS);
}
