import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestService } from "@/server/applications/testing";
import { authenticateStaff } from "@/server/auth/staff-sign-in";
import { loadViewer } from "@/server/auth/viewer";
import { listAssignees } from "@/server/backoffice/work";
import { operatorRecipients } from "@/server/conversation/notify";
import { db } from "@/server/db/client";
import type { StaffRole } from "@/server/db/generated/client";
import { renderEmail } from "@/server/email/render";
import { isEmailTemplateName } from "@/server/email/templates";
import { ZStoredEmailProps } from "@/server/email/stored-props";
import { appErrorOf } from "@/server/test/app-error";
import { createStaff, createTenant } from "@/server/test/factories";
import {
  disableStaffMember,
  enableStaffMember,
  getStaffMember,
  inviteStaff,
  listStaff,
  resendInvitation,
  updateStaffMember,
  type TStaffAdminActor,
} from "./admin";
import { acceptStaffInvitation, inspectStaffInvitation, STAFF_INVITATION_TTL_DAYS } from "./invitations";

// Staff administration on a real database: invitations (the email and its one-time link),
// choosing the password and signing in, an existing account joining a second municipality,
// role and services (with the services' history, operators by name as the service page writes them), disabling (sessions end at once, other
// municipalities unaffected) and the protections around the last administrator.

const GOOD_PASSWORD = "una frase lunga e segreta";
const DAY_MS = 86_400_000;
const newIp = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;

async function setup() {
  const tenant = await createTenant();
  const { user } = await createStaff({ tenantId: tenant.id, role: "TENANT_ADMIN" });
  const admin: TStaffAdminActor = { id: user.id, name: user.name, role: "TENANT_ADMIN" };
  const as = (actor: TStaffAdminActor = admin) => ({ tenantId: tenant.id, tenantSlug: tenant.slug, actor, ip: "192.0.2.1" });
  return { tenant, admin, as };
}

const newEmail = () => `nuovo-${randomUUID().slice(0, 8)}@example.test`;

/** The staff invitation emails queued to an address, oldest first, with their stored props. */
async function invitationEmails(to: string) {
  const rows = await (await db()).outboundEmail.findMany({ where: { to, template: "staff-invitation" }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ ...r, values: ZStoredEmailProps.parse(r.props).values as Record<string, string> }));
}

/** The token at the end of the link an invitation email carries. */
function tokenOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split("/").at(-1)!);
}

async function auditActions(tenantId: string, staffUserId: string) {
  const rows = await (await db()).auditEvent.findMany({ where: { tenantId, action: { startsWith: "staff." } }, orderBy: { id: "asc" } });
  return rows.filter((r) => (r.details as { staffUserId?: string } | null)?.staffUserId === staffUserId).map((r) => ({ action: r.action, actorId: r.actorId, actorRole: r.actorRole }));
}

describe("inviting a new person", () => {
  it("queues an email whose link sets the password once; then staff sign-in works", async () => {
    const { tenant, admin, as } = await setup();
    const email = newEmail();
    const invited = await inviteStaff({ ...as(), name: "Laura Neri", email: `  ${email.toUpperCase()} `, role: "OPERATOR", serviceIds: [] });
    expect(invited).toMatchObject({ newAccount: true, kind: "setPassword" });

    // The email, as queued in the outbox, and as it will be rendered.
    const [queued] = await invitationEmails(email);
    expect(queued).toBeDefined();
    expect(queued!.tenantId).toBe(tenant.id);
    expect(queued!.subject).toBe(`${tenant.name}: il tuo accesso al back office`);
    const link = queued!.values.acceptUrl!;
    expect(link).toMatch(new RegExp(`/${tenant.slug}/backoffice/invito/[A-Za-z0-9_-]{43}$`));
    expect(isEmailTemplateName(queued!.template)).toBe(true);
    const rendered = await renderEmail("staff-invitation", queued!.values as never, "it", { municipality: { name: tenant.name } });
    expect(rendered.text).toContain(link);
    expect(rendered.text).toContain(`${admin.name} ti ha dato accesso al back office del ${tenant.name}`);
    expect(rendered.text).toContain("«Operatore»");

    // Only the hash of the token is stored.
    const token = tokenOf(link);
    const stored = await (await db()).staffInvitation.findFirstOrThrow({ where: { staffUserId: invited.staffUserId } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(STAFF_INVITATION_TTL_DAYS * DAY_MS);

    expect(await inspectStaffInvitation({ tenantId: tenant.id, token })).toEqual({ usable: true, email, name: "Laura Neri" });
    expect((await getStaffMember({ tenantId: tenant.id, staffUserId: invited.staffUserId })).state).toBe("invited");
    // No password yet: nobody can sign in with the address.
    expect((await appErrorOf(authenticateStaff({ email, password: GOOD_PASSWORD, tenantSlug: tenant.slug, ip: newIp() }))).code).toBe("UNAUTHORIZED");

    await acceptStaffInvitation({ tenantId: tenant.id, token, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD });
    const signedIn = await authenticateStaff({ email, password: GOOD_PASSWORD, tenantSlug: tenant.slug, ip: newIp() });
    expect(signedIn).toMatchObject({ role: "OPERATOR", staff: { id: invited.staffUserId, name: "Laura Neri" } });
    expect((await getStaffMember({ tenantId: tenant.id, staffUserId: invited.staffUserId })).state).toBe("active");

    // Used up: the same link no longer works, and says nothing about why.
    expect(await inspectStaffInvitation({ tenantId: tenant.id, token })).toEqual({ usable: false });
    const again = await appErrorOf(acceptStaffInvitation({ tenantId: tenant.id, token, password: "un'altra frase segreta", confirm: "un'altra frase segreta" }));
    expect({ code: again.code, key: again.messageKey }).toEqual({ code: "NOT_FOUND", key: "staffAdmin.invitation.invalid" });
    expect((await authenticateStaff({ email, password: GOOD_PASSWORD, tenantSlug: tenant.slug, ip: newIp() })).staff.id).toBe(invited.staffUserId);

    expect(await auditActions(tenant.id, invited.staffUserId)).toEqual([{ action: "staff.invite", actorId: admin.id, actorRole: "TENANT_ADMIN" }]);
  });

  it("lets exactly one of two simultaneous submissions of the same link through", async () => {
    const { tenant, as } = await setup();
    const email = newEmail();
    await inviteStaff({ ...as(), name: "Doppio Clic", email, role: "OPERATOR", serviceIds: [] });
    const token = tokenOf((await invitationEmails(email))[0]!.values.acceptUrl!);
    const results = await Promise.allSettled(
      ["prima frase molto segreta", "seconda frase molto segreta"].map((p) => acceptStaffInvitation({ tenantId: tenant.id, token, password: p, confirm: p })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const winner = results[0]!.status === "fulfilled" ? "prima frase molto segreta" : "seconda frase molto segreta";
    expect((await authenticateStaff({ email, password: winner, tenantSlug: tenant.slug, ip: newIp() })).staff.email).toBe(email);
  });

  it("refuses an expired link, another municipality's link and a link replaced by a newer invitation", async () => {
    const { tenant, as } = await setup();
    const other = await createTenant();
    const email = newEmail();
    const { staffUserId } = await inviteStaff({ ...as(), name: "Piero Gialli", email, role: "OPERATOR", serviceIds: [] });
    const first = tokenOf((await invitationEmails(email))[0]!.values.acceptUrl!);

    const later = new Date(Date.now() + (STAFF_INVITATION_TTL_DAYS * DAY_MS + 60_000));
    expect(await inspectStaffInvitation({ tenantId: tenant.id, token: first, now: later })).toEqual({ usable: false });
    expect((await appErrorOf(acceptStaffInvitation({ tenantId: tenant.id, token: first, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, now: later }))).code).toBe("NOT_FOUND");
    expect((await getStaffMember({ tenantId: tenant.id, staffUserId })).invitation).toMatchObject({ expired: false });
    expect(await inspectStaffInvitation({ tenantId: other.id, token: first })).toEqual({ usable: false });
    expect(await inspectStaffInvitation({ tenantId: tenant.id, token: "not-a-token" })).toEqual({ usable: false });

    // "Reinvia invito": a new link, the old one dies.
    await resendInvitation({ ...as(), staffUserId });
    const emails = await invitationEmails(email);
    expect(emails).toHaveLength(2);
    const second = tokenOf(emails[1]!.values.acceptUrl!);
    expect(second).not.toBe(first);
    expect(await inspectStaffInvitation({ tenantId: tenant.id, token: first })).toEqual({ usable: false });
    expect(await inspectStaffInvitation({ tenantId: tenant.id, token: second })).toMatchObject({ usable: true });
    await acceptStaffInvitation({ tenantId: tenant.id, token: second, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD });
    // Someone who can sign in needs no new invitation.
    expect((await appErrorOf(resendInvitation({ ...as(), staffUserId }))).messageKey).toBe("staffAdmin.errors.resendActive");
  });

  it("checks the password rules and that both copies match, and keeps the link usable meanwhile", async () => {
    const { tenant, as } = await setup();
    const email = newEmail();
    await inviteStaff({ ...as(), name: "Regole Password", email, role: "OPERATOR", serviceIds: [] });
    const token = tokenOf((await invitationEmails(email))[0]!.values.acceptUrl!);
    const refusal = async (password: string, confirm = password) => {
      const e = await appErrorOf(acceptStaffInvitation({ tenantId: tenant.id, token, password, confirm }));
      return { code: e.code, fields: e.fields };
    };
    expect(await refusal("corta")).toEqual({ code: "BAD_REQUEST", fields: { password: "staffAdmin.password.errors.tooShort" } });
    expect(await refusal("aaaaaaaaaaaaaaaa")).toEqual({ code: "BAD_REQUEST", fields: { password: "staffAdmin.password.errors.tooSimple" } });
    expect(await refusal(`${email}-2024`)).toEqual({ code: "BAD_REQUEST", fields: { password: "staffAdmin.password.errors.containsEmail" } });
    expect(await refusal(GOOD_PASSWORD, `${GOOD_PASSWORD}!`)).toEqual({ code: "BAD_REQUEST", fields: { confirm: "staffAdmin.password.errors.mismatch" } });
    expect(await inspectStaffInvitation({ tenantId: tenant.id, token })).toMatchObject({ usable: true });
  });

  it("refuses an address already on the staff, in any case", async () => {
    const { tenant, as } = await setup();
    const { user } = await createStaff({ tenantId: tenant.id, role: "OPERATOR" });
    const e = await appErrorOf(inviteStaff({ ...as(), name: "Chiunque", email: user.email.toUpperCase(), role: "OPERATOR", serviceIds: [] }));
    expect({ code: e.code, fields: e.fields }).toEqual({ code: "CONFLICT", fields: { email: "staffAdmin.errors.alreadyMember" } });
    expect(await (await db()).membership.count({ where: { staffUserId: user.id } })).toBe(1);
  });
});

describe("an existing account joining a second municipality", () => {
  it("gets no password link: the email says to sign in with the password they have", async () => {
    const { tenant: second, as } = await setup();
    const first = await createTenant();
    const { user, password } = await createStaff({ tenantId: first.id, role: "SERVICE_MANAGER" });

    const invited = await inviteStaff({ ...as(), name: "Un altro nome", email: user.email.toUpperCase(), role: "OPERATOR", serviceIds: [] });
    expect(invited).toMatchObject({ staffUserId: user.id, newAccount: false, kind: "existingAccount" });
    expect(await (await db()).staffInvitation.count({ where: { staffUserId: user.id } })).toBe(0);

    const [queued] = await invitationEmails(user.email);
    expect(queued!.values).toMatchObject({ kind: "existingAccount", signInUrl: expect.stringMatching(new RegExp(`/${second.slug}/backoffice/accedi$`)) as unknown });
    const rendered = await renderEmail("staff-invitation", queued!.values as never, "it", { municipality: { name: second.name } });
    expect(rendered.text).toContain("entra con la password che usi già");

    // The same password opens both back offices, each with its own role; the name is the account's.
    expect((await authenticateStaff({ email: user.email, password, tenantSlug: second.slug, ip: newIp() })).role).toBe("OPERATOR");
    expect((await authenticateStaff({ email: user.email, password, tenantSlug: first.slug, ip: newIp() })).role).toBe("SERVICE_MANAGER");
    expect((await getStaffMember({ tenantId: second.id, staffUserId: user.id })).name).toBe(user.name);
  });

  it("a person still without a password invited by a second municipality: only the newest link works", async () => {
    const a = await setup();
    const b = await setup();
    const email = newEmail();
    await inviteStaff({ ...a.as(), name: "Due Comuni", email, role: "OPERATOR", serviceIds: [] });
    const { staffUserId } = await inviteStaff({ ...b.as(), name: "Due Comuni", email, role: "TENANT_ADMIN", serviceIds: [] });
    const [fromA, fromB] = await invitationEmails(email);
    expect(fromB!.values.kind).toBe("setPassword");
    expect(await inspectStaffInvitation({ tenantId: a.tenant.id, token: tokenOf(fromA!.values.acceptUrl!) })).toEqual({ usable: false });
    await acceptStaffInvitation({ tenantId: b.tenant.id, token: tokenOf(fromB!.values.acceptUrl!), password: GOOD_PASSWORD, confirm: GOOD_PASSWORD });
    // The password is the account's: both municipalities open.
    expect((await authenticateStaff({ email, password: GOOD_PASSWORD, tenantSlug: a.tenant.slug, ip: newIp() })).role).toBe("OPERATOR");
    expect((await getStaffMember({ tenantId: a.tenant.id, staffUserId })).state).toBe("active");
  });
});

describe("disabling and enabling", () => {
  it("ends the sessions at once and refuses sign-in here, while the other municipality still works", async () => {
    const { tenant, admin, as } = await setup();
    const other = await createTenant();
    const { user, password } = await createStaff({ tenantId: tenant.id, role: "OPERATOR" });
    await (await db()).membership.create({ data: { tenantId: other.id, staffUserId: user.id, role: "OPERATOR" } });
    const identity = { kind: "staff" as const, staffUserId: user.id, name: user.name, email: user.email, sessionVersion: 0 };
    expect(await loadViewer(identity)).not.toBeNull();
    expect((await listAssignees({ tenantId: tenant.id })).map((s) => s.id)).toContain(user.id);

    expect(await disableStaffMember({ ...as(), staffUserId: user.id })).toEqual({ changed: true });
    expect(await loadViewer(identity)).toBeNull();
    expect((await appErrorOf(authenticateStaff({ email: user.email, password, tenantSlug: tenant.slug, ip: newIp() }))).messageKey).toBe("auth.staff.errors.invalidCredentials");
    const elsewhere = await authenticateStaff({ email: user.email, password, tenantSlug: other.slug, ip: newIp() });
    expect(elsewhere.role).toBe("OPERATOR");
    // A fresh session carries no role here.
    expect(elsewhere.staff.memberships.map((m) => m.tenantId)).toEqual([other.id]);
    // Gone from the assignment picker and from the people notified, still listed as disabled.
    expect((await listAssignees({ tenantId: tenant.id })).map((s) => s.id)).not.toContain(user.id);
    const prisma = await db();
    const recipients = await prisma.$transaction((tx) => operatorRecipients(tx, { tenantId: tenant.id, serviceId: randomUUID(), assignedStaffId: user.id }));
    expect(recipients.map((r) => r.id)).not.toContain(user.id);
    expect((await listStaff({ tenantId: tenant.id })).find((s) => s.id === user.id)).toMatchObject({ state: "disabled", accountDisabled: false });
    expect((await listStaff({ tenantId: other.id })).find((s) => s.id === user.id)).toMatchObject({ state: "active" });

    expect(await enableStaffMember({ ...as(), staffUserId: user.id })).toEqual({ changed: true });
    expect((await authenticateStaff({ email: user.email, password, tenantSlug: tenant.slug, ip: newIp() })).role).toBe("OPERATOR");
    expect(await auditActions(tenant.id, user.id)).toEqual([
      { action: "staff.disable", actorId: admin.id, actorRole: "TENANT_ADMIN" },
      { action: "staff.enable", actorId: admin.id, actorRole: "TENANT_ADMIN" },
    ]);
  });

  it("kills the open invitation link of a person disabled before choosing a password", async () => {
    const { tenant, as } = await setup();
    const email = newEmail();
    const { staffUserId } = await inviteStaff({ ...as(), name: "Mai Entrato", email, role: "OPERATOR", serviceIds: [] });
    const token = tokenOf((await invitationEmails(email))[0]!.values.acceptUrl!);
    await disableStaffMember({ ...as(), staffUserId });
    expect(await inspectStaffInvitation({ tenantId: tenant.id, token })).toEqual({ usable: false });
    expect((await appErrorOf(resendInvitation({ ...as(), staffUserId }))).messageKey).toBe("staffAdmin.errors.resendDisabled");
    await enableStaffMember({ ...as(), staffUserId });
    expect(await inspectStaffInvitation({ tenantId: tenant.id, token })).toEqual({ usable: false });
    await resendInvitation({ ...as(), staffUserId });
    expect((await getStaffMember({ tenantId: tenant.id, staffUserId })).invitation).toMatchObject({ expired: false });
  });
});

describe("protections", () => {
  it("nobody changes their own role or disables themselves", async () => {
    const { admin, as } = await setup();
    const own = await appErrorOf(updateStaffMember({ ...as(), staffUserId: admin.id, role: "OPERATOR", serviceIds: [] }));
    expect({ code: own.code, fields: own.fields }).toEqual({ code: "BAD_REQUEST", fields: { role: "staffAdmin.errors.ownRole" } });
    expect((await appErrorOf(disableStaffMember({ ...as(), staffUserId: admin.id }))).messageKey).toBe("staffAdmin.errors.ownAccount");
    // Saving one's own services with the same role is fine.
    expect(await updateStaffMember({ ...as(), staffUserId: admin.id, role: "TENANT_ADMIN", serviceIds: [] })).toEqual({ roleChanged: false, servicesChanged: false });
  });

  it("the last active administrator can be neither demoted nor disabled", async () => {
    const { tenant, admin, as } = await setup();
    const superAdmin = (await createStaff({ isSuperAdmin: true })).user;
    const platform = as({ id: superAdmin.id, name: superAdmin.name, role: "SUPER_ADMIN" });
    const demote = await appErrorOf(updateStaffMember({ ...platform, staffUserId: admin.id, role: "SERVICE_MANAGER", serviceIds: [] }));
    expect({ code: demote.code, fields: demote.fields }).toEqual({ code: "CONFLICT", fields: { role: "staffAdmin.errors.lastAdmin" } });
    expect((await appErrorOf(disableStaffMember({ ...platform, staffUserId: admin.id }))).messageKey).toBe("staffAdmin.errors.lastAdmin");

    // An invited administrator (no password yet) is not an active one.
    const email = newEmail();
    const { staffUserId: invitedAdmin } = await inviteStaff({ ...as(), name: "Admin Invitato", email, role: "TENANT_ADMIN", serviceIds: [] });
    expect((await appErrorOf(disableStaffMember({ ...platform, staffUserId: admin.id }))).messageKey).toBe("staffAdmin.errors.lastAdmin");
    // With a second active administrator, either may go.
    const second = await member(tenant.id, "TENANT_ADMIN");
    expect(await updateStaffMember({ ...as(), staffUserId: second.id, role: "OPERATOR", serviceIds: [] })).toEqual({ roleChanged: true, servicesChanged: false });
    expect((await getStaffMember({ tenantId: tenant.id, staffUserId: second.id })).role).toBe("OPERATOR");
    await updateStaffMember({ ...as(), staffUserId: second.id, role: "TENANT_ADMIN", serviceIds: [] });
    expect(await disableStaffMember({ ...as(), staffUserId: second.id })).toEqual({ changed: true });
    expect((await appErrorOf(disableStaffMember({ ...platform, staffUserId: admin.id }))).messageKey).toBe("staffAdmin.errors.lastAdmin");
    expect(await updateStaffMember({ ...as(), staffUserId: invitedAdmin, role: "OPERATOR", serviceIds: [] })).toMatchObject({ roleChanged: true });
    expect(await auditActions(tenant.id, second.id)).toEqual([
      { action: "staff.role", actorId: admin.id, actorRole: "TENANT_ADMIN" },
      { action: "staff.role", actorId: admin.id, actorRole: "TENANT_ADMIN" },
      { action: "staff.disable", actorId: admin.id, actorRole: "TENANT_ADMIN" },
    ]);
  });

  it("two administrators disabling each other at once leave one active", async () => {
    const { tenant } = await setup();
    const [a, b] = [await member(tenant.id, "TENANT_ADMIN"), await member(tenant.id, "TENANT_ADMIN")];
    // The setup's administrator steps aside so that a and b are the only active ones.
    const prisma = await db();
    await prisma.membership.updateMany({ where: { tenantId: tenant.id, role: "TENANT_ADMIN", staffUserId: { notIn: [a.id, b.id] } }, data: { disabledAt: new Date() } });
    const actor = (u: typeof a) => ({ tenantId: tenant.id, actor: { id: u.id, name: u.name, role: "TENANT_ADMIN" as const }, ip: null });
    const results = await Promise.allSettled([disableStaffMember({ ...actor(a), staffUserId: b.id }), disableStaffMember({ ...actor(b), staffUserId: a.id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.membership.count({ where: { tenantId: tenant.id, role: "TENANT_ADMIN", disabledAt: null } })).toBe(1);
  });

  it("never touches staff of another municipality", async () => {
    const { as } = await setup();
    const stranger = await member((await createTenant()).id, "OPERATOR");
    for (const attempt of [
      () => getStaffMember({ tenantId: as().tenantId, staffUserId: stranger.id }),
      () => updateStaffMember({ ...as(), staffUserId: stranger.id, role: "SERVICE_MANAGER", serviceIds: [] }),
      () => disableStaffMember({ ...as(), staffUserId: stranger.id }),
      () => enableStaffMember({ ...as(), staffUserId: stranger.id }),
      () => resendInvitation({ ...as(), staffUserId: stranger.id }),
    ]) {
      expect((await appErrorOf(attempt())).code).toBe("NOT_FOUND");
    }
  });
});

describe("services handled", () => {
  it("writes a service.operators line on each service gained or lost, with the previous operators", async () => {
    const { tenant, admin, as } = await setup();
    const [bonus, nido] = [await createTestService({ tenantId: tenant.id }), await createTestService({ tenantId: tenant.id, status: "DRAFT" })];
    const colleague = await member(tenant.id, "OPERATOR");
    const prisma = await db();
    await prisma.serviceOperator.create({ data: { tenantId: tenant.id, serviceId: bonus.id, staffUserId: colleague.id } });
    const target = await member(tenant.id, "SERVICE_MANAGER");

    await updateStaffMember({ ...as(), staffUserId: target.id, role: "SERVICE_MANAGER", serviceIds: [bonus.id, nido.id] });
    expect((await getStaffMember({ tenantId: tenant.id, staffUserId: target.id })).services.map((s) => s.id).sort()).toEqual([bonus.id, nido.id].sort());
    await updateStaffMember({ ...as(), staffUserId: target.id, role: "SERVICE_MANAGER", serviceIds: [nido.id] });

    const lines = async (serviceId: string) =>
      (await prisma.serviceChange.findMany({ where: { tenantId: tenant.id, serviceId }, orderBy: { id: "asc" } })).map((c) => ({
        action: c.action,
        actorId: c.actorId,
        changes: c.changes,
      }));
    const both = [colleague.name, target.name].sort((a, b) => a.localeCompare(b, "it"));
    expect(await lines(bonus.id)).toEqual([
      { action: "service.operators", actorId: admin.id, changes: [{ field: "operators", before: [colleague.name], after: both }] },
      { action: "service.operators", actorId: admin.id, changes: [{ field: "operators", before: both, after: [colleague.name] }] },
    ]);
    expect(await lines(nido.id)).toEqual([{ action: "service.operators", actorId: admin.id, changes: [{ field: "operators", before: [], after: [target.name] }] }]);
    // Each change is a new configuration version of the service (a page opened before is stale).
    expect((await prisma.service.findUniqueOrThrow({ where: { id: bonus.id } })).version).toBe(bonus.version + 2);

    // Saving the same services again changes nothing and writes nothing.
    expect(await updateStaffMember({ ...as(), staffUserId: target.id, role: "SERVICE_MANAGER", serviceIds: [nido.id] })).toEqual({ roleChanged: false, servicesChanged: false });
    expect(await lines(nido.id)).toHaveLength(1);
    expect(await auditActions(tenant.id, target.id)).toEqual([
      { action: "staff.services", actorId: admin.id, actorRole: "TENANT_ADMIN" },
      { action: "staff.services", actorId: admin.id, actorRole: "TENANT_ADMIN" },
    ]);
  });

  it("accepts only the municipality's own services, and invites with services", async () => {
    const { tenant, as } = await setup();
    const foreign = await createTestService({ tenantId: (await createTenant()).id });
    const target = await member(tenant.id, "OPERATOR");
    const e = await appErrorOf(updateStaffMember({ ...as(), staffUserId: target.id, role: "OPERATOR", serviceIds: [foreign.id] }));
    expect({ code: e.code, fields: e.fields }).toEqual({ code: "BAD_REQUEST", fields: { serviceIds: "staffAdmin.errors.servicesInvalid" } });
    expect(await (await db()).serviceChange.count({ where: { serviceId: foreign.id } })).toBe(0);

    const own = await createTestService({ tenantId: tenant.id });
    const { staffUserId } = await inviteStaff({ ...as(), name: "Con Servizi", email: newEmail(), role: "OPERATOR", serviceIds: [own.id] });
    expect((await getStaffMember({ tenantId: tenant.id, staffUserId })).services).toEqual([{ id: own.id, name: own.name }]);
    expect(await (await db()).serviceChange.count({ where: { serviceId: own.id, action: "service.operators" } })).toBe(1);
  });
});

async function member(tenantId: string, role: StaffRole) {
  return (await createStaff({ tenantId, role })).user;
}
