import "server-only";
import { clientIp } from "@/server/auth/client-ip";
import { EMAIL_APPLICANT_COOKIE } from "@/server/applicants/email-session";
import { getViewer } from "@/server/auth/session";
import { createContextInner } from "./context";
import { TENANT_HEADER } from "./shared";

export async function createTRPCContext({ headers }: { headers: Headers }) {
  return createContextInner({
    viewer: await getViewer(),
    tenantSlug: headers.get(TENANT_HEADER),
    ip: clientIp(headers),
    emailApplicantCookie: cookieValue(headers.get("cookie"), EMAIL_APPLICANT_COOKIE),
  });
}

function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}
