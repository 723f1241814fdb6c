// Paths of staff administration and of the invitation link. Pure functions, so pages, client
// components and emails build the same addresses.

const base = (tenantSlug: string) => `/${encodeURIComponent(tenantSlug)}/backoffice`;

/** The municipality's staff list (tenant administrators). */
export function staffListPath(tenantSlug: string): string {
  return `${base(tenantSlug)}/operatori`;
}

/** One staff member's page. */
export function staffMemberPath(tenantSlug: string, staffUserId: string): string {
  return `${staffListPath(tenantSlug)}/${encodeURIComponent(staffUserId)}`;
}

/** The invitation form. */
export function staffInvitePath(tenantSlug: string): string {
  return `${staffListPath(tenantSlug)}/invita`;
}

/** The one-time link of an invitation (relative; emails prefix APP_URL). */
export function staffInvitationLinkPath(tenantSlug: string, token: string): string {
  return `${base(tenantSlug)}/invito/${encodeURIComponent(token)}`;
}

/** The back-office sign-in page; `passwordSet` shows the "password saved" notice there. */
export function staffSignInPath(tenantSlug: string, opts: { passwordSet?: boolean } = {}): string {
  return `${base(tenantSlug)}/accedi${opts.passwordSet ? "?password=impostata" : ""}`;
}
