import { DEMO, expect, expectAccessible, test } from "./fixtures";

test("the platform home lists the municipalities", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: /Comune di Esempio/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Comune di Borgoverde/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /Comune di Esempio/ }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}$`));
});

test("an unknown municipality gets a proper 404 page", async ({ page }) => {
  const response = await page.goto("/comune-che-non-esiste");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/pagina non trovata/i);
  await expectAccessible(page);
});

test("pages carry the security headers", async ({ page }) => {
  const response = await page.goto(`/${DEMO.tenant}`);
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["content-security-policy"]).toMatch(/script-src [^;]*'nonce-/);
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Served over plain http here: no HSTS (it is sent only on HTTPS).
  expect(headers["strict-transport-security"]).toBeUndefined();
});

test("skip links come first and move focus to the main content", async ({ page }) => {
  await page.goto(`/${DEMO.tenant}`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: /vai al contenuto principale/i });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);
});
