import type { OIDCConfig } from "next-auth/providers";
import { env } from "@/server/env";
import { citizenClaimsFromOidc, decodeVerifiedJwtPayload } from "./citizen-claims";

// Citizens sign in with OpenID Connect, the way SPID/CIE brokers expose identities. With
// OIDC_ISSUER unset the app talks to its own local provider (server/auth/oidc-dev).

/** Secret of the local provider's client: a development fixture, used only when OIDC_ISSUER is unset. */
export const DEV_OIDC_CLIENT_SECRET = "sportello-local-oidc-client-secret-for-development-only";

export const SPID_SCOPE = "openid profile email address phone";

export type TOidcSettings = { issuer: string; clientId: string; clientSecret: string | undefined; local: boolean };

export function oidcSettings(): TOidcSettings {
  const e = env();
  if (e.OIDC_ISSUER) return { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, local: false };
  return { issuer: `http://localhost:${e.OIDC_DEV_PORT}`, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET ?? DEV_OIDC_CLIENT_SECRET, local: true };
}

export function spidProvider(s: TOidcSettings = oidcSettings()): OIDCConfig<Record<string, unknown>> {
  return {
    id: "spid",
    name: "SPID / CIE",
    type: "oidc",
    issuer: s.issuer,
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    // Without a secret the client is public: PKCE alone binds the code to this browser.
    client: { token_endpoint_auth_method: s.clientSecret ? "client_secret_basic" : "none" },
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: SPID_SCOPE } },
    // Brokers put some claims only in userinfo: fetch it, and keep the verified id_token's
    // claims (acr above all) underneath.
    idToken: false,
    profile(userinfo, tokens) {
      const claims = { ...decodeVerifiedJwtPayload(tokens.id_token), ...userinfo };
      const citizen = citizenClaimsFromOidc(claims);
      return {
        id: citizen?.fiscalCode ?? String(claims.sub ?? ""),
        name: citizen ? `${citizen.givenName} ${citizen.familyName}`.trim() : null,
        email: citizen?.email ?? null,
        citizenClaims: citizen,
      };
    },
  };
}
