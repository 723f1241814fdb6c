import { createHash, randomBytes } from "node:crypto";
import { recordAuditEvent } from "@/server/audit/record";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { queueEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { setPasswordSchema, type TStaffRole } from "./schemas";
import { staffInvitationLinkPath, staffSignInPath } from "./urls";

// Invitations to a municipality's back office. A person without a password gets a one-time link
// (32 random bytes; only its SHA-256 is stored) valid STAFF_INVITATION_TTL_DAYS, to choose one.
// A newer link voids the older open ones of the same person (in every municipality: the
// password is the account's, not the municipality's). Someone who already has a password (they
// work for another municipality) gets no link: the email tells them to sign in with the password
// they have. Choosing the password uses the link up atomically: of two tabs submitting at once,
// one wins and the other is told the link no longer works.

export const STAFF_INVITATION_TTL_DAYS = 7;
const DAY_MS = 86_400_000;
/** Tokens are 32 random bytes in base64url; anything else is not worth a database lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const INVITATION_INVALID = "staffAdmin.invitation.invalid";

function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function absolute(path: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}${path}`;
}

/** Ends the open invitations of a person (all municipalities, or one): their links stop working. */
export async function voidOpenInvitations(tx: Prisma.TransactionClient, where: { staffUserId: string; tenantId?: string }, now: Date): Promise<void> {
  await tx.staffInvitation.updateMany({ where: { ...where, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
}

export type TInvitationEmailInput = {
  tenantId: string;
  tenantSlug: string;
  staff: { id: string; name: string; email: string; hasPassword: boolean };
  role: TStaffRole;
  invitedBy: { id: string; name: string } | null;
  now: Date;
};

/**
 * Inside the caller's transaction: for a person without a password, voids their open links and
 * creates a new one, and queues the email with it; for someone who has a password, queues the
 * email that sends them to this municipality's sign-in page.
 */
export async function sendInvitation(tx: Prisma.TransactionClient, input: TInvitationEmailInput): Promise<{ kind: "setPassword" | "existingAccount"; expiresAt: Date | null }> {
  const common = { name: input.staff.name, email: input.staff.email, role: input.role, invitedBy: input.invitedBy?.name };
  if (input.staff.hasPassword) {
    await queueEmail({
      tenantId: input.tenantId,
      to: input.staff.email,
      template: "staff-invitation",
      props: { kind: "existingAccount", ...common, signInUrl: absolute(staffSignInPath(input.tenantSlug)) },
      tx,
    });
    return { kind: "existingAccount", expiresAt: null };
  }
  await voidOpenInvitations(tx, { staffUserId: input.staff.id }, input.now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + STAFF_INVITATION_TTL_DAYS * DAY_MS);
  await tx.staffInvitation.create({
    data: {
      tenantId: input.tenantId,
      staffUserId: input.staff.id,
      tokenHash: hashInvitationToken(token),
      invitedById: input.invitedBy?.id ?? null,
      expiresAt,
      createdAt: input.now,
    },
  });
  await queueEmail({
    tenantId: input.tenantId,
    to: input.staff.email,
    template: "staff-invitation",
    props: { kind: "setPassword", ...common, acceptUrl: absolute(staffInvitationLinkPath(input.tenantSlug, token)), expiresAt: expiresAt.toISOString() },
    tx,
  });
  return { kind: "setPassword", expiresAt };
}

/** A link that works: not used, not expired, for a person still active in that municipality. */
async function findUsableInvitation(client: Prisma.TransactionClient, tenantId: string, token: string, now: Date) {
  if (!TOKEN_SHAPE.test(token)) return null;
  return client.staffInvitation.findFirst({
    where: {
      tenantId,
      tokenHash: hashInvitationToken(token),
      usedAt: null,
      expiresAt: { gt: now },
      staffUser: { disabledAt: null, memberships: { some: { tenantId, disabledAt: null } } },
    },
    select: { id: true, staffUser: { select: { id: true, email: true, name: true } } },
  });
}

/**
 * What the invitation page shows before the password is chosen: the address, for a usable link
 * only. Used, expired, voided, unknown and another municipality's links look the same.
 */
export async function inspectStaffInvitation(input: { tenantId: string; token: string; now?: Date }): Promise<{ usable: true; email: string; name: string } | { usable: false }> {
  const row = await findUsableInvitation(await db(), input.tenantId, input.token, input.now ?? new Date());
  return row ? { usable: true, email: row.staffUser.email, name: row.staffUser.name } : { usable: false };
}

/**
 * Sets the account's password from the invitation link and uses the link up (once: the update
 * only happens while it is unused, so of two concurrent submissions exactly one succeeds).
 * Password problems → BAD_REQUEST with field errors; a link that no longer works → NOT_FOUND.
 * Other open links of the person die with it; sessions of the account, if any, end.
 */
export async function acceptStaffInvitation(input: { tenantId: string; token: string; password: string; confirm: string; ip?: string | null; now?: Date }): Promise<{ email: string }> {
  const now = input.now ?? new Date();
  const prisma = await db();
  const invalid = () => new AppError("NOT_FOUND", INVITATION_INVALID);
  const found = await findUsableInvitation(prisma, input.tenantId, input.token, now);
  if (!found) throw invalid();

  const parsed = setPasswordSchema(found.staffUser.email).safeParse({ password: input.password, confirm: input.confirm });
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "password"), i.message]));
    throw new AppError("BAD_REQUEST", Object.values(fields)[0] ?? "staffAdmin.password.errors.required", { fields });
  }
  const passwordHash = await hashPassword(parsed.data.password);

  await prisma.$transaction(async (tx) => {
    const { count } = await tx.staffInvitation.updateMany({ where: { id: found.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count === 0) throw invalid();
    // Re-checked under the invitation's row lock: disabled in the meantime → the link is dead.
    if (!(await findUsableInvitationById(tx, input.tenantId, found.id))) throw invalid();
    await tx.staffUser.update({ where: { id: found.staffUser.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await voidOpenInvitations(tx, { staffUserId: found.staffUser.id }, now);
    await recordAuditEvent({
      tenantId: input.tenantId,
      actorKind: "STAFF",
      actorId: found.staffUser.id,
      action: "staff.password",
      ip: input.ip ?? null,
      details: { via: "invitation", invitationId: found.id },
      tx,
    });
  });
  return { email: found.staffUser.email };
}

async function findUsableInvitationById(tx: Prisma.TransactionClient, tenantId: string, id: string) {
  return tx.staffInvitation.findFirst({
    where: { id, tenantId, staffUser: { disabledAt: null, memberships: { some: { tenantId, disabledAt: null } } } },
    select: { id: true },
  });
}
