import { createStaff, createTenant } from "@/server/test/factories";
import { callerFor as viewerCaller, staffViewer, trpcError } from "@/server/test/trpc";
import { errorData } from "@/server/trpc/errors";

// Test data for the settings and platform tests: a municipality with one staff member per role,
// an administrator of another municipality and a platform super-admin; tRPC callers as them.

export async function createSettingsScenario() {
  const tenant = await createTenant();
  const other = await createTenant();
  const ids = {
    admin: (await createStaff({ tenantId: tenant.id, role: "TENANT_ADMIN" })).user.id,
    manager: (await createStaff({ tenantId: tenant.id, role: "SERVICE_MANAGER" })).user.id,
    operator: (await createStaff({ tenantId: tenant.id, role: "OPERATOR" })).user.id,
    otherAdmin: (await createStaff({ tenantId: other.id, role: "TENANT_ADMIN" })).user.id,
    superAdmin: (await createStaff({ isSuperAdmin: true })).user.id,
  };
  return { tenant, ids };
}

/** A tRPC caller signed in as a staff member (null: signed out), optionally for a municipality. */
export async function callerFor(staffUserId: string | null, tenantSlug?: string, ip = "203.0.113.7") {
  return viewerCaller(staffUserId ? await staffViewer(staffUserId) : null, tenantSlug ?? null, ip);
}

/** How a call failed: the tRPC code with the client's error data (message key, field errors). */
export async function failureOf(p: Promise<unknown>) {
  const e = await trpcError(p);
  return { code: e.code, ...errorData(e) };
}
