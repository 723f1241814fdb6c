import type { NextAuthConfig } from "next-auth";
import { upsertCitizenFromClaims } from "./citizen-sign-in";
import { logger } from "../logger";
import { authSecret } from "./secret";
import { spidProvider, type TOidcSettings } from "./spid-provider";
import { staffProvider } from "./staff-provider";

// Auth.js configuration. Sessions are JWTs in an encrypted cookie (no Auth.js adapter: we keep
// citizens and staff in our own tables). The cookie names the person; server/auth/viewer.ts
// checks the database on each use, so disabling an account ends its sessions at once.

/** Where Auth.js sends people on errors: a handler that finds the right municipality's page. */
export const AUTH_PAGES_PATH = "/api/auth/to-tenant";

/** `oidc` replaces the issuer settings read from the environment (tests use their own provider). */
export function authConfig(opts: { oidc?: TOidcSettings } = {}): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    providers: [spidProvider(opts.oidc), staffProvider()],
    pages: { signIn: AUTH_PAGES_PATH, error: AUTH_PAGES_PATH },
    // A wrong password is an expected outcome (logged by authenticateStaff), not an error with a
    // stack trace; everything else goes to our logger.
    logger: {
      error(error) {
        if (error.name === "CredentialsSignin" || error.name === "StaffSignInError") return;
        logger.error(`auth: ${error.name}: ${error.message}`, { cause: String(error.cause ?? "") });
      },
      warn(code) {
        logger.warn(`auth: ${code}`);
      },
      debug() {},
    },
    callbacks: {
      signIn({ user, account }) {
        // A broker that sends no valid fiscal code cannot identify a citizen.
        if (account?.provider === "spid") return Boolean(user.citizenClaims);
        return true;
      },
      async jwt({ token, user, account, trigger }) {
        if (trigger !== "signIn" || !account) return token;
        if (account.provider === "spid" && user?.citizenClaims) {
          const citizen = await upsertCitizenFromClaims(user.citizenClaims);
          const name = `${citizen.givenName} ${citizen.familyName}`.trim();
          token.identity = { kind: "citizen", citizenId: citizen.id, fiscalCode: citizen.fiscalCode, name };
          token.sub = citizen.id;
          token.name = name;
          token.email = citizen.email;
        } else if (account.provider === "staff" && user?.staffIdentity) {
          token.identity = user.staffIdentity;
          token.sub = user.staffIdentity.staffUserId;
        }
        return token;
      },
      session({ session, token }) {
        session.identity = token.identity;
        return session;
      },
    },
  };
}
