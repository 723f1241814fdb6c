import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/server/env";
import { createNonce, originOf, securityHeaders } from "@/server/http/security-headers";

// Runs before every route: a fresh CSP nonce per request (Next.js reads it from the request's
// Content-Security-Policy header and puts it on its scripts) and the security headers.
export function proxy(request: NextRequest) {
  const config = env();
  const nonce = createNonce();
  const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const https =
    forwardedProto === "https" || request.nextUrl.protocol === "https:" || config.APP_URL.startsWith("https:");
  // Citizens' sign-in posts/redirects to the OpenID Connect issuer (the local one in development).
  const issuer = originOf(config.OIDC_ISSUER) ?? `http://localhost:${config.OIDC_DEV_PORT}`;
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    https,
    dev: process.env.NODE_ENV === "development",
    formActionOrigins: [issuer],
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"] ?? "");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's fingerprinted build assets (immutable files, no HTML).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
