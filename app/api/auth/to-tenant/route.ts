import { NextResponse, type NextRequest } from "next/server";
import { tenantSignInPath } from "@/server/auth/tenant-redirect";

// GET /api/auth/to-tenant: where Auth.js sends people for sign-in and errors; forwards them to
// the sign-in page of the municipality they came from (Auth.js knows a single page per kind).
export function GET(request: NextRequest) {
  const target = tenantSignInPath({
    error: request.nextUrl.searchParams.get("error"),
    callbackUrl: request.nextUrl.searchParams.get("callbackUrl"),
    callbackCookie: request.cookies.get("__Secure-authjs.callback-url")?.value ?? request.cookies.get("authjs.callback-url")?.value,
    origin: request.nextUrl.origin,
  });
  return NextResponse.redirect(new URL(target, request.nextUrl.origin), 303);
}
