import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getCurrentApplicant } from "@/server/applicants/current";
import { isAppError } from "@/server/errors";
import type { TTenant } from "@/server/tenant";
import { loadFillState, moveDraftToCurrentForm } from "./filling";

/**
 * The application of a /{tenant}/domande/{id}/… page for whoever is applying: signed out → the
 * sign-in page, coming back here; not theirs (or not existing) → 404.
 */
export const loadApplicationPage = cache(async (tenant: TTenant, applicationId: string, path: string) => {
  const applicant = await getCurrentApplicant(tenant.id);
  if (!applicant) redirect(`/${tenant.slug}/accedi?callbackUrl=${encodeURIComponent(path)}`);
  try {
    const ref = { tenantId: tenant.id, applicationId, applicant };
    const formUpdated = await moveDraftToCurrentForm(ref);
    return { applicant, formUpdated, state: await loadFillState(ref) };
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  }
});
