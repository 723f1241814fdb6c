import { DEV_IDENTITIES } from "../server/auth/oidc-dev/identities";
import { listReceivedMail } from "../server/email/mailbox";
import { DEMO, expect, expectAccessible, MAIL_DIR, test } from "./fixtures";
import { E2E } from "./playwright.config";

// The personal area beyond applications: changing the contact email with a code sent to the new
// address, and the "my data" export.

const giuseppe = DEV_IDENTITIES.find((i) => i.given_name === "Giuseppe")!;

test("a citizen changes their email with a code and downloads everything the municipality holds about them", async ({ page }) => {
  const started = new Date();
  const newEmail = `giuseppe.${Date.now().toString(36)}@example.it`;
  await page.goto(`/${DEMO.tenant}/area-personale/profilo`);
  await page.getByRole("button", { name: /accedi con spid o cie/i }).click();
  await expect(page).toHaveURL(new RegExp(`localhost:${E2E.oidcPort}/interaction/`));
  await page.getByRole("button", { name: new RegExp(giuseppe.fiscal_number) }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/area-personale/profilo`));
  await expect(page.locator("#main-content")).toContainText(giuseppe.fiscal_number);
  await expectAccessible(page);

  await page.getByRole("button", { name: /cambia email/i }).click();
  await page.getByLabel("Nuovo indirizzo email").fill(newEmail);
  await page.getByRole("button", { name: "Invia il codice" }).click();
  await expect(page.locator("#main-content")).toContainText(`Ti abbiamo inviato un codice a ${newEmail}`);

  let code = "";
  await expect
    .poll(
      async () => {
        const mail = (await listReceivedMail({ dir: MAIL_DIR, to: newEmail })).find((m) => m.date >= new Date(started.getTime() - 1000));
        code = mail?.text.match(/\b(\d{6})\b/)?.[1] ?? "";
        return code;
      },
      { timeout: 30_000 },
    )
    .toMatch(/^\d{6}$/);

  // A wrong code is refused in place; the right one confirms the new address.
  const wrong = code === "000000" ? "111111" : "000000";
  await page.getByLabel(/codice ricevuto/i).fill(wrong);
  await page.getByRole("button", { name: "Conferma" }).click();
  await expect(page.getByLabel(/codice ricevuto/i)).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel(/codice ricevuto/i).fill(code);
  await page.getByRole("button", { name: "Conferma" }).click();
  await expect(page.locator("#main-content")).toContainText(`Fatto: ${newEmail} è il tuo nuovo indirizzo email.`);
  await page.reload();
  await expect(page.locator("#main-content")).toContainText(newEmail);

  // "My data": a JSON download with the profile as the municipality holds it.
  await page.goto(`/${DEMO.tenant}/area-personale/i-miei-dati`);
  await expectAccessible(page);
  const download = await page.request.get(`/${DEMO.tenant}/area-personale/i-miei-dati/download`);
  expect(download.headers()["content-disposition"]).toMatch(/attachment; filename="i-miei-dati-esempio-/);
  const data = JSON.stringify(await download.json());
  expect(data).toContain(giuseppe.fiscal_number);
  expect(data).toContain(newEmail);
});
