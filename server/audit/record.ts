import type { ActorKind, Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";

// The audit trail (model AuditEvent, append-only: the database refuses updates and deletes).
// Who looked at or did what, when, from which address: "application.view" on every staff view of
// an application, later every staff action. The role, not the name, is what the citizen is shown.

export type TAuditEventInput = {
  tenantId: string;
  actorKind: ActorKind;
  actorId?: string | null;
  /** The actor's role at the time ("OPERATOR", "TENANT_ADMIN", "SUPER_ADMIN"…). */
  actorRole?: string | null;
  /** "application.view", "application.transition", "message.create"… */
  action: string;
  applicationId?: string | null;
  ip?: string | null;
  details?: Prisma.InputJsonObject;
  /** Inside the transaction of the action it records, so both happen or neither. */
  tx?: Prisma.TransactionClient;
};

export async function recordAuditEvent(input: TAuditEventInput) {
  const client = input.tx ?? (await db());
  return client.auditEvent.create({
    data: {
      tenantId: input.tenantId,
      actorKind: input.actorKind,
      actorId: input.actorId ?? null,
      actorRole: input.actorRole ?? null,
      action: input.action,
      applicationId: input.applicationId ?? null,
      ip: input.ip ?? null,
      details: input.details,
    },
  });
}
