import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import Provider, { interactionPolicy, type Configuration, type Interaction, type KoaContextWithOIDC } from "oidc-provider";
import { env } from "@/server/env";
import { DEV_IDENTITIES, SPID_L2, SPID_L3, findDevIdentity } from "./identities";

/** The app's client secret at this provider (a development fixture): re-exported for boot.ts. */
export { DEV_OIDC_CLIENT_SECRET } from "../spid-provider";
import { loadOrCreateDevKeys } from "./keys";
import { renderErrorPage, renderLoginPage } from "./views";

// A local OpenID Connect provider (the certified `oidc-provider` package) that stands in for a
// SPID/CIE broker in development and tests: real authorization-code flow with PKCE, signed
// id_tokens, a page to pick one of DEV_IDENTITIES. It never runs when OIDC_ISSUER is set.

export type TDevOidcClient = { client_id: string; client_secret: string; redirect_uris: string[]; post_logout_redirect_uris?: string[] };

export type TDevOidcOptions = {
  port: number;
  /** e.g. http://localhost:3001 — must be the URL the browser and the app use. */
  issuer: string;
  clients: TDevOidcClient[];
  /** Where keys persist; default `${DATA_DIR}/oidc-dev-jwks.json`; null keeps them in memory. */
  keysFile?: string | null;
};

export type TDevOidcProvider = { issuer: string; port: number; close(): Promise<void> };

const MAX_BODY_BYTES = 16 * 1024;

function configuration(opts: TDevOidcOptions): Configuration {
  const keys = loadOrCreateDevKeys(opts.keysFile === undefined ? path.resolve(env().DATA_DIR, "oidc-dev-jwks.json") : opts.keysFile);

  // Every authorization request asks which identity to use (like a broker's IdP choice), even
  // when the provider still has a session: developers switch identities after signing out.
  const policy = interactionPolicy.base();
  policy.get("login")?.checks.add(
    new interactionPolicy.Check("choose_identity", "the End-User picks a test identity", (ctx: KoaContextWithOIDC) =>
      ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
    ),
  );

  return {
    clients: opts.clients.map((c) => ({
      ...c,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    pkce: { required: () => true },
    scopes: ["openid", "profile", "email", "address", "phone"],
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      iss: null,
      // acr in every id_token, as SPID/CIE brokers send the level of assurance reached.
      openid: ["sub", "acr"],
      profile: ["given_name", "family_name", "name", "birthdate", "fiscal_number"],
      email: ["email", "email_verified"],
      address: ["address"],
      phone: ["phone_number", "phone_number_verified"],
    },
    acrValues: [SPID_L2, SPID_L3],
    // Put the granted claims in the id_token too, as SPID/CIE brokers do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    jwks: keys.jwks,
    cookies: { keys: keys.cookieKeys },
    interactions: { policy, url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const identity = findDevIdentity(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            fiscal_number: identity.fiscal_number,
            given_name: identity.given_name,
            family_name: identity.family_name,
            name: `${identity.given_name} ${identity.family_name}`,
            birthdate: identity.birthdate,
            email: identity.email,
            email_verified: true,
            phone_number: identity.phone_number,
            phone_number_verified: true,
            address: identity.address,
          };
        },
      };
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 120,
      IdToken: 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      ClientCredentials: 600,
      RefreshToken: 3600,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
    },
    clientBasedCORS: () => false,
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = renderErrorPage(String(out.error_description ?? out.error));
    },
  };
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    // No form-action: the form's redirects go on to the relying party's callback.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  res.end(html);
}

/**
 * Each sign-in here stands alone: the identity chosen last time is dropped from the provider's
 * session (and from the interaction's copy of it), so choosing another one does not turn into a
 * logout-and-confirm detour.
 */
async function forgetPreviousIdentity(provider: Provider, interaction: Interaction): Promise<void> {
  const uid = interaction.session?.uid;
  if (!uid || !interaction.session?.accountId) return;
  const session = await provider.Session.findByUid(uid);
  if (session) {
    session.accountId = undefined;
    session.acr = undefined;
    session.amr = undefined;
    session.loginTs = undefined;
    session.authorizations = undefined;
    await session.persist();
  }
  // The interaction keeps a copy of the session's principal and refuses to go on if they differ.
  delete (interaction.session as { accountId?: string }).accountId;
  await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
}

async function handleInteraction(provider: Provider, req: http.IncomingMessage, res: http.ServerResponse, uid: string, isLogin: boolean) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return sendHtml(res, 400, renderErrorPage("La richiesta di accesso non è più valida."));
  const clientId = String(details.params.client_id ?? "");

  if (req.method === "GET" && details.prompt.name === "login") {
    return sendHtml(res, 200, renderLoginPage({ uid, clientId, identities: DEV_IDENTITIES }));
  }

  if (req.method === "POST" && isLogin && details.prompt.name === "login") {
    const form = await readForm(req);
    if (form.has("cancel")) {
      return provider.interactionFinished(req, res, { error: "access_denied", error_description: "End-User aborted interaction" }, { mergeWithLastSubmission: false });
    }
    const identity = findDevIdentity(form.get("sub") ?? "");
    if (!identity) return sendHtml(res, 400, renderErrorPage("Identità di prova sconosciuta."));
    await forgetPreviousIdentity(provider, details);
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: identity.sub, acr: identity.acr, amr: [identity.means === "CIE" ? "hwk" : "pwd"], remember: false } },
      { mergeWithLastSubmission: false },
    );
  }

  if (req.method === "GET" && details.prompt.name === "consent") {
    // The relying party is the municipality's own service: consent is given at once.
    const accountId = details.session?.accountId;
    if (!accountId) return sendHtml(res, 400, renderErrorPage("Sessione di accesso mancante."));
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId }))
      : new provider.Grant({ accountId, clientId });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(" "));
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
  }

  return sendHtml(res, 400, renderErrorPage("Passaggio di accesso non previsto."));
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the provider on localhost (IPv4 and, when available, IPv6) at `port`.
 * Discovery: `${issuer}/.well-known/openid-configuration`.
 */
export async function startDevOidcProvider(opts: TDevOidcOptions): Promise<TDevOidcProvider> {
  const provider = new Provider(opts.issuer, configuration(opts));
  const callback = provider.callback();

  const handler: http.RequestListener = (req, res) => {
    const { pathname } = new URL(req.url ?? "/", opts.issuer);
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(pathname);
    if (!match) {
      void callback(req, res);
      return;
    }
    handleInteraction(provider, req, res, match[1]!, Boolean(match[2])).catch((err: unknown) => {
      const expired = err instanceof Error && err.name === "SessionNotFound";
      if (!expired) console.error("[oidc-dev] interaction failed", err);
      if (!res.headersSent) {
        sendHtml(res, expired ? 400 : 500, renderErrorPage(expired ? "La richiesta di accesso è scaduta." : "Errore interno del fornitore di prova."));
      }
    });
  };

  const v4 = http.createServer(handler);
  await listen(v4, opts.port, "127.0.0.1");
  const port = (v4.address() as AddressInfo).port;
  // Browsers and Node may resolve "localhost" to ::1 first; serve there too when IPv6 exists.
  const v6 = http.createServer(handler);
  const v6Up = await listen(v6, port, "::1").then(
    () => true,
    () => false,
  );

  return {
    issuer: opts.issuer,
    port,
    async close() {
      await Promise.all([closeServer(v4), v6Up ? closeServer(v6) : Promise.resolve()]);
    },
  };
}
