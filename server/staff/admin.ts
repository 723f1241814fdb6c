import { recordAuditEvent } from "@/server/audit/record";
import type { TEffectiveRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import { Prisma, type ServiceStatus } from "@/server/db/generated/client";
import { isUniqueViolation } from "@/server/db/errors";
import { AppError } from "@/server/errors";
import { operatorNames, recordServiceChange } from "@/server/services/history";
import { tenantWhere } from "@/server/tenant";
import { sendInvitation, voidOpenInvitations } from "./invitations";
import type { TStaffRole } from "./schemas";

// A municipality's administrator manages its staff: who works here, with which role, on which
// services, and who no longer has access. Only people with a membership in this municipality
// are ever touched (anyone else: NOT_FOUND). The account (email, name, password) is national;
// what a municipality changes is its own membership: disabling someone here leaves their other
// municipalities alone. Changes of one municipality's staff are serialised (a transaction lock
// per municipality), so two administrators demoting or disabling each other at once can never
// leave it without an active administrator. Every change goes to the audit trail, and a change
// of the services someone handles is also a line in each affected service's history.

export type TStaffAdminActor = { id: string; name: string; role: TEffectiveRole };
type TAdminInput = { tenantId: string; actor: TStaffAdminActor; ip: string | null; now?: Date };

/** active: can sign in here; invited: has not chosen a password yet; disabled: no access here
 * (by this municipality, or the whole account by the platform). */
export type TStaffState = "active" | "invited" | "disabled";

export type TStaffMember = {
  id: string;
  name: string;
  email: string;
  role: TStaffRole;
  state: TStaffState;
  /** The whole account is disabled (by the platform), not only here. */
  accountDisabled: boolean;
  lastLoginAt: Date | null;
  services: { id: string; name: string }[];
  /** The newest invitation of this municipality not used yet (invited people only). */
  invitation: { sentAt: Date; expiresAt: Date; expired: boolean } | null;
};

const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

const notFound = () => new AppError("NOT_FOUND", "staffAdmin.errors.notFound");

const MEMBER_SELECT = {
  role: true,
  disabledAt: true,
  staffUser: { select: { id: true, name: true, email: true, disabledAt: true, passwordHash: true, lastLoginAt: true } },
} as const satisfies Prisma.MembershipSelect;

type TMembershipRow = Prisma.MembershipGetPayload<{ select: typeof MEMBER_SELECT }>;

function stateOf(m: TMembershipRow): TStaffState {
  if (m.disabledAt || m.staffUser.disabledAt) return "disabled";
  return m.staffUser.passwordHash ? "active" : "invited";
}

/** An administrator who can sign in here now. */
const isActiveAdmin = (m: TMembershipRow) => m.role === "TENANT_ADMIN" && stateOf(m) === "active";

async function loadMembers(tenantId: string, staffUserId?: string): Promise<TStaffMember[]> {
  const prisma = await db();
  const only = staffUserId ? { staffUserId } : {};
  const [members, assignments, invitations] = await Promise.all([
    prisma.membership.findMany({ where: tenantWhere(tenantId, only), select: MEMBER_SELECT, orderBy: [{ staffUser: { name: "asc" } }, { createdAt: "asc" }] }),
    prisma.serviceOperator.findMany({
      where: tenantWhere(tenantId, only),
      select: { staffUserId: true, service: { select: { id: true, name: true } } },
      orderBy: { service: { name: "asc" } },
    }),
    prisma.staffInvitation.findMany({
      where: tenantWhere(tenantId, { ...only, usedAt: null, staffUser: { passwordHash: null } }),
      select: { staffUserId: true, createdAt: true, expiresAt: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const now = Date.now();
  return members.map((m) => {
    const state = stateOf(m);
    const latest = state === "invited" ? invitations.find((i) => i.staffUserId === m.staffUser.id) : undefined;
    return {
      id: m.staffUser.id,
      name: m.staffUser.name,
      email: m.staffUser.email,
      role: m.role,
      state,
      accountDisabled: m.staffUser.disabledAt !== null,
      lastLoginAt: m.staffUser.lastLoginAt,
      services: assignments.filter((a) => a.staffUserId === m.staffUser.id).map((a) => a.service),
      invitation: latest ? { sentAt: latest.createdAt, expiresAt: latest.expiresAt, expired: latest.expiresAt.getTime() <= now } : null,
    };
  });
}

/** The municipality's staff, by name, with role, state, services and last sign-in. */
export async function listStaff({ tenantId }: { tenantId: string }): Promise<TStaffMember[]> {
  return loadMembers(tenantId);
}

/** One member of the municipality's staff; anyone else → NOT_FOUND. */
export async function getStaffMember({ tenantId, staffUserId }: { tenantId: string; staffUserId: string }): Promise<TStaffMember> {
  const [member] = await loadMembers(tenantId, staffUserId);
  if (!member) throw notFound();
  return member;
}

/** The services someone can be given: all of the municipality's, drafts included, by name. */
export async function listAssignableServices({ tenantId }: { tenantId: string }): Promise<{ id: string; name: string; status: ServiceStatus }[]> {
  const prisma = await db();
  return prisma.service.findMany({ where: tenantWhere(tenantId), select: { id: true, name: true, status: true }, orderBy: { name: "asc" } });
}

async function inTenantTransaction<T>(tenantId: string, run: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    // One staff change at a time per municipality (released at commit or rollback).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sportello:staff-admin:${tenantId}`}))`;
    return run(tx);
  }, TX_OPTIONS);
}

async function membershipOrNotFound(tx: Prisma.TransactionClient, tenantId: string, staffUserId: string): Promise<TMembershipRow> {
  const m = await tx.membership.findFirst({ where: tenantWhere(tenantId, { staffUserId }), select: MEMBER_SELECT });
  if (!m) throw notFound();
  return m;
}

/** Refuses when `m` is the municipality's only active administrator. */
async function assertNotLastAdmin(tx: Prisma.TransactionClient, tenantId: string, m: TMembershipRow, field?: string): Promise<void> {
  if (!isActiveAdmin(m)) return;
  const others = await tx.membership.count({
    where: tenantWhere(tenantId, {
      role: "TENANT_ADMIN" as const,
      disabledAt: null,
      staffUserId: { not: m.staffUser.id },
      staffUser: { disabledAt: null, passwordHash: { not: null } },
    }),
  });
  if (others === 0) throw new AppError("CONFLICT", "staffAdmin.errors.lastAdmin", field ? { fields: { [field]: "staffAdmin.errors.lastAdmin" } } : {});
}

function audit(tx: Prisma.TransactionClient, input: TAdminInput, action: string, details: Prisma.InputJsonObject) {
  return recordAuditEvent({
    tenantId: input.tenantId,
    actorKind: "STAFF",
    actorId: input.actor.id,
    actorRole: input.actor.role,
    action,
    ip: input.ip,
    details,
    tx,
  });
}

/**
 * Makes `serviceIds` the services the person handles here. Each service gained or lost gets a
 * "service.operators" line in its history (operators' names before and after) and a new
 * Service.version, so a service page opened before the change can't overwrite it unawares.
 */
async function setServices(tx: Prisma.TransactionClient, input: TAdminInput & { staffUserId: string; serviceIds: readonly string[] }) {
  const wanted = [...new Set(input.serviceIds)];
  const valid = wanted.length ? await tx.service.count({ where: tenantWhere(input.tenantId, { id: { in: wanted } }) }) : 0;
  if (valid !== wanted.length) throw new AppError("BAD_REQUEST", "staffAdmin.errors.servicesInvalid", { fields: { serviceIds: "staffAdmin.errors.servicesInvalid" } });
  const current = (await tx.serviceOperator.findMany({ where: tenantWhere(input.tenantId, { staffUserId: input.staffUserId }), select: { serviceId: true } })).map((r) => r.serviceId);
  const added = wanted.filter((id) => !current.includes(id)).sort();
  const removed = current.filter((id) => !wanted.includes(id)).sort();
  const affected = [...added, ...removed];
  if (affected.length === 0) return { added, removed };

  // Bumping the versions first locks the services' rows: the "before" lists read next are current.
  await tx.service.updateMany({ where: tenantWhere(input.tenantId, { id: { in: affected } }), data: { version: { increment: 1 } } });
  const before = await tx.serviceOperator.findMany({
    where: tenantWhere(input.tenantId, { serviceId: { in: affected } }),
    select: { serviceId: true, staffUser: { select: { id: true, name: true } } },
  });
  const person = await tx.staffUser.findUniqueOrThrow({ where: { id: input.staffUserId }, select: { id: true, name: true } });
  if (removed.length) await tx.serviceOperator.deleteMany({ where: tenantWhere(input.tenantId, { staffUserId: input.staffUserId, serviceId: { in: removed } }) });
  if (added.length) await tx.serviceOperator.createMany({ data: added.map((serviceId) => ({ tenantId: input.tenantId, serviceId, staffUserId: input.staffUserId })) });
  const names = (people: { id: string; name: string }[]) => operatorNames(people.map((p) => p.name));
  for (const serviceId of affected) {
    const was = before.filter((r) => r.serviceId === serviceId).map((r) => r.staffUser);
    const now = added.includes(serviceId) ? [...was, person] : was.filter((p) => p.id !== person.id);
    await recordServiceChange(tx, {
      tenantId: input.tenantId,
      serviceId,
      actor: { kind: "STAFF", id: input.actor.id, role: input.actor.role },
      action: "service.operators",
      changes: [{ field: "operators", before: names(was), after: names(now) }],
      now: input.now,
    });
  }
  return { added, removed };
}

export type TInviteStaffInput = TAdminInput & { tenantSlug: string; name: string; email: string; role: TStaffRole; serviceIds: readonly string[] };

/**
 * "Invita operatore": the account is created when the address is new (matched without regard to
 * case; an existing account keeps its name), the membership added with the role and services,
 * and the invitation emailed (a link to choose the password, or, for an account that already
 * has one, the way to this sign-in page). Already a member here → CONFLICT on the email field.
 */
export async function inviteStaff(input: TInviteStaffInput) {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const emailTaken = (key: string) => new AppError("CONFLICT", key, { fields: { email: key } });
  try {
    return await inTenantTransaction(input.tenantId, async (tx) => {
      const existing = await tx.staffUser.findFirst({
        where: { email: { equals: email, mode: "insensitive" } },
        select: { id: true, name: true, email: true, passwordHash: true, disabledAt: true, memberships: { where: { tenantId: input.tenantId }, select: { id: true } } },
      });
      if (existing && existing.memberships.length > 0) throw emailTaken("staffAdmin.errors.alreadyMember");
      if (existing?.disabledAt) throw emailTaken("staffAdmin.errors.accountDisabled");
      const user = existing ?? (await tx.staffUser.create({ data: { email, name: input.name.trim() }, select: { id: true, name: true, email: true, passwordHash: true } }));
      await tx.membership.create({ data: { tenantId: input.tenantId, staffUserId: user.id, role: input.role, createdAt: now } });
      const { added } = await setServices(tx, { ...input, now, staffUserId: user.id });
      const sent = await sendInvitation(tx, {
        tenantId: input.tenantId,
        tenantSlug: input.tenantSlug,
        staff: { id: user.id, name: user.name, email: user.email, hasPassword: user.passwordHash !== null },
        role: input.role,
        invitedBy: { id: input.actor.id, name: input.actor.name },
        now,
      });
      await audit(tx, input, "staff.invite", { staffUserId: user.id, role: input.role, services: added, newAccount: !existing, kind: sent.kind });
      return { staffUserId: user.id, name: user.name, email: user.email, newAccount: !existing, kind: sent.kind, expiresAt: sent.expiresAt };
    });
  } catch (e) {
    // The same new address invited by another municipality at the same instant.
    if (isUniqueViolation(e)) throw emailTaken("staffAdmin.errors.inviteRace");
    throw e;
  }
}

/** A new invitation link for someone who has not chosen a password yet (the old link dies). */
export async function resendInvitation(input: TAdminInput & { tenantSlug: string; staffUserId: string }) {
  const now = input.now ?? new Date();
  return inTenantTransaction(input.tenantId, async (tx) => {
    const m = await membershipOrNotFound(tx, input.tenantId, input.staffUserId);
    const state = stateOf(m);
    if (state === "disabled") throw new AppError("CONFLICT", "staffAdmin.errors.resendDisabled");
    if (state === "active") throw new AppError("CONFLICT", "staffAdmin.errors.resendActive");
    const sent = await sendInvitation(tx, {
      tenantId: input.tenantId,
      tenantSlug: input.tenantSlug,
      staff: { id: m.staffUser.id, name: m.staffUser.name, email: m.staffUser.email, hasPassword: false },
      role: m.role,
      invitedBy: { id: input.actor.id, name: input.actor.name },
      now,
    });
    await audit(tx, input, "staff.invite", { staffUserId: m.staffUser.id, role: m.role, resend: true, kind: sent.kind });
    // No password: always a link with its expiry.
    return { expiresAt: sent.expiresAt! };
  });
}

/**
 * "Salva ruolo e servizi". Nobody changes their own role; the last active administrator can't
 * be demoted. Only what changed is recorded (staff.role, staff.services).
 */
export async function updateStaffMember(input: TAdminInput & { staffUserId: string; role: TStaffRole; serviceIds: readonly string[] }) {
  const now = input.now ?? new Date();
  return inTenantTransaction(input.tenantId, async (tx) => {
    const m = await membershipOrNotFound(tx, input.tenantId, input.staffUserId);
    const roleChanged = m.role !== input.role;
    if (roleChanged) {
      if (input.staffUserId === input.actor.id) throw new AppError("BAD_REQUEST", "staffAdmin.errors.ownRole", { fields: { role: "staffAdmin.errors.ownRole" } });
      if (input.role !== "TENANT_ADMIN") await assertNotLastAdmin(tx, input.tenantId, m, "role");
      await tx.membership.updateMany({ where: tenantWhere(input.tenantId, { staffUserId: input.staffUserId }), data: { role: input.role } });
      await audit(tx, input, "staff.role", { staffUserId: input.staffUserId, from: m.role, to: input.role });
    }
    const { added, removed } = await setServices(tx, { ...input, now });
    if (added.length || removed.length) await audit(tx, input, "staff.services", { staffUserId: input.staffUserId, added, removed });
    return { roleChanged, servicesChanged: added.length + removed.length > 0 };
  });
}

/**
 * "Disattiva account": no access to this municipality from now on. The membership is disabled
 * and the account's sessionVersion bumped, so open sessions end at the next request (they
 * reload signed out; other municipalities need a new sign-in, nothing more). Applications they
 * hold stay theirs (history is not rewritten); they leave the assignment pickers and the
 * notification lists. Open invitation links of this municipality die. Not yourself, not the
 * last active administrator.
 */
export async function disableStaffMember(input: TAdminInput & { staffUserId: string }) {
  const now = input.now ?? new Date();
  if (input.staffUserId === input.actor.id) throw new AppError("BAD_REQUEST", "staffAdmin.errors.ownAccount");
  return inTenantTransaction(input.tenantId, async (tx) => {
    const m = await membershipOrNotFound(tx, input.tenantId, input.staffUserId);
    if (m.disabledAt) return { changed: false };
    await assertNotLastAdmin(tx, input.tenantId, m);
    await tx.membership.updateMany({ where: tenantWhere(input.tenantId, { staffUserId: input.staffUserId }), data: { disabledAt: now } });
    await tx.staffUser.update({ where: { id: input.staffUserId }, data: { sessionVersion: { increment: 1 } } });
    await voidOpenInvitations(tx, { staffUserId: input.staffUserId, tenantId: input.tenantId }, now);
    await audit(tx, input, "staff.disable", { staffUserId: input.staffUserId, role: m.role });
    return { changed: true };
  });
}

/** "Riattiva account": access to this municipality again, with the role and services they had. */
export async function enableStaffMember(input: TAdminInput & { staffUserId: string }) {
  return inTenantTransaction(input.tenantId, async (tx) => {
    const m = await membershipOrNotFound(tx, input.tenantId, input.staffUserId);
    if (!m.disabledAt) return { changed: false };
    await tx.membership.updateMany({ where: tenantWhere(input.tenantId, { staffUserId: input.staffUserId }), data: { disabledAt: null } });
    await audit(tx, input, "staff.enable", { staffUserId: input.staffUserId, role: m.role });
    return { changed: true };
  });
}
