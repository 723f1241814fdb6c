import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createTestService } from "@/server/applications/testing";
import { loadViewer } from "@/server/auth/viewer";
import type { StaffRole } from "@/server/db/generated/client";
import { createStaff, createTenant } from "@/server/test/factories";
import { callerFor, trpcCode, type TTestCaller as TCaller } from "@/server/test/trpc";

// The staffAdmin procedures through tRPC: the municipality's administrators only (operators,
// service managers and other municipalities' administrators get NOT_FOUND, signed-out callers
// UNAUTHORIZED), and a disabled person's very next request is refused.

/** What each request does: load the viewer the session names from the database. */
const identity = (user: { id: string; name: string; email: string }, sessionVersion = 0) => ({
  kind: "staff" as const,
  staffUserId: user.id,
  name: user.name,
  email: user.email,
  sessionVersion,
});

async function as(user: { id: string; name: string; email: string }, tenantSlug: string) {
  return callerFor(await loadViewer(identity(user)), tenantSlug);
}

async function setup() {
  const tenant = await createTenant();
  const staff = async (role: StaffRole, tenantId = tenant.id) => (await createStaff({ tenantId, role })).user;
  const admin = await staff("TENANT_ADMIN");
  const target = await staff("OPERATOR");
  return { tenant, staff, admin, target };
}

/** One call of every procedure, on `target`. */
function everyProcedure(api: TCaller, tenantSlug: string, targetId: string) {
  const email = `invitato-${targetId.slice(-8)}@example.test`;
  return {
    list: () => api.staffAdmin.list({ tenantSlug }),
    get: () => api.staffAdmin.get({ tenantSlug, staffUserId: targetId }),
    services: () => api.staffAdmin.services({ tenantSlug }),
    invite: () => api.staffAdmin.invite({ tenantSlug, name: "Nuova Persona", email, role: "OPERATOR", serviceIds: [] }),
    resendInvitation: () => api.staffAdmin.resendInvitation({ tenantSlug, staffUserId: targetId }),
    update: () => api.staffAdmin.update({ tenantSlug, staffUserId: targetId, role: "SERVICE_MANAGER", serviceIds: [] }),
    disable: () => api.staffAdmin.disable({ tenantSlug, staffUserId: targetId }),
    enable: () => api.staffAdmin.enable({ tenantSlug, staffUserId: targetId }),
  };
}

describe("staffAdmin router", () => {
  it("answers NOT_FOUND to operators, service managers and other municipalities' administrators, UNAUTHORIZED signed out", async () => {
    const { tenant, staff, target } = await setup();
    const stranger = await staff("TENANT_ADMIN", (await createTenant()).id);
    for (const [who, expected] of [
      [await as(await staff("OPERATOR"), tenant.slug), "NOT_FOUND"],
      [await as(await staff("SERVICE_MANAGER"), tenant.slug), "NOT_FOUND"],
      [await as(stranger, tenant.slug), "NOT_FOUND"],
      [await callerFor(null, tenant.slug), "UNAUTHORIZED"],
    ] as const) {
      for (const [name, call] of Object.entries(everyProcedure(who, tenant.slug, target.id))) {
        expect([name, await trpcCode(call())]).toEqual([name, expected]);
      }
    }
  });

  it("lets the municipality's administrator do everything, on its own staff only", async () => {
    const { tenant, admin, target, staff } = await setup();
    const service = await createTestService({ tenantId: tenant.id });
    const api = await as(admin, tenant.slug);
    const calls = everyProcedure(api, tenant.slug, target.id);

    expect((await calls.list()).map((s) => s.id).sort()).toEqual([admin.id, target.id].sort());
    expect(await calls.get()).toMatchObject({ id: target.id, role: "OPERATOR", state: "active" });
    expect(await calls.services()).toEqual([{ id: service.id, name: service.name, status: "PUBLISHED" }]);
    const invited = await calls.invite();
    expect(invited).toMatchObject({ kind: "setPassword", newAccount: true });
    expect(await api.staffAdmin.resendInvitation({ tenantSlug: tenant.slug, staffUserId: invited.staffUserId })).toMatchObject({ expiresAt: expect.any(Date) as unknown });
    expect(await calls.update()).toEqual({ roleChanged: true, servicesChanged: false });
    expect(await calls.disable()).toEqual({ changed: true });
    expect(await calls.enable()).toEqual({ changed: true });

    // Somebody of another municipality is not found here, whatever the procedure.
    const foreign = await staff("OPERATOR", (await createTenant()).id);
    const onForeign = everyProcedure(api, tenant.slug, foreign.id);
    for (const call of [onForeign.get, onForeign.update, onForeign.disable, onForeign.enable, onForeign.resendInvitation]) {
      expect(await trpcCode(call())).toBe("NOT_FOUND");
    }
    // Input checked against the same schema as the form: keys come back per field.
    const bad = await api.staffAdmin.invite({ tenantSlug: tenant.slug, name: " ", email: "non-un-indirizzo", role: "OPERATOR", serviceIds: [] }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TRPCError);
    expect((bad as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("refuses a disabled operator's very next request", async () => {
    const { tenant, admin, target } = await setup();
    const before = await as(target, tenant.slug);
    expect(Array.isArray(await before.work.assignees())).toBe(true);

    await (await as(admin, tenant.slug)).staffAdmin.disable({ tenantSlug: tenant.slug, staffUserId: target.id });

    // The next request loads the session again: it is over (signed out).
    expect(await loadViewer(identity(target))).toBeNull();
    expect(await trpcCode((await as(target, tenant.slug)).work.assignees())).toBe("UNAUTHORIZED");
    // Even signed in again (a new session), there is no role here any more.
    expect(await trpcCode((await callerFor(await loadViewer(identity(target, 1)), tenant.slug)).work.assignees())).toBe("NOT_FOUND");
  });
});
