// Security headers for every response: a nonce-based Content-Security-Policy for pages and the
// usual hardening headers everywhere. Built here (pure functions) so proxy.ts stays a thin
// adapter and the policy can be tested.

export type TSecurityContext = {
  pathname: string;
  nonce: string;
  /** The request arrived over HTTPS (directly or behind a proxy): HSTS is only sent then. */
  https: boolean;
  dev: boolean;
  /** Origins a sign-in form may post or redirect to (the citizens' OpenID Connect issuer). */
  formActionOrigins: string[];
};

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Origin of a URL, or null when it is not a valid absolute URL. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function isApi(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** Development-only pages (mail sink viewer) show third-party HTML in a sandboxed iframe. */
function isDevTool(pathname: string): boolean {
  return pathname === "/dev" || pathname.startsWith("/dev/");
}

/** Pages whose address carries a secret (one-time sign-in link, follow-your-application link):
 * their address is never sent to another site. "same-origin", not "no-referrer": under
 * no-referrer browsers send `Origin: null` on POSTs, and Next.js refuses such server actions
 * (the confirm button, the language switcher). */
export function hasTokenInPath(pathname: string): boolean {
  return /^\/[^/]+\/(?:accesso-email|domande\/segui)\/[^/]+/.test(pathname);
}

export function contentSecurityPolicy(ctx: TSecurityContext): string {
  if (isApi(ctx.pathname)) {
    // JSON and redirects: nothing to render, but never frameable.
    return "frame-ancestors 'none'";
  }
  const devTool = isDevTool(ctx.pathname);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // Next.js puts the nonce on its own scripts; 'strict-dynamic' lets them load their chunks.
    // React's development build needs eval for its debugging aids (never in production).
    "script-src": ["'self'", `'nonce-${ctx.nonce}'`, "'strict-dynamic'", ...(ctx.dev ? ["'unsafe-eval'"] : [])],
    // Stylesheets come from our origin only (plus Next's nonce'd inline styles). Inline styles are
    // allowed only where they cannot be avoided: in development (the dev overlay and CSS hot
    // reload inject <style> without a nonce) and in the dev mail viewer, whose srcdoc iframe
    // inherits this policy while e-mail HTML is styled with style attributes.
    "style-src": devTool || ctx.dev ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${ctx.nonce}'`],
    "img-src": ["'self'", "data:", "blob:"],
    // data: for the icon font Bootstrap Italia's stylesheet embeds (its video player).
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...ctx.formActionOrigins],
    "frame-ancestors": devTool ? ["'self'"] : ["'none'"],
  };
  if (ctx.https) directives["upgrade-insecure-requests"] = [];
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}

/** Routes that serve stored files and set a policy fitting each file (server/uploads/http.ts):
 * the proxy's header would replace theirs (Next.js keeps the proxy's value), so it sends none. */
export function setsOwnPolicy(pathname: string): boolean {
  return /^\/api\/[^/]+\/attachments\/[^/]+$/.test(pathname);
}

/** Every header to set on the response (the CSP included). */
export function securityHeaders(ctx: TSecurityContext): Record<string, string> {
  const headers: Record<string, string> = {
    ...(setsOwnPolicy(ctx.pathname) ? {} : { "Content-Security-Policy": contentSecurityPolicy(ctx) }),
    "Referrer-Policy": hasTokenInPath(ctx.pathname) ? "same-origin" : "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": isDevTool(ctx.pathname) ? "SAMEORIGIN" : "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (ctx.https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
