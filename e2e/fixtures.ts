import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import { E2E } from "./playwright.config";

// Fixtures shared by the e2e suite: an accessibility check to call on every page a test visits,
// and the demo accounts the e2e server was seeded with.

export const STAFF_PASSWORD = process.env.E2E_STAFF_PASSWORD ?? "";
export const DEMO = {
  tenant: "esempio",
  otherTenant: "borgoverde",
  admin: "admin@esempio.sportello.localhost",
  operator: "operatore@esempio.sportello.localhost",
  otherAdmin: "admin@borgoverde.sportello.localhost",
};
export const MAIL_DIR = `${E2E.dataDir}/mail`;

/** Fails on any serious or critical WCAG 2.1 A/AA violation of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  // Next streams a page's metadata: after a refresh the title may arrive a moment after the body.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n  ")}`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

export async function signInStaff(page: Page, email: string, password = STAFF_PASSWORD, tenant = DEMO.tenant) {
  await page.goto(`/${tenant}/backoffice/accedi`);
  await page.getByRole("textbox", { name: /email/i }).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /accedi/i }).click();
}

export const test = base;
export { expect };

type TScope = Pick<Page, "getByRole" | "locator">;

/**
 * Picks a radio button or ticks a checkbox the way a person does: by its label. Bootstrap Italia
 * draws its own control over a visually hidden input, so the label is what is on screen.
 */
export async function pick(scope: TScope, role: "radio" | "checkbox", name: string | RegExp) {
  const input = scope.getByRole(role, typeof name === "string" ? { name, exact: true } : { name });
  // Disabled until the form has hydrated: a click on the label before would be lost.
  await expect(input).toBeEnabled();
  const id = await input.getAttribute("id");
  await scope.locator(`label[for="${id}"]`).click();
  await expect(input).toBeChecked();
}
