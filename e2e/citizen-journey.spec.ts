import { devices, type Browser, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { computeFiscalCode } from "../server/auth/fiscal-code";
import { DEV_IDENTITIES } from "../server/auth/oidc-dev/identities";
import { listReceivedMail } from "../server/email/mailbox";
import { DEMO, expect, expectAccessible, MAIL_DIR, pick, test } from "./fixtures";
import { E2E } from "./playwright.config";

// The heart of the product on a phone: a citizen starts the nursery application, leaves it
// half-way, resumes it on another device, sees the summary, submits, gets the protocol number
// without reloading, reads the receipt PDF, finds the email and follows the timeline.

const phone = devices["Pixel 7"];
test.use({ viewport: phone.viewport, userAgent: phone.userAgent, deviceScaleFactor: phone.deviceScaleFactor, isMobile: phone.isMobile, hasTouch: phone.hasTouch });

const mario = DEV_IDENTITIES.find((i) => i.given_name === "Mario")!;
const NURSERY = "iscrizione-nido";

// The smallest well-formed PDF: one empty page.
const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

function isoDaysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function signInAs(page: Page, fiscalCode: string) {
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/accedi`));
  await page.getByRole("button", { name: /accedi con spid o cie/i }).click();
  await expect(page).toHaveURL(new RegExp(`localhost:${E2E.oidcPort}/interaction/`));
  await page.getByRole("button", { name: new RegExp(fiscalCode) }).click();
}

async function newPhone(browser: Browser) {
  const context = await browser.newContext({ ...phone, locale: "it-IT", timezoneId: "Europe/Rome", baseURL: `http://localhost:${E2E.port}` });
  return context.newPage();
}

test("a citizen applies for a nursery place on a phone: draft, resume elsewhere, summary, submission, receipt, email, timeline", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const started = new Date();
  const childName = `Luca${Date.now().toString(36).slice(-4).replace(/[0-9]/g, "a")}`;
  const childBirth = isoDaysAgo(400);
  const childCode = computeFiscalCode({ familyName: "Rossi", givenName: childName, birthDate: childBirth, sex: "M", placeCode: "H501" });

  // From the service card to the start page, signing in with the local SPID/CIE provider.
  await page.goto(`/${DEMO.tenant}/servizi/${NURSERY}`);
  await page.getByRole("link", { name: "Presenta la domanda" }).click();
  await page.getByRole("link", { name: /accedi per fare domanda/i }).click();
  await signInAs(page, mario.fiscal_number);
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/servizi/${NURSERY}/domanda$`));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Inizia la compilazione" }).click();

  // Step 1: identity data prefilled and locked; contacts prefilled but editable.
  await expect(page.getByTestId("form-steps")).toContainText("Passo 1 di 5");
  await expect(page.getByLabel(/^Nome/)).toHaveValue(mario.given_name);
  await expect(page.getByLabel(/^Nome/)).toHaveAttribute("readonly", "");
  await expect(page.getByLabel(/^Codice fiscale/)).toHaveValue(mario.fiscal_number);
  await expect(page.getByLabel(/^Email/)).toHaveValue(mario.email);
  await expect(page.getByLabel("Via/piazza e numero civico")).toHaveValue(mario.address.street_address);
  await expectAccessible(page);
  await page.getByLabel(/^Telefono/).fill("12");
  await page.getByRole("button", { name: "Salva e continua" }).click();
  // A wrong value: the message next to the field and in the announced summary; nothing is lost.
  await expect(page.getByTestId("error-summary")).toContainText("numero di telefono non è valido");
  await expect(page.getByLabel(/^Telefono/)).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel(/^Telefono/).fill("333 1234567");
  await page.getByRole("button", { name: "Salva e continua" }).click();

  // Step 2: the child. The certificate field only shows when there is a disability.
  await expect(page.getByTestId("form-steps")).toContainText("Passo 2 di 5");
  await expect(page.getByRole("heading", { level: 2, name: /dati del bambino/i })).toBeFocused();
  await page.getByLabel(/^Nome/).fill(childName);
  await page.getByLabel(/^Cognome/).fill("Rossi");
  await page.getByLabel(/^Codice fiscale/).fill(childCode.toLowerCase());
  await page.getByLabel(/^Data di nascita/).fill(childBirth);
  await expect(page.getByText("Certificazione della disabilità")).toHaveCount(0);
  await pick(page, "radio", "Sì");
  await expect(page.getByText("Certificazione della disabilità").first()).toBeVisible();

  // Uploads are judged by content: a text file named .pdf is refused with a clear message and
  // nothing else on the page is lost; a real PDF is accepted and listed.
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: "verbale.pdf", mimeType: "application/pdf", buffer: Buffer.from("non sono un PDF") });
  await expect(page.getByTestId("upload-error")).toContainText("non è di un tipo accettato");
  await expect(page.getByLabel(/^Nome/)).toHaveValue(childName);
  await fileInput.setInputFiles({ name: "verbale-104.pdf", mimeType: "application/pdf", buffer: MINIMAL_PDF });
  // Uploaded (not just uploading): the file has become a link to open it.
  await expect(page.getByRole("list", { name: /certificazione della disabilità/i }).getByRole("link", { name: /verbale-104\.pdf/ })).toBeVisible();
  await expect(page.getByTestId("save-status")).toContainText(/bozza salvata/i);
  await page.getByRole("button", { name: "Salva e continua" }).click();
  await expect(page.getByTestId("form-steps")).toContainText("Passo 3 di 5");
  await expectAccessible(page);

  // The citizen puts the phone down and carries on from another device.
  await page.context().close();
  const other = await newPhone(browser);
  await other.goto(`/${DEMO.tenant}/servizi/${NURSERY}/domanda`);
  await other.getByRole("link", { name: /accedi per fare domanda/i }).click();
  await signInAs(other, mario.fiscal_number);
  await other.getByTestId("resume-draft").first().click();
  await expect(other.getByTestId("form-steps")).toContainText("Passo 3 di 5");
  await other.getByLabel(/^Nido preferito/).selectOption({ label: "Nido «Arcobaleno» – piazza Garibaldi 3" });
  await pick(other, "radio", /part-time/i);
  await other.getByRole("button", { name: "Salva e continua" }).click();
  await expect(other.getByTestId("form-steps")).toContainText("Passo 4 di 5");
  await pick(other, "radio", "Occupato o occupata");
  await pick(other, "radio", "No");
  await pick(other, "checkbox", /ho letto l'informativa/i);
  await other.getByRole("button", { name: "Salva e vai al riepilogo" }).click();

  // Summary: everything typed on both devices, with "change" links to each step.
  await expect(other).toHaveURL(/\/riepilogo$/);
  await expect(other.getByTestId("form-steps")).toContainText("Passo 5 di 5");
  const main = other.locator("#main-content");
  await expect(main).toContainText(childName);
  await expect(main).toContainText(childCode);
  await expect(main).toContainText("3331234567");
  await expect(main).toContainText("Nido «Arcobaleno»");
  await expect(main).toContainText("verbale-104.pdf");
  await expect(other.getByTestId("change-bambino")).toHaveAttribute("href", /\?passo=bambino$/);
  await expectAccessible(other);

  // Submit: a double tap still makes one application; the protocol number appears by itself.
  await other.getByTestId("submit-application").dblclick();
  await expect(other).toHaveURL(/\/inviata$/);
  await expect(other.getByTestId("protocol-number")).toHaveText(/^ESE-\d{4}-\d{7}$/, { timeout: 30_000 });
  const protocolNumber = (await other.getByTestId("protocol-number").textContent())!;
  await expectAccessible(other);

  // The receipt PDF: its text names the protocol number and the child.
  await expect(other.getByTestId("receipt-link")).toBeVisible();
  const receipt = await other.request.get((await other.getByTestId("receipt-link").getAttribute("href"))!);
  expect(receipt.headers()["content-type"]).toBe("application/pdf");
  const pdf = await getDocumentProxy(new Uint8Array(await receipt.body()));
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain(protocolNumber);
  expect(text).toContain(childName);

  // The email with the receipt reached the citizen's address.
  await expect
    .poll(async () => (await listReceivedMail({ dir: MAIL_DIR, to: mario.email })).filter((m) => m.date >= new Date(started.getTime() - 1000) && m.text.includes(protocolNumber)).length, {
      timeout: 30_000,
    })
    .toBe(1);

  // The application in the personal area: status and timeline in plain Italian.
  await other.getByRole("link", { name: /vai alla domanda nell'area personale/i }).click();
  await expect(other.locator("#main-content")).toContainText(protocolNumber);
  const timeline = other.getByRole("region", { name: "Cosa è successo finora" }).getByRole("list");
  await expect(timeline).toContainText("Inviata");
  await expect(timeline).toContainText("Protocollata");
  await expectAccessible(other);

  // The notice of registration is also in the area's messages, unread until opened.
  await other.goto(`/${DEMO.tenant}/area-personale/messaggi`);
  const notice = other.getByRole("button", { name: /domanda protocollata/i }).first();
  await expect(notice).toContainText("Non letto");
  await notice.click();
  await expect(other.locator("#main-content")).toContainText(protocolNumber);
  await expect(other.getByRole("button", { name: /domanda protocollata/i }).first()).not.toContainText("Non letto");
  await expectAccessible(other);
});
