import type { TViewer } from "@/server/auth/types";
import { unsafeFindTenantBySlug, type TTenant } from "@/server/tenant";

// What every procedure knows about its request: who asks, for which municipality (resolved once
// here), from where. Built from an HTTP request (request-context.ts), for server components
// (server.ts) or directly in tests.

export type TTRPCContext = {
  viewer: TViewer | null;
  /** The tenant the request is for, when it named one that exists. */
  tenant: TTenant | null;
  /** The slug the request named (kept to tell "no tenant" from "unknown tenant"). */
  tenantSlug: string | null;
  ip: string | null;
  /** Raw value of the cookie of an applicant without SPID (email-session.ts), decoded per tenant. */
  emailApplicantCookie: string | null;
};

export async function createContextInner(opts: {
  viewer: TViewer | null;
  tenantSlug?: string | null;
  ip?: string | null;
  emailApplicantCookie?: string | null;
}): Promise<TTRPCContext> {
  const tenantSlug = opts.tenantSlug?.trim() || null;
  return {
    viewer: opts.viewer,
    tenant: tenantSlug ? await unsafeFindTenantBySlug(tenantSlug) : null,
    tenantSlug,
    ip: opts.ip ?? null,
    emailApplicantCookie: opts.emailApplicantCookie ?? null,
  };
}
