import { DEV_IDENTITIES } from "../server/auth/oidc-dev/identities";
import { DEMO, expect, expectAccessible, test } from "./fixtures";
import { E2E } from "./playwright.config";

const giulia = DEV_IDENTITIES.find((i) => i.given_name === "Giulia")!;

test("a citizen signs in through the local SPID/CIE provider and sees their name and fiscal code", async ({ page }) => {
  await page.goto(`/${DEMO.tenant}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Esempio");
  await expectAccessible(page);

  await page.getByRole("link", { name: /accedi all'area personale/i }).first().click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/accedi`));
  await expectAccessible(page);

  await page.getByRole("button", { name: /accedi con spid o cie/i }).click();
  // The real provider: an OpenID Connect authorization-code flow with PKCE on its own origin.
  await expect(page).toHaveURL(new RegExp(`localhost:${E2E.oidcPort}/interaction/`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("identità di prova");
  await expectAccessible(page);
  await page.getByRole("button", { name: new RegExp(giulia.fiscal_number) }).click();

  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/area-personale`));
  const main = page.locator("#main-content");
  await expect(main).toContainText(`${giulia.given_name} ${giulia.family_name}`);
  await expect(main).toContainText(giulia.fiscal_number);
  await expectAccessible(page);

  // Signing out ends the session: the personal area asks to sign in again.
  await page.getByRole("button", { name: /^esci$/i }).first().click();
  await expect(page.getByRole("link", { name: /accedi all'area personale/i }).first()).toBeVisible();
  await page.goto(`/${DEMO.tenant}/area-personale`);
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/accedi`));
});

test("the personal area is closed to visitors who have not signed in", async ({ page }) => {
  await page.goto(`/${DEMO.tenant}/area-personale`);
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/accedi\\?callbackUrl=`));
  await expect(page.getByRole("button", { name: /accedi con spid o cie/i })).toBeVisible();
});
