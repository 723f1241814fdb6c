import { listReceivedMail } from "../server/email/mailbox";
import { DEMO, expect, expectAccessible, MAIL_DIR, signInStaff, test } from "./fixtures";

test("an email sent by a job arrives in the SMTP sink and shows as delivered", async ({ page }) => {
  const before = new Date();
  await signInStaff(page, DEMO.admin);
  await page.getByRole("link", { name: /impostazioni/i }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/impostazioni/i);
  await expectAccessible(page);

  await page.getByRole("button", { name: /invia email di prova/i }).click();
  await expect(page.getByRole("status")).toContainText(DEMO.admin);

  // Delivered by the email.send job through SMTP into the sink's folder.
  await expect
    .poll(async () => (await listReceivedMail({ dir: MAIL_DIR, to: DEMO.admin })).filter((m) => m.date >= new Date(before.getTime() - 1000)).length, {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  const [mail] = await listReceivedMail({ dir: MAIL_DIR, to: DEMO.admin, limit: 1 });
  expect(mail!.subject).toMatch(/prova/i);
  expect(mail!.subject).toContain("Comune di Esempio");
  expect(mail!.text).toMatch(/Comune di Esempio/);

  // The administrator sees the delivery state; the mail is readable on the sink's page too.
  await page.reload();
  await expect(page.getByRole("table")).toContainText(/consegnata al server di posta/i);
  await page.goto("/dev/mail");
  await expect(page.getByRole("link", { name: new RegExp(mail!.subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first()).toBeVisible();
  await expectAccessible(page);
});

test("an operator has no settings page", async ({ page }) => {
  await signInStaff(page, DEMO.operator);
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/backoffice$`));
  await expect(page.getByRole("link", { name: /impostazioni/i })).toHaveCount(0);
  const response = await page.goto(`/${DEMO.tenant}/backoffice/impostazioni`);
  expect(response?.status()).toBe(404);
  await expectAccessible(page);
});
