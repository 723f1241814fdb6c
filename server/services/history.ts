import type { TEffectiveRole } from "@/server/auth/roles";
import { staffNamesOf } from "@/server/backoffice/staff-names";
import { db } from "@/server/db/client";
import type { ActorKind, Prisma } from "@/server/db/generated/client";
import { tenantWhere } from "@/server/tenant";

// The history of a service's configuration (ServiceChange, append-only): who changed what and
// when, with the previous value. Every writer of a service's configuration (card, dates, status,
// form, group, operators, the scheduler) records its change here in the same transaction as the
// change itself, so nothing is changed without its line.

/** One changed field; before/after are JSON (dates as ISO strings, null for "not set"). */
export type TServiceFieldChange = { field: string; before: Prisma.JsonValue; after: Prisma.JsonValue };

export type TServiceChangeActor = { kind: "STAFF"; id: string; role: TEffectiveRole } | { kind: "SYSTEM" };

/** The JSON form of a configuration value, so that Dates compare and store as ISO strings. */
export function historyValue(value: unknown): Prisma.JsonValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(historyValue);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, historyValue(v)]));
  }
  return value as Prisma.JsonValue;
}

/**
 * The fields whose value differs between `before` and `after` (a field absent from `after` is
 * unchanged). Compared by their JSON form, so equal dates or arrays are not reported.
 */
export function diffServiceFields<T extends Record<string, unknown>>(before: T, after: Partial<T>, fields?: readonly (keyof T & string)[]): TServiceFieldChange[] {
  const keys = fields ?? (Object.keys(after) as (keyof T & string)[]);
  const changes: TServiceFieldChange[] = [];
  for (const field of keys) {
    if (!(field in after)) continue;
    const b = historyValue(before[field]);
    const a = historyValue(after[field]);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** Staff names as the "operators" field of a history line records them (sorted the Italian way),
 * whichever page changed them: the service's staff or the person's services. */
export function operatorNames(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => a.localeCompare(b, "it"));
}

export type TRecordServiceChangeInput = {
  tenantId: string;
  serviceId: string;
  actor: TServiceChangeActor;
  /** "service.update", "service.status", "form.publish"… (see the ServiceChange model). */
  action: string;
  changes: TServiceFieldChange[];
  now?: Date;
};

/** Writes one history line inside the caller's transaction. Nothing is written when `changes`
 * is empty and the action is a plain update (saving an unchanged card leaves no noise). */
export async function recordServiceChange(tx: Prisma.TransactionClient, input: TRecordServiceChangeInput): Promise<void> {
  if (input.changes.length === 0 && input.action === "service.update") return;
  await tx.serviceChange.create({
    data: {
      tenantId: input.tenantId,
      serviceId: input.serviceId,
      actorKind: input.actor.kind satisfies ActorKind,
      actorId: input.actor.kind === "STAFF" ? input.actor.id : null,
      actorRole: input.actor.kind === "STAFF" ? input.actor.role : null,
      action: input.action,
      changes: input.changes as Prisma.InputJsonValue,
      ...(input.now ? { createdAt: input.now } : {}),
    },
  });
}

export type TServiceHistoryEntry = {
  id: string;
  at: Date;
  action: string;
  actorKind: ActorKind;
  /** Staff name (staff-only page), null for the scheduler or a deleted account. */
  actorName: string | null;
  actorRole: string | null;
  changes: TServiceFieldChange[];
};

/** A service's history, newest first, in pages (keyset on id, which is time-ordered uuid7). */
export async function listServiceHistory({
  tenantId,
  serviceId,
  before,
  limit = 50,
}: {
  tenantId: string;
  serviceId: string;
  /** id of the last entry of the previous page. */
  before?: string;
  limit?: number;
}): Promise<{ entries: TServiceHistoryEntry[]; nextCursor: string | null }> {
  const prisma = await db();
  const rows = await prisma.serviceChange.findMany({
    where: tenantWhere(tenantId, { serviceId, ...(before ? { id: { lt: before } } : {}) }),
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const nameOf = await staffNamesOf(page.map((r) => ({ kind: r.actorKind, id: r.actorId })));
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.createdAt,
      action: r.action,
      actorKind: r.actorKind,
      actorName: nameOf(r.actorKind, r.actorId),
      actorRole: r.actorRole,
      changes: r.changes as TServiceFieldChange[],
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}
