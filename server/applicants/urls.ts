// Paths of the sign-in without a digital identity (ANONYMOUS_EMAIL services). Pure functions, so
// client components, pages and emails can all build them.

/** Where an applicant without SPID starts: the email form, for one service when given. Link
 * here from a service card instead of the SPID sign-in when its access level is ANONYMOUS_EMAIL. */
export function emailSignInPath(tenantSlug: string, serviceSlug?: string | null): string {
  const base = `/${encodeURIComponent(tenantSlug)}/accesso-email`;
  return serviceSlug ? `${base}?servizio=${encodeURIComponent(serviceSlug)}` : base;
}

/** The one-time link sent by email (relative; emails prefix APP_URL). */
export function emailSignInLinkPath(tenantSlug: string, token: string): string {
  return `/${encodeURIComponent(tenantSlug)}/accesso-email/${encodeURIComponent(token)}`;
}

/** Where a confirmed applicant goes next: the service's start route, else the municipality's home. */
export function afterEmailSignInPath(tenantSlug: string, serviceSlug: string | null): string {
  const base = `/${encodeURIComponent(tenantSlug)}`;
  return serviceSlug ? `${base}/servizi/${encodeURIComponent(serviceSlug)}/domanda` : base;
}
