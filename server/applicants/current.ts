import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { TApplicant } from "@/server/applications/applicant";
import { getViewer } from "@/server/auth/session";
import { decodeEmailApplicantSession, EMAIL_APPLICANT_COOKIE } from "./email-session";

// Who is applying in this request, for pages, route handlers and tRPC: the signed-in citizen,
// else an applicant without SPID whose confirmed-email cookie is for this municipality, else null.

export const getEmailApplicantEmail = cache(async (tenantId: string): Promise<string | null> => {
  const store = await cookies();
  return decodeEmailApplicantSession(store.get(EMAIL_APPLICANT_COOKIE)?.value, tenantId)?.email ?? null;
});

export async function getCurrentApplicant(tenantId: string): Promise<TApplicant | null> {
  const viewer = await getViewer();
  if (viewer?.kind === "citizen") return { kind: "citizen", citizenId: viewer.citizen.id, spidLevel: viewer.citizen.spidLevel };
  const email = await getEmailApplicantEmail(tenantId);
  return email ? { kind: "email", email } : null;
}
