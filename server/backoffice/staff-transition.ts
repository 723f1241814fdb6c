import { applyTransition, type TApplyTransitionResult, type TTransitionAction } from "@/server/applications/transitions";
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

export type TStaffRef = { id: string; role: TEffectiveRole };

export type TStaffTransitionInput = {
  tenantId: string;
  applicationId: string;
  staff: TStaffRef;
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
      actor: { kind: "staff", id: input.staff.id, role: input.staff.role },
      reason: input.reason,
      expectedVersion: input.expectedVersion,
      now: input.now,
      tx,
    });
    const extra = (await input.also?.(tx, result)) ?? {};
    await recordAuditEvent({
      tenantId: input.tenantId,
      actorKind: "STAFF",
      actorId: input.staff.id,
      actorRole: input.staff.role,
      action: "application.transition",
      applicationId: input.applicationId,
      ip: input.ip,
      details: { action: input.action, from: result.statusChange.fromStatus, to: result.statusChange.toStatus, ...extra },
      tx,
    });
    // `also` may have changed the row (assignment): then return it as committed.
    if (!input.also) return result;
    const application = await tx.application.findUniqueOrThrow({ where: { id: input.applicationId } });
    return { ...result, application };
  }, SUBMIT_TX_OPTIONS);
}
