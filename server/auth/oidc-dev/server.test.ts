import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidFiscalCode } from "../fiscal-code";
import { DEV_IDENTITIES, SPID_L3, findDevIdentityByFiscalCode } from "./identities";
import { startDevOidcProvider, type TDevOidcProvider } from "./server";
import { TestBrowser, freePort } from "./test-browser";

// Drives the local provider the way a browser and a relying party would: discovery, authorize,
// identity page, consent, code with PKCE, token exchange, signature and claims of the id_token.

const CLIENT = { client_id: "sportello-test", client_secret: "test-secret-of-the-dev-client", redirect_uris: ["http://localhost:4999/api/auth/callback/spid"] };

function location(res: Response, base: string): string {
  expect([302, 303]).toContain(res.status);
  return TestBrowser.location(res, base);
}

function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

type TDiscovery = { issuer: string; authorization_endpoint: string; token_endpoint: string; jwks_uri: string; userinfo_endpoint: string };

describe("local OIDC provider", () => {
  let provider: TDevOidcProvider;
  let issuer: string;
  let discovery: TDiscovery;

  beforeAll(async () => {
    const port = await freePort();
    issuer = `http://localhost:${port}`;
    provider = await startDevOidcProvider({ port, issuer, clients: [CLIENT], keysFile: null });
    discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as TDiscovery;
  });
  afterAll(async () => {
    await provider?.close();
  });

  it("ships test identities with valid fiscal codes", () => {
    expect(DEV_IDENTITIES.length).toBeGreaterThanOrEqual(3);
    for (const i of DEV_IDENTITIES) expect(isValidFiscalCode(i.fiscal_number), i.fiscal_number).toBe(true);
  });

  it("publishes discovery metadata with PKCE S256", async () => {
    expect(discovery.issuer).toBe(issuer);
    const meta = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(meta.code_challenge_methods_supported).toEqual(["S256"]);
    expect(meta.acr_values_supported).toContain(SPID_L3);
  });

  async function authorize(browser: TestBrowser, extra: Record<string, string>) {
    const url = new URL(discovery.authorization_endpoint);
    const params = {
      client_id: CLIENT.client_id,
      redirect_uri: CLIENT.redirect_uris[0]!,
      response_type: "code",
      scope: "openid profile email address phone",
      ...extra,
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return browser.request(url.toString());
  }

  it("runs the authorization-code flow with PKCE and returns the chosen identity's claims", async () => {
    const browser = new TestBrowser();
    const { verifier, challenge } = pkcePair();
    const state = randomBytes(8).toString("hex");
    const nonce = randomBytes(8).toString("hex");
    const identity = findDevIdentityByFiscalCode("SPSGPP58L02F839L")!;

    const interactionUrl = location(await authorize(browser, { state, nonce, code_challenge: challenge, code_challenge_method: "S256" }), issuer);
    expect(interactionUrl).toMatch(/\/interaction\//);

    const page = await browser.request(interactionUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("scegli un'identità di prova");
    for (const i of DEV_IDENTITIES) expect(html).toContain(i.fiscal_number);
    const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;

    // Pick the identity, then follow redirects (resume → consent, auto-approved → resume) to the callback.
    let next = location(
      await browser.request(new URL(action, issuer).toString(), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ sub: identity.sub }),
      }),
      issuer,
    );
    for (let hops = 0; !next.startsWith(CLIENT.redirect_uris[0]!); hops++) {
      expect(hops).toBeLessThan(6);
      next = location(await browser.request(next), issuer);
    }
    const callback = new URL(next);
    expect(callback.searchParams.get("state")).toBe(state);
    expect(callback.searchParams.get("iss")).toBe(issuer);
    const code = callback.searchParams.get("code")!;
    expect(code).toBeTruthy();

    const basic = `Basic ${Buffer.from(`${CLIENT.client_id}:${CLIENT.client_secret}`).toString("base64")}`;
    const tokenRequest = (params: Record<string, string>) =>
      fetch(discovery.token_endpoint, {
        method: "POST",
        headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: CLIENT.redirect_uris[0]!, ...params }),
      });

    // A wrong verifier is refused (and, per the spec, does not burn the code here: it is checked first).
    const wrong = await tokenRequest({ code_verifier: pkcePair().verifier });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe("invalid_grant");

    const tokenRes = await tokenRequest({ code_verifier: verifier });
    const tokens = (await tokenRes.json()) as { id_token?: string; access_token?: string; error?: string };
    expect(tokens.error).toBeUndefined();
    const [h, p, s] = tokens.id_token!.split(".") as [string, string, string];
    const header = JSON.parse(Buffer.from(h, "base64url").toString()) as { alg: string; kid: string };
    expect(header.alg).toBe("RS256");
    const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as { keys: (JsonWebKey & { kid: string })[] };
    const jwk = keys.find((k) => k.kid === header.kid)!;
    expect(verify("RSA-SHA256", Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk, format: "jwk" }), Buffer.from(s, "base64url"))).toBe(true);

    const claims = JSON.parse(Buffer.from(p, "base64url").toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      iss: issuer,
      aud: CLIENT.client_id,
      nonce,
      sub: identity.sub,
      acr: SPID_L3,
      fiscal_number: "SPSGPP58L02F839L",
      given_name: "Giuseppe",
      family_name: "Esposito",
      birthdate: "1958-07-02",
      email: identity.email,
      phone_number: identity.phone_number,
      address: { street_address: "Via Toledo 156", postal_code: "80134", locality: "Napoli", region: "NA", country: "IT" },
    });

    const userinfo = (await (await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()) as Record<string, unknown>;
    expect(userinfo.fiscal_number).toBe("SPSGPP58L02F839L");
  });

  it("refuses an authorization request without PKCE", async () => {
    const res = await authorize(new TestBrowser(), { state: "s", nonce: "n" });
    const back = new URL(location(res, issuer));
    expect(back.origin + back.pathname).toBe(CLIENT.redirect_uris[0]);
    expect(back.searchParams.get("error")).toBe("invalid_request");
    expect(back.searchParams.get("error_description")).toMatch(/PKCE/);
  });

  it("sends the user back with access_denied when they cancel", async () => {
    const browser = new TestBrowser();
    const { challenge } = pkcePair();
    const interactionUrl = location(await authorize(browser, { state: "s", nonce: "n", code_challenge: challenge, code_challenge_method: "S256" }), issuer);
    const res = await browser.request(`${interactionUrl}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ cancel: "1" }),
    });
    let next = location(res, issuer);
    while (!next.startsWith(CLIENT.redirect_uris[0]!)) next = location(await browser.request(next), issuer);
    expect(new URL(next).searchParams.get("error")).toBe("access_denied");
  });
});
