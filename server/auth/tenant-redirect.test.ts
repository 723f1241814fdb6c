import { describe, expect, it } from "vitest";
import { tenantSignInPath } from "./tenant-redirect";

const origin = "http://localhost:3000";

describe("tenantSignInPath", () => {
  it("sends a failed citizen sign-in back to that municipality's page, keeping where they were going", () => {
    expect(tenantSignInPath({ error: "OAuthCallbackError", callbackUrl: null, callbackCookie: `${origin}/esempio/area-personale`, origin })).toBe(
      "/esempio/accedi?error=OAuthCallbackError&callbackUrl=%2Fesempio%2Farea-personale",
    );
  });

  it("sends staff errors to the back-office sign-in", () => {
    expect(tenantSignInPath({ error: "CredentialsSignin", callbackUrl: `${origin}/esempio/backoffice`, origin })).toBe("/esempio/backoffice/accedi?error=CredentialsSignin");
  });

  it("never follows another origin or a reserved path", () => {
    expect(tenantSignInPath({ error: "AccessDenied", callbackUrl: "https://evil.example/esempio", origin })).toBe("/");
    expect(tenantSignInPath({ error: null, callbackUrl: `${origin}/api/x`, origin })).toBe("/");
  });
});
