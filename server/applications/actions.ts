"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentApplicant } from "@/server/applicants/current";
import { isAppError } from "@/server/errors";
import { getTenantOrThrow } from "@/server/tenant";
import { startApplication } from "./filling";

export type TStartState = { error: string | null };

/** "Inizia la compilazione": a new draft prefilled from identity and profile, then its first step. */
export async function startApplicationAction(tenantSlug: string, serviceSlug: string, _prev: TStartState, _form: FormData): Promise<TStartState> {
  const tenant = await getTenantOrThrow(tenantSlug);
  const applicant = await getCurrentApplicant(tenant.id);
  if (!applicant) redirect(`/${tenant.slug}/servizi/${encodeURIComponent(serviceSlug)}/domanda`);
  let id: string;
  try {
    id = (await startApplication({ tenantId: tenant.id, serviceSlug, applicant })).application.id;
  } catch (e) {
    if (!isAppError(e)) throw e;
    const t = await getTranslations();
    return { error: t(e.messageKey) };
  }
  redirect(`/${tenant.slug}/domande/${id}`);
}
