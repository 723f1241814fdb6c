// Auth.js has one sign-in page and one error page; Sportello has one per municipality. This
// finds the municipality from the callback URL of the sign-in under way.
import { RESERVED_SLUGS } from "@/server/tenant";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Auth.js error types that come from the staff (credentials) sign-in. */
const STAFF_ERRORS = new Set(["CredentialsSignin"]);

function localPath(url: string | null | undefined, origin: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, origin);
    return u.origin === origin ? u.pathname + u.search : null;
  } catch {
    return null;
  }
}

export function tenantSignInPath(p: { error: string | null; callbackUrl: string | null; callbackCookie?: string; origin: string }): string {
  const callback = localPath(p.callbackUrl, p.origin) ?? localPath(p.callbackCookie, p.origin);
  const slug = callback?.split("/")[1]?.split("?")[0];
  if (!slug || !SLUG.test(slug) || RESERVED_SLUGS.has(slug)) return "/";
  const staff = (p.error !== null && STAFF_ERRORS.has(p.error)) || callback!.startsWith(`/${slug}/backoffice`);
  const query = new URLSearchParams();
  if (p.error) query.set("error", p.error);
  if (!staff && callback) query.set("callbackUrl", callback);
  const qs = query.size ? `?${query}` : "";
  return staff ? `/${slug}/backoffice/accedi${qs}` : `/${slug}/accedi${qs}`;
}
