import { recordAuditEvent } from "@/server/audit/record";
import type { TEffectiveRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import { Prisma, type ServiceStatus } from "@/server/db/generated/client";
import { isUniqueViolation } from "@/server/db/errors";
import { AppError } from "@/server/errors";
import { tenantWhere } from "@/server/tenant";
import { GROUP_MEMBER_ORDER } from "./catalogue";
import { isGroupVisible, type TGroupFields, type TMoveDirection } from "./groups-values";
import { diffServiceFields, recordServiceChange } from "./history";
import { firstFreeSlug, slugify } from "./slug";

// Service groups ("Asilo nido": enrolment, delegation, payments): several services the catalogue
// shows as one entry and the dossier as one case. The municipality's administrator makes them and
// sets their members and order; functionaries read them.
//
// Every change of a service's group or place in it is a "service.group" line in THAT service's
// history (server/services/history.ts), in the same transaction, and bumps Service.version like
// any configuration change. Membership changes lock the group row first, then rewrite the
// members' positions densely (1, 2, 3…): two administrators editing the same group at once are
// serialised and never leave two members on the same place. A service belongs to at most one
// group (Service.groupId); adding one that already has a group is refused.

export type TGroupActor = { id: string; role: TEffectiveRole };

export type TGroupMember = { id: string; slug: string; name: string; status: ServiceStatus; position: number };

export type TGroupSummary = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  position: number;
  members: TGroupMember[];
  /** Shown in the citizens' catalogue: at least one member is published. */
  catalogueVisible: boolean;
};

export type TGroupDetail = TGroupSummary & {
  /** Services of the municipality in no group, by name: what "add a service" offers. */
  candidates: { id: string; name: string; status: ServiceStatus }[];
};

type TWho = { tenantId: string; actor: TGroupActor; ip?: string | null };

const SLUG_MAX_LENGTH = 60;
const SLUG_FALLBACK = "gruppo";

const memberSelect = { id: true, slug: true, name: true, status: true, groupPosition: true } as const;
const groupOrder = [{ position: "asc" }, { name: "asc" }, { id: "asc" }] satisfies Prisma.ServiceGroupOrderByWithRelationInput[];

function toSummary(group: {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  position: number;
  services: { id: string; slug: string; name: string; status: ServiceStatus }[];
}): TGroupSummary {
  const members = group.services.map((s, i) => ({ id: s.id, slug: s.slug, name: s.name, status: s.status, position: i + 1 }));
  return {
    id: group.id,
    slug: group.slug,
    name: group.name,
    description: group.description,
    position: group.position,
    members,
    catalogueVisible: isGroupVisible(members),
  };
}

const summarySelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  position: true,
  services: { select: memberSelect, orderBy: GROUP_MEMBER_ORDER },
} as const;

/** The municipality's groups in catalogue order, each with its members in order. */
export async function listGroups({ tenantId }: { tenantId: string }): Promise<TGroupSummary[]> {
  const prisma = await db();
  const groups = await prisma.serviceGroup.findMany({ where: tenantWhere(tenantId), orderBy: groupOrder, select: summarySelect });
  return groups.map(toSummary);
}

/** One group with its members and the services that could join it; another tenant's is NOT_FOUND. */
export async function getGroup({ tenantId, groupId }: { tenantId: string; groupId: string }): Promise<TGroupDetail> {
  const prisma = await db();
  const [group, candidates] = await Promise.all([
    prisma.serviceGroup.findFirst({ where: tenantWhere(tenantId, { id: groupId }), select: summarySelect }),
    prisma.service.findMany({
      where: tenantWhere(tenantId, { groupId: null }),
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, status: true },
    }),
  ]);
  if (!group) throw new AppError("NOT_FOUND", "serviceGroups.errors.groupNotFound");
  return { ...toSummary(group), candidates };
}

/** "Asilo nido – 0/6 anni" → "asilo-nido-0-6-anni". */
export function slugFromName(name: string): string {
  return slugify(name, SLUG_MAX_LENGTH) || SLUG_FALLBACK;
}

/** The first of slug, slug-2, slug-3… that no group of the municipality has. */
async function freeSlug(tx: Prisma.TransactionClient, tenantId: string, base: string): Promise<string> {
  const taken = new Set(
    (await tx.serviceGroup.findMany({ where: tenantWhere(tenantId, { slug: { startsWith: base } }), select: { slug: true } })).map((g) => g.slug),
  );
  return firstFreeSlug(base, taken);
}

const description = (fields: TGroupFields) => fields.description.trim() || null;

/** A new group, last in catalogue order, with no members; its slug (the public address) is
 * derived from the name once and kept when the group is renamed, so links keep working. */
export async function createGroup(input: TWho & TGroupFields): Promise<{ id: string; slug: string }> {
  const prisma = await db();
  const base = slugFromName(input.name);
  // Two groups created at once with the same name: the loser of the unique index tries the next slug.
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const slug = await freeSlug(tx, input.tenantId, base);
        const last = await tx.serviceGroup.aggregate({ where: tenantWhere(input.tenantId), _max: { position: true } });
        const group = await tx.serviceGroup.create({
          data: { tenantId: input.tenantId, slug, name: input.name.trim(), description: description(input), position: (last._max.position ?? 0) + 1 },
          select: { id: true, slug: true },
        });
        await audit(tx, input, "serviceGroup.create", { groupId: group.id, name: input.name.trim() });
        return group;
      });
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}

export async function updateGroup(input: TWho & TGroupFields & { groupId: string }): Promise<void> {
  await withLockedGroup(input, async (tx, group) => {
    await tx.serviceGroup.update({ where: { id: group.id }, data: { name: input.name.trim(), description: description(input) } });
    if (group.name !== input.name.trim()) await audit(tx, input, "serviceGroup.update", { groupId: group.id, before: group.name, after: input.name.trim() });
  });
}

/** Deletes the group; its services stay, ungrouped, each with its history line. */
export async function deleteGroup(input: TWho & { groupId: string }): Promise<void> {
  await withLockedGroup(input, async (tx, group, members) => {
    await writeMembership(tx, input, group, members, []);
    await tx.serviceGroup.delete({ where: { id: group.id } });
    await audit(tx, input, "serviceGroup.delete", { groupId: group.id, name: group.name });
  });
}

/** The whole membership in this order; services left out leave the group. */
export async function setGroupMembers(input: TWho & { groupId: string; serviceIds: string[] }): Promise<void> {
  await withLockedGroup(input, (tx, group, members) => writeMembership(tx, input, group, members, input.serviceIds));
}

/** Adds an ungrouped service of the municipality at the end of the group. */
export async function addGroupMember(input: TWho & { groupId: string; serviceId: string }): Promise<void> {
  await withLockedGroup(input, async (tx, group, members) => {
    if (members.some((m) => m.id === input.serviceId)) return;
    await writeMembership(tx, input, group, members, [...members.map((m) => m.id), input.serviceId]);
  });
}

export async function removeGroupMember(input: TWho & { groupId: string; serviceId: string }): Promise<void> {
  await withLockedGroup(input, async (tx, group, members) => {
    if (!members.some((m) => m.id === input.serviceId)) throw new AppError("NOT_FOUND", "serviceGroups.errors.notAMember");
    await writeMembership(
      tx,
      input,
      group,
      members,
      members.filter((m) => m.id !== input.serviceId).map((m) => m.id),
    );
  });
}

/** Swaps a member with its neighbour; at either end nothing moves. */
export async function moveGroupMember(input: TWho & { groupId: string; serviceId: string; direction: TMoveDirection }): Promise<void> {
  await withLockedGroup(input, async (tx, group, members) => {
    const ids = members.map((m) => m.id);
    if (!ids.includes(input.serviceId)) throw new AppError("NOT_FOUND", "serviceGroups.errors.notAMember");
    await writeMembership(tx, input, group, members, moved(ids, input.serviceId, input.direction));
  });
}

/** Moves a group one place up or down among the municipality's groups (its catalogue order). */
export async function moveGroup(input: TWho & { groupId: string; direction: TMoveDirection }): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    // Every group of the municipality, locked: concurrent moves are serialised, positions stay distinct.
    const groups = await tx.$queryRaw<{ id: string; position: number }[]>`
      SELECT "id", "position" FROM "ServiceGroup" WHERE "tenantId" = ${input.tenantId}
      ORDER BY "position", "name", "id" FOR UPDATE`;
    const ids = groups.map((g) => g.id);
    if (!ids.includes(input.groupId)) throw new AppError("NOT_FOUND", "serviceGroups.errors.groupNotFound");
    const order = moved(ids, input.groupId, input.direction);
    for (const [i, id] of order.entries()) {
      if (groups.find((g) => g.id === id)!.position !== i + 1) await tx.serviceGroup.update({ where: { id }, data: { position: i + 1 } });
    }
    await audit(tx, input, "serviceGroup.move", { groupId: input.groupId, direction: input.direction });
  });
}

function moved(ids: string[], id: string, direction: TMoveDirection): string[] {
  const from = ids.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return ids;
  const order = [...ids];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}

type TLockedGroup = { id: string; name: string };
type TMemberRow = { id: string; groupPosition: number };

/** Runs `fn` in a transaction holding the group's row lock, with its members in order. */
async function withLockedGroup<T>(
  input: { tenantId: string; groupId: string },
  fn: (tx: Prisma.TransactionClient, group: TLockedGroup, members: TMemberRow[]) => Promise<T>,
): Promise<T> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const [group] = await tx.$queryRaw<TLockedGroup[]>`
      SELECT "id", "name" FROM "ServiceGroup" WHERE "id" = ${input.groupId} AND "tenantId" = ${input.tenantId} FOR UPDATE`;
    if (!group) throw new AppError("NOT_FOUND", "serviceGroups.errors.groupNotFound");
    const members = await tx.service.findMany({
      where: tenantWhere(input.tenantId, { groupId: group.id }),
      orderBy: GROUP_MEMBER_ORDER,
      select: { id: true, groupPosition: true },
    });
    return fn(tx, group, members);
  });
}

/**
 * Makes `serviceIds` the group's members in this order, positions 1…n. Only services whose group
 * or position changes are written, each with a "service.group" history line (group name and
 * position, before and after) and a version bump.
 */
async function writeMembership(tx: Prisma.TransactionClient, who: TWho, group: TLockedGroup, members: TMemberRow[], serviceIds: string[]): Promise<void> {
  const current = new Map(members.map((m) => [m.id, m.groupPosition]));
  // Positions as the members had them in order (1…n), whatever the stored numbers were.
  const before = new Map(members.map((m, i) => [m.id, i + 1]));
  const next = new Map(serviceIds.map((id, i) => [id, i + 1]));
  const record = (serviceId: string, was: { group: string | null; groupPosition: number | null }, now: typeof was) =>
    recordServiceChange(tx, {
      tenantId: who.tenantId,
      serviceId,
      actor: { kind: "STAFF", id: who.actor.id, role: who.actor.role },
      action: "service.group",
      changes: diffServiceFields(was, now),
    });

  for (const m of members) {
    if (next.has(m.id)) continue;
    await tx.service.update({ where: { id: m.id }, data: { groupId: null, groupPosition: 0, version: { increment: 1 } } });
    await record(m.id, { group: group.name, groupPosition: before.get(m.id)! }, { group: null, groupPosition: null });
  }
  for (const [id, position] of next) {
    if (current.has(id)) {
      if (current.get(id) === position) continue;
      // Stored numbers made dense without a change of place (0 → 1 from the seed) are no change.
      const placeChanged = before.get(id) !== position;
      await tx.service.update({ where: { id }, data: { groupPosition: position, ...(placeChanged ? { version: { increment: 1 } } : {}) } });
      if (placeChanged) await record(id, { group: group.name, groupPosition: before.get(id)! }, { group: group.name, groupPosition: position });
      continue;
    }
    // Joining: only an ungrouped service of this municipality (the where clause is the check).
    const joined = await tx.service.updateMany({
      where: tenantWhere(who.tenantId, { id, groupId: null }),
      data: { groupId: group.id, groupPosition: position, version: { increment: 1 } },
    });
    if (joined.count === 0) {
      const exists = await tx.service.findFirst({ where: tenantWhere(who.tenantId, { id }), select: { id: true } });
      throw exists
        ? new AppError("CONFLICT", "serviceGroups.errors.alreadyGrouped", { fields: { serviceId: "serviceGroups.errors.alreadyGrouped" } })
        : new AppError("NOT_FOUND", "serviceGroups.errors.serviceNotFound", { fields: { serviceId: "serviceGroups.errors.serviceNotFound" } });
    }
    await record(id, { group: null, groupPosition: null }, { group: group.name, groupPosition: position });
  }
}

async function audit(tx: Prisma.TransactionClient, who: TWho, action: string, details: Prisma.InputJsonObject): Promise<void> {
  await recordAuditEvent({ tenantId: who.tenantId, actorKind: "STAFF", actorId: who.actor.id, actorRole: who.actor.role, action, ip: who.ip ?? null, details, tx });
}
