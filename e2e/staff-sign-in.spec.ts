import { DEMO, expect, expectAccessible, signInStaff, STAFF_PASSWORD, test } from "./fixtures";

test("a staff member signs in with a password and reaches the back office", async ({ page }) => {
  await page.goto(`/${DEMO.tenant}/backoffice/accedi`);
  await expectAccessible(page);
  await signInStaff(page, DEMO.operator);
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/backoffice$`));
  await expect(page.locator("#main-content")).toContainText(/operatore/i);
  await expectAccessible(page);
});

test("a wrong password shows an error that does not reveal whether the account exists", async ({ page }) => {
  await signInStaff(page, DEMO.operator, `${STAFF_PASSWORD}-wrong`);
  const error = page.getByText(/email o password non corretti/i);
  await expect(error).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/backoffice/accedi`));
  await expectAccessible(page);

  await signInStaff(page, "nobody@esempio.sportello.localhost", "whatever-password");
  await expect(page.getByText(/email o password non corretti/i)).toBeVisible();
});

test("staff of one municipality cannot open another municipality's back office", async ({ page }) => {
  await signInStaff(page, DEMO.admin);
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/backoffice$`));
  const response = await page.goto(`/${DEMO.otherTenant}/backoffice`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/pagina non trovata/i);
  await expectAccessible(page);
});
