import { randomUUID } from "node:crypto";
import { Auth } from "@auth/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { upsertCitizenFromClaims } from "./citizen-sign-in";
import { authConfig } from "./config";
import { findDevIdentityByFiscalCode } from "./oidc-dev/identities";
import { startDevOidcProvider, type TDevOidcProvider } from "./oidc-dev/server";
import { TestBrowser, freePort } from "./oidc-dev/test-browser";
import { DEV_OIDC_CLIENT_SECRET } from "./spid-provider";
import type { TSessionIdentity } from "./types";

// A citizen signs in end to end: Auth.js with the app's own configuration (provider "spid")
// against the local OIDC provider, through real redirects, PKCE, state and nonce; the citizen is
// stored and the session names them.

const APP = "http://localhost:4998";

describe("citizen sign-in through SPID/CIE (OIDC)", () => {
  let provider: TDevOidcProvider;
  let browser: TestBrowser;

  beforeAll(async () => {
    const port = await freePort();
    provider = await startDevOidcProvider({
      port,
      issuer: `http://localhost:${port}`,
      clients: [{ client_id: "sportello", client_secret: DEV_OIDC_CLIENT_SECRET, redirect_uris: [`${APP}/api/auth/callback/spid`] }],
      keysFile: null,
    });
    const oidc = { issuer: provider.issuer, clientId: "sportello", clientSecret: DEV_OIDC_CLIENT_SECRET, local: true };
    const config = { ...authConfig({ oidc }), basePath: "/api/auth" };
    browser = new TestBrowser({ [APP]: (request) => Auth(request, config) });
  });
  afterAll(async () => {
    await provider?.close();
  });

  async function signInAs(fiscalCode: string, callbackUrl: string) {
    const identity = findDevIdentityByFiscalCode(fiscalCode)!;
    const { csrfToken } = (await (await browser.request(`${APP}/api/auth/csrf`)).json()) as { csrfToken: string };
    const start = await browser.request(`${APP}/api/auth/signin/spid`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl }),
    });
    const authorizeUrl = new URL(TestBrowser.location(start, APP));
    expect(authorizeUrl.origin).toBe(provider.issuer);
    expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizeUrl.searchParams.get("scope")).toBe("openid profile email address phone");
    expect(authorizeUrl.searchParams.get("nonce")).toBeTruthy();

    let next = TestBrowser.location(await browser.request(authorizeUrl.toString()), provider.issuer);
    const page = await browser.request(next);
    const action = /<form method="post" action="([^"]+)"/.exec(await page.text())![1]!;
    next = TestBrowser.location(
      await browser.request(new URL(action, provider.issuer).toString(), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ sub: identity.sub }),
      }),
      provider.issuer,
    );
    while (!next.startsWith(`${APP}/api/auth/callback/spid`)) next = TestBrowser.location(await browser.request(next), provider.issuer);
    // The app's callback exchanges the code and sets the session cookie.
    return TestBrowser.location(await browser.request(next), APP);
  }

  async function session() {
    return (await (await browser.request(`${APP}/api/auth/session`)).json()) as { identity?: TSessionIdentity; user?: { name?: string } } | null;
  }

  it("stores the citizen from the identity's claims and opens a session naming them", async () => {
    const landing = await signInAs("BNCGLI92C64F205Y", `${APP}/esempio/area-personale`);
    expect(landing).toBe(`${APP}/esempio/area-personale`);

    const citizen = await (await db()).citizen.findUniqueOrThrow({ where: { fiscalCode: "BNCGLI92C64F205Y" } });
    expect(citizen).toMatchObject({
      givenName: "Giulia",
      familyName: "Bianchi",
      email: "giulia.bianchi@example.com",
      spidLevel: 2,
      domicile: { street: "Corso Buenos Aires 45", postalCode: "20124", city: "Milano", province: "MI", country: "IT" },
    });
    expect(citizen.birthDate?.toISOString().slice(0, 10)).toBe("1992-03-24");
    expect(citizen.lastLoginAt).not.toBeNull();

    expect((await session())?.identity).toEqual({ kind: "citizen", citizenId: citizen.id, fiscalCode: "BNCGLI92C64F205Y", name: "Giulia Bianchi" });
  });

  it("signs the same citizen in again without duplicating them, and records the CIE level", async () => {
    await signInAs("SPSGPP58L02F839L", `${APP}/esempio`);
    const first = await (await db()).citizen.findUniqueOrThrow({ where: { fiscalCode: "SPSGPP58L02F839L" } });
    await signInAs("SPSGPP58L02F839L", `${APP}/esempio`);
    const again = await (await db()).citizen.findUniqueOrThrow({ where: { fiscalCode: "SPSGPP58L02F839L" } });
    expect(again.id).toBe(first.id);
    expect(again.spidLevel).toBe(3);
    expect(again.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(first.lastLoginAt!.getTime());
    expect((await session())?.identity).toMatchObject({ kind: "citizen", citizenId: first.id });
  });
});

describe("the email of a citizen signing in", () => {
  const claims = (fiscalCode: string, email: string | null) => ({
    fiscalCode,
    givenName: "Anna",
    familyName: "Verdi",
    birthDate: null,
    email,
    domicile: null,
    spidLevel: 2,
  });
  const fiscalCode = () => `VRDNNA${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;

  it("counts the identity's email as verified, and re-verifies it when the identity gives another", async () => {
    const cf = fiscalCode();
    const first = await upsertCitizenFromClaims(claims(cf, "anna@example.test"));
    expect(first.email).toBe("anna@example.test");
    expect(first.emailVerifiedAt).not.toBeNull();

    const again = await upsertCitizenFromClaims(claims(cf, "anna@example.test"));
    expect(again.emailVerifiedAt).toEqual(first.emailVerifiedAt);

    const changed = await upsertCitizenFromClaims(claims(cf, "anna.verdi@example.test"));
    expect(changed.email).toBe("anna.verdi@example.test");
    expect(changed.emailVerifiedAt!.getTime()).toBeGreaterThanOrEqual(first.emailVerifiedAt!.getTime());

    // An identity without email leaves the stored one.
    expect((await upsertCitizenFromClaims(claims(cf, null))).email).toBe("anna.verdi@example.test");
  });

  it("keeps an address the citizen confirmed in their profile over the identity's", async () => {
    const cf = fiscalCode();
    const citizen = await upsertCitizenFromClaims(claims(cf, "anna@example.test"));
    const prisma = await db();
    const chosenAt = new Date();
    await prisma.contactVerification.create({
      data: { citizenId: citizen.id, channel: "EMAIL", value: "anna.casa@example.test", codeHash: "x", expiresAt: chosenAt, consumedAt: chosenAt },
    });
    await prisma.citizen.update({ where: { id: citizen.id }, data: { email: "anna.casa@example.test", emailVerifiedAt: chosenAt } });

    const after = await upsertCitizenFromClaims(claims(cf, "anna@example.test"));
    expect(after).toMatchObject({ email: "anna.casa@example.test", emailVerifiedAt: chosenAt });
  });
});
