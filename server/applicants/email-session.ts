import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/server/auth/secret";
import { normaliseEmail } from "@/server/applications/applicant";

// The session of an applicant without a digital identity (ANONYMOUS_EMAIL services): after they
// confirm their address with a one-time link, a signed cookie names the municipality and the
// address for EMAIL_APPLICANT_SESSION_DAYS. It grants nothing but their own applications there.
// Format: base64url(JSON {t, e, x}) "." base64url(HMAC-SHA256). No server state: signing out
// clears the cookie; rotating AUTH_SECRET ends every such session.

export const EMAIL_APPLICANT_COOKIE = "sportello-applicant";
export const EMAIL_APPLICANT_SESSION_DAYS = 7;

export type TEmailApplicantSession = { tenantId: string; email: string; expiresAt: Date };

function sign(payload: string): string {
  return createHmac("sha256", authSecret()).update(`email-applicant:${payload}`).digest("base64url");
}

export function encodeEmailApplicantSession(input: { tenantId: string; email: string; now?: Date }): { value: string; expiresAt: Date } {
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + EMAIL_APPLICANT_SESSION_DAYS * 24 * 60 * 60 * 1000);
  const payload = Buffer.from(JSON.stringify({ t: input.tenantId, e: normaliseEmail(input.email), x: expiresAt.getTime() })).toString("base64url");
  return { value: `${payload}.${sign(payload)}`, expiresAt };
}

/** The session in a cookie value, or null when missing, forged, expired or of another municipality. */
export function decodeEmailApplicantSession(value: string | undefined | null, tenantId: string, now = new Date()): TEmailApplicantSession | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  if (dot <= 0) return null;
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { t?: unknown; e?: unknown; x?: unknown };
    if (typeof parsed.t !== "string" || typeof parsed.e !== "string" || typeof parsed.x !== "number") return null;
    if (parsed.t !== tenantId || parsed.x <= now.getTime()) return null;
    return { tenantId: parsed.t, email: parsed.e, expiresAt: new Date(parsed.x) };
  } catch {
    return null;
  }
}
