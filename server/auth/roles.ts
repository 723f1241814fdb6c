import type { StaffRole } from "@/server/db/generated/client";

// The staff access ladder: OPERATOR < SERVICE_MANAGER < TENANT_ADMIN, and the platform's
// super-admin above all of them in every municipality.

export type TEffectiveRole = StaffRole | "SUPER_ADMIN";

const RANK: Record<TEffectiveRole, number> = { OPERATOR: 1, SERVICE_MANAGER: 2, TENANT_ADMIN: 3, SUPER_ADMIN: 4 };

/** The role a staff user holds in a tenant (super-admin wins), or null when they have none. */
export function effectiveRole(
  staff: { isSuperAdmin: boolean; memberships: readonly { tenantId: string; role: StaffRole }[] },
  tenantId: string,
): TEffectiveRole | null {
  if (staff.isSuperAdmin) return "SUPER_ADMIN";
  return staff.memberships.find((m) => m.tenantId === tenantId)?.role ?? null;
}

/** True when `role` is at least `min` on the ladder. */
export function meetsRole(role: TEffectiveRole | null, min: TEffectiveRole): boolean {
  return role !== null && RANK[role] >= RANK[min];
}

/** The lowest role of a list ("any of these or higher"); OPERATOR when the list is empty. */
export function lowestRole(roles: StaffRole | readonly StaffRole[] | undefined): StaffRole {
  const list = roles === undefined ? [] : typeof roles === "string" ? [roles] : roles;
  return list.reduce<StaffRole | undefined>((low, r) => (low === undefined || RANK[r] < RANK[low] ? r : low), undefined) ?? "OPERATOR";
}
