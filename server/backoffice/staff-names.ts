import { db } from "@/server/db/client";
import type { ActorKind } from "@/server/db/generated/client";

// Who, by name, did or wrote something recorded by actor kind and id (status changes, messages,
// notes): one query for all the staff among them, one for the API keys (an external system is
// named by its key's name, "Protocollo informatico"). Shown to staff only; citizens see roles.

export type TStaffNameOf = (kind: ActorKind, id: string | null) => string | null;

const NAMED: ReadonlySet<ActorKind> = new Set(["STAFF", "API"]);

export async function staffNamesOf(actors: readonly { kind: ActorKind; id: string | null }[]): Promise<TStaffNameOf> {
  const idsOf = (kind: ActorKind) => [...new Set(actors.filter((a) => a.kind === kind && a.id).map((a) => a.id!))];
  const staffIds = idsOf("STAFF");
  const keyIds = idsOf("API");
  const prisma = staffIds.length || keyIds.length ? await db() : null;
  const [staff, keys] = await Promise.all([
    staffIds.length ? prisma!.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }) : [],
    keyIds.length ? prisma!.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true } }) : [],
  ]);
  const names = new Map<string, string>([...staff.map((s) => [`STAFF:${s.id}`, s.name] as const), ...keys.map((k) => [`API:${k.id}`, k.name] as const)]);
  return (kind, id) => (NAMED.has(kind) && id ? (names.get(`${kind}:${id}`) ?? null) : null);
}
