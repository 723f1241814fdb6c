import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/server/auth/secret";

// The "follow your application" link of applicants without a digital identity. The token is
// derived from the application id with the server secret, so every email about the application
// can carry the same link without storing the token; only its hash is stored, for lookup.
// Rotating AUTH_SECRET invalidates the links (the applicant can still ask for a new one by email).

export function applicationAccessToken(applicationId: string): string {
  return createHmac("sha256", authSecret()).update(`application-access:${applicationId}`).digest("base64url");
}

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time check that a token belongs to the application. */
export function isAccessTokenFor(applicationId: string, token: string): boolean {
  const expected = Buffer.from(applicationAccessToken(applicationId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
