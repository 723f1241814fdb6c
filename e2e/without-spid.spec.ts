import { devices } from "@playwright/test";
import { computeFiscalCode } from "../server/auth/fiscal-code";
import { listReceivedMail } from "../server/email/mailbox";
import { DEMO, expect, expectAccessible, MAIL_DIR, pick, test } from "./fixtures";

// The emergency food voucher for someone without SPID or CIE, on a phone: confirm the email with
// a one-time link, fill the form (household members as a repeatable group), submit, and follow the
// application from the link in the email, in a browser that has no session at all.

const phone = devices["Pixel 7"];
test.use({ viewport: phone.viewport, userAgent: phone.userAgent, deviceScaleFactor: phone.deviceScaleFactor, isMobile: phone.isMobile, hasTouch: phone.hasTouch });

const FOOD = "bonus-alimentare";

async function latestMailTo(to: string, since: Date, matching: RegExp) {
  let found: Awaited<ReturnType<typeof listReceivedMail>>[number] | undefined;
  await expect
    .poll(
      async () => {
        found = (await listReceivedMail({ dir: MAIL_DIR, to })).find((m) => m.date >= new Date(since.getTime() - 1000) && matching.test(m.text));
        return !!found;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}

test("an applicant without SPID confirms their email, applies for the food voucher and follows it from the email link", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const started = new Date();
  const email = `anna.${Date.now().toString(36)}@example.it`;
  const applicantCode = computeFiscalCode({ familyName: "Verdi", givenName: "Anna", birthDate: "1980-04-12", sex: "F", placeCode: "H501" });
  const sonCode = computeFiscalCode({ familyName: "Verdi", givenName: "Paolo", birthDate: "2012-09-03", sex: "M", placeCode: "H501" });

  await page.goto(`/${DEMO.tenant}/servizi/${FOOD}`);
  await page.getByRole("link", { name: "Presenta la domanda" }).click();
  await page.getByTestId("continue-with-email").click();
  await expectAccessible(page);
  await page.getByLabel(/il tuo indirizzo email/i).fill("anna@");
  await page.getByRole("button", { name: /inviami il link/i }).click();
  await expect(page.getByLabel(/il tuo indirizzo email/i)).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel(/il tuo indirizzo email/i).fill(email);
  await page.getByRole("button", { name: /inviami il link/i }).click();
  await expect(page.getByRole("heading", { name: /controlla la/i })).toBeVisible();

  // The one-time link arrives by email; opening it asks for a confirmation (mail scanners don't use it up).
  const linkMail = await latestMailTo(email, started, /accesso-email\//);
  const link = linkMail.text.match(/https?:\/\/\S+\/accesso-email\/[A-Za-z0-9_-]+/)![0];
  await page.goto(new URL(link).pathname);
  await page.getByRole("button", { name: /conferma/i }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/servizi/${FOOD}/domanda$`));
  await page.getByRole("button", { name: "Inizia la compilazione" }).click();

  // Applicant: nothing comes from an identity, so everything is typed; the email is prefilled.
  await expect(page.getByTestId("form-steps")).toContainText("Passo 1 di 5");
  await expect(page.getByLabel(/^Email/)).toHaveValue(email);
  await page.getByLabel(/^Nome/).fill("Anna");
  await page.getByLabel(/^Cognome/).fill("Verdi");
  await page.getByLabel(/^Codice fiscale/).fill(applicantCode);
  await page.getByLabel(/^Data di nascita/).fill("1980-04-12");
  await page.getByLabel(/^Telefono/).fill("347 7654321");
  await page.getByLabel("Via/piazza e numero civico").fill("Via Roma 1");
  await page.getByLabel("CAP").fill("00100");
  await page.getByLabel("Comune", { exact: true }).fill("Esempio");
  await page.getByLabel("Provincia (sigla)").fill("rm");
  await page.getByRole("button", { name: "Salva e continua" }).click();

  // Household: one member added with the repeatable group; a wrong fiscal code is caught in place.
  await expect(page.getByTestId("form-steps")).toContainText("Passo 2 di 5");
  await pick(page, "radio", "No");
  await page.getByRole("button", { name: /aggiungi componente/i }).click();
  const member = page.getByTestId("group-item").first();
  await member.getByLabel(/^Nome/).fill("Paolo");
  await member.getByLabel(/^Cognome/).fill("Verdi");
  await member.getByLabel(/^Codice fiscale/).fill("VRDPLA12P03H501A");
  await member.getByLabel(/^Rapporto di parentela/).selectOption("figlio");
  await member.getByLabel(/^Data di nascita/).fill("2012-09-03");
  await page.getByRole("button", { name: "Salva e continua" }).click();
  await expect(member.getByTestId("field-error")).toContainText(/codice fiscale non è valido/i);
  await expect(member.getByLabel(/^Nome/)).toHaveValue("Paolo");
  await member.getByLabel(/^Codice fiscale/).fill(sonCode);
  await page.getByRole("button", { name: "Salva e continua" }).click();

  await expect(page.getByTestId("form-steps")).toContainText("Passo 3 di 5");
  await page.getByLabel(/^Valore ISEE/).fill("6.500,00");
  await page.getByLabel(/^IBAN/).fill("IT60 X054 2811 1010 0000 0123 456");
  await pick(page, "radio", "No");
  await page.getByRole("button", { name: "Salva e continua" }).click();

  await expect(page.getByTestId("form-steps")).toContainText("Passo 4 di 5");
  for (const label of [/sono residente/i, /nessun altro componente/i, /sono vere e complete/i, /ho letto l'informativa/i]) {
    await pick(page, "checkbox", label);
  }
  await page.getByRole("button", { name: "Salva e vai al riepilogo" }).click();

  await expect(page).toHaveURL(/\/riepilogo$/);
  const main = page.locator("#main-content");
  await expect(main).toContainText("Componente 1");
  await expect(main).toContainText(sonCode);
  await expect(main).toContainText("IT60");
  await expectAccessible(page);
  await page.getByTestId("submit-application").click();
  await expect(page.getByTestId("protocol-number")).toHaveText(/^ESE-\d{4}-\d{7}$/, { timeout: 30_000 });
  const protocolNumber = (await page.getByTestId("protocol-number").textContent())!;

  // The receipt email carries the follow link; it works in a browser with no session.
  const receiptMail = await latestMailTo(email, started, new RegExp(protocolNumber));
  const follow = receiptMail.text.match(/https?:\/\/\S+\/domande\/segui\/[A-Za-z0-9_-]+/)![0];
  const stranger = await browser.newContext({ locale: "it-IT", timezoneId: "Europe/Rome", baseURL: page.url() });
  const other = await stranger.newPage();
  await other.goto(new URL(follow).pathname);
  await expect(other.locator("#main-content")).toContainText(protocolNumber);
  await expect(other.locator("#main-content")).toContainText("Protocollata");
  await expectAccessible(other);
  // A made-up token shows nothing.
  const wrong = await other.goto(`/${DEMO.tenant}/domande/segui/${"x".repeat(43)}`);
  expect(wrong?.status()).toBe(404);
  await stranger.close();
});
