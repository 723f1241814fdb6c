import { db } from "@/server/db/client";
import type { ActorKind } from "@/server/db/generated/client";

// Who, by name, did or wrote something recorded by actor kind and id (status changes, messages,
// notes): one query for all the staff among them. Shown to staff only; citizens see roles.

export type TStaffNameOf = (kind: ActorKind, id: string | null) => string | null;

export async function staffNamesOf(actors: readonly { kind: ActorKind; id: string | null }[]): Promise<TStaffNameOf> {
  const ids = [...new Set(actors.filter((a) => a.kind === "STAFF" && a.id).map((a) => a.id!))];
  const rows = ids.length ? await (await db()).staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(rows.map((s) => [s.id, s.name]));
  return (kind, id) => (kind === "STAFF" && id ? (names.get(id) ?? null) : null);
}
