import { env } from "@/server/env";
import { applicationAccessToken } from "./access-token";

// Links to an application put in emails and PDFs (absolute, from APP_URL). Citizens with SPID/CIE
// open it in their personal area; applicants without a digital identity follow a tokened link.

export function applicationUrl(input: { tenantSlug: string; applicationId: string; hasCitizen: boolean }): string {
  const base = `${env().APP_URL.replace(/\/+$/, "")}/${encodeURIComponent(input.tenantSlug)}`;
  return input.hasCitizen
    ? `${base}/area-personale/domande/${encodeURIComponent(input.applicationId)}`
    : `${base}/domande/segui/${encodeURIComponent(applicationAccessToken(input.applicationId))}`;
}
