import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import type { StaffRole } from "@/server/db/generated/client";
import { isAppError } from "@/server/errors";
import { getTenantOrThrow, type TTenant } from "@/server/tenant";
import { auth } from "./index";
import { effectiveRole, lowestRole, meetsRole, type TEffectiveRole } from "./roles";
import type { TStaffViewer, TViewer } from "./types";
import { loadViewer } from "./viewer";

// Who is asking, for server components, server actions and route handlers; and the guards pages
// call first. The viewer is loaded once per request.

export const getViewer = cache(async (): Promise<TViewer | null> => {
  const session = await auth();
  return loadViewer(session?.identity);
});

/** The signed-in staff account with its memberships, or null (signed out, or a citizen). For
 * route handlers that check the municipality themselves. */
export async function getStaffViewer() {
  const viewer = await getViewer();
  return viewer?.kind === "staff" ? viewer.staff : null;
}

async function tenantOrNotFound(slug: string): Promise<TTenant> {
  try {
    return await getTenantOrThrow(slug);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/** Only a path inside this site may be a callback (no open redirects). */
export function safeCallbackPath(value: unknown, fallback: string): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}

/**
 * The signed-in citizen, or a redirect to the municipality's sign-in page that comes back to
 * `returnTo` (default: the personal area).
 */
export async function requireCitizen(tenantSlug: string, returnTo?: string) {
  const tenant = await tenantOrNotFound(tenantSlug);
  const viewer = await getViewer();
  if (viewer?.kind !== "citizen") {
    const back = safeCallbackPath(returnTo, `/${tenant.slug}/area-personale`);
    redirect(`/${tenant.slug}/accedi?callbackUrl=${encodeURIComponent(back)}`);
  }
  return { citizen: viewer.citizen, tenant };
}

/**
 * The signed-in staff member with their role in this municipality. Signed out (or signed in as
 * a citizen): redirect to the back-office sign-in. No role here, or below the lowest of `roles`:
 * 404, so the back office of another municipality does not even show it exists.
 */
export async function requireStaff(
  tenantSlug: string,
  roles?: StaffRole | readonly StaffRole[],
): Promise<{ staff: TStaffViewer; tenant: TTenant; role: TEffectiveRole }> {
  const tenant = await tenantOrNotFound(tenantSlug);
  const viewer = await getViewer();
  if (viewer?.kind !== "staff") redirect(`/${tenant.slug}/backoffice/accedi`);
  const role = effectiveRole(viewer.staff, tenant.id);
  if (!role || !meetsRole(role, lowestRole(roles))) notFound();
  return { staff: viewer.staff, tenant, role };
}
