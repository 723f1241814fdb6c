import type { Browser, Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { DEV_IDENTITIES } from "../server/auth/oidc-dev/identities";
import { listReceivedMail } from "../server/email/mailbox";
import { DEMO, expect, expectAccessible, MAIL_DIR, pick, signInStaff, test } from "./fixtures";
import { E2E } from "./playwright.config";

// An operator's day with one application, in two browsers at once: the citizen applies for a
// disabled parking permit; the operator takes it in charge and writes; the citizen reads and
// replies with a PDF; the operator asks for a document; the citizen sends it; the operator
// accepts; the citizen downloads the outcome document and follows the timeline. Internal notes
// never reach the citizen: not on the page, not through the API, not by email.

const giulia = DEV_IDENTITIES.find((i) => i.given_name === "Giulia")!;
const PERMIT = "contrassegno-disabili";

// The smallest well-formed PDF: one empty page.
const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const pdfFile = (name: string) => ({ name, mimeType: "application/pdf", buffer: MINIMAL_PDF });

async function newDesktop(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "it-IT", timezoneId: "Europe/Rome", baseURL: `http://localhost:${E2E.port}` });
  return context.newPage();
}

/** The citizen signs in with the local SPID/CIE provider and submits the parking permit form. */
async function submitPermit(page: Page): Promise<string> {
  await page.goto(`/${DEMO.tenant}/servizi/${PERMIT}/domanda`);
  await page.getByRole("link", { name: /accedi per fare domanda/i }).click();
  await page.getByRole("button", { name: /accedi con spid o cie/i }).click();
  await expect(page).toHaveURL(new RegExp(`localhost:${E2E.oidcPort}/interaction/`));
  await page.getByRole("button", { name: new RegExp(giulia.fiscal_number) }).click();
  await page.getByRole("button", { name: "Inizia la compilazione" }).click();

  await expect(page.getByTestId("form-steps")).toContainText("Passo 1 di");
  await page.getByLabel(/^Telefono/).fill("347 9876543");
  await pick(page, "radio", "Per me");
  await page.getByRole("button", { name: "Salva e continua" }).click();

  // The certificate is still uploading (held back for a second) when the citizen moves on: the
  // form waits for it rather than calling it missing.
  await expect(page.getByRole("heading", { level: 2, name: /certificato e veicolo/i })).toBeFocused();
  await page.route("**/attachments", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.locator('input[type="file"]').setInputFiles(pdfFile("certificato-asl.pdf"));
  await page.getByRole("button", { name: "Salva e continua" }).click();
  await expect(page.getByTestId("error-summary")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: /consegna/i })).toBeFocused();
  await page.unroute("**/attachments");

  await pick(page, "radio", /ritiro allo sportello/i);
  await pick(page, "checkbox", /ho letto l'informativa/i);
  await page.getByRole("button", { name: "Salva e vai al riepilogo" }).click();
  await expect(page).toHaveURL(/\/riepilogo$/);
  await expect(page.locator("#main-content")).toContainText("certificato-asl.pdf");
  await page.getByTestId("submit-application").click();
  await expect(page.getByTestId("protocol-number")).toHaveText(/^ESE-\d{4}-\d{7}$/, { timeout: 30_000 });
  return (await page.getByTestId("protocol-number").textContent())!;
}

/** The badge of the application's status on the page shows `code`. */
async function expectStatus(page: Page, code: number) {
  await expect(page.locator("#main-content [data-status]").first()).toHaveAttribute("data-status", String(code));
}

function isoDaysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function mailTextsTo(to: string, since: Date): Promise<string[]> {
  const mails = await listReceivedMail({ dir: MAIL_DIR, to });
  return mails.filter((m) => m.date >= new Date(since.getTime() - 1000)).map((m) => `${m.subject}\n${m.text}\n${m.html ?? ""}`);
}

test("operator and citizen work one application to its outcome; internal notes never reach the citizen", async ({ browser }) => {
  test.setTimeout(300_000);
  const started = new Date();
  const note = `NOTA-INTERNA-${Date.now().toString(36)}`;
  const citizen = await newDesktop(browser);
  const protocolNumber = await submitPermit(citizen);

  // The operator finds it in the inbox by protocol number and takes it in charge.
  const operator = await newDesktop(browser);
  await signInStaff(operator, DEMO.operator);
  await expect(operator).toHaveURL(new RegExp(`/${DEMO.tenant}/backoffice$`));
  // The inbox as it opens (the demo data has an overdue application, marked in words).
  await operator.goto(`/${DEMO.tenant}/backoffice/domande`);
  await expect(operator.locator("tr[data-overdue]").first()).toContainText("Scaduta");
  await expectAccessible(operator);
  await operator.goto(`/${DEMO.tenant}/backoffice/domande?q=${encodeURIComponent(protocolNumber)}`);
  await operator.getByRole("link", { name: protocolNumber }).click();
  await expect(operator.locator("#main-content")).toContainText("certificato-asl.pdf");
  const applicationId = operator.url().split("/").pop()!;
  await expectStatus(operator, 3000);
  await operator.getByRole("button", { name: "Prendi in carico" }).click();
  await expect(operator.getByText("Hai in carico questa pratica.")).toBeVisible();
  await expectStatus(operator, 4000);
  await expectAccessible(operator);

  // A message to the citizen goes through a confirmation step; an internal note does not.
  const composer = operator.getByTestId("staff-composer");
  await pick(composer, "radio", "Messaggio al cittadino");
  await composer.getByLabel("Testo del messaggio").fill("Buongiorno, per completare la pratica ci serve sapere se ha già un contrassegno scaduto.");
  await composer.getByRole("button", { name: /invia al cittadino/i }).click();
  await expect(operator.getByTestId("composer-confirm")).toContainText("Giulia Bianchi");
  await operator.getByRole("button", { name: "Sì, invia" }).click();
  const thread = operator.getByTestId("thread");
  await expect(thread).toContainText("contrassegno scaduto");
  await pick(composer, "radio", "Nota interna");
  await composer.getByLabel("Testo della nota").fill(`${note}: verificare con la Polizia Locale il vecchio contrassegno.`);
  await composer.getByRole("button", { name: "Salva la nota" }).click();
  await expect(thread.locator('[data-internal="true"]')).toContainText(note);
  await expect(thread.locator('[data-internal="true"]')).toContainText("Nota interna — non visibile al cittadino");

  // The citizen reads the message in the area and replies with a PDF. The note is nowhere.
  const mine = `/${DEMO.tenant}/area-personale/domande/${applicationId}`;
  await citizen.goto(mine);
  const area = citizen.locator("#main-content");
  await expect(area).toContainText("contrassegno scaduto");
  await expect(area).not.toContainText(note);
  const reply = citizen.getByTestId("reply-form");
  await reply.getByLabel("Il tuo messaggio").fill("Sì, il vecchio contrassegno è scaduto a marzo: allego la copia.");
  await reply.locator('input[type="file"]').setInputFiles(pdfFile("vecchio-contrassegno.pdf"));
  await expect(reply.getByRole("link", { name: /vecchio-contrassegno\.pdf/ })).toBeVisible();
  await reply.getByRole("button", { name: "Invia il messaggio" }).click();
  await expect(citizen.getByText("Messaggio inviato.", { exact: false })).toBeVisible();
  await expectAccessible(citizen);

  // The operator got an email about the reply, and sees it (with its file) as new.
  await expect.poll(async () => (await mailTextsTo(DEMO.operator, started)).length, { timeout: 30_000 }).toBeGreaterThan(0);
  await operator.goto(`/${DEMO.tenant}/backoffice/domande?q=${encodeURIComponent(protocolNumber)}`);
  await expect(operator.getByRole("table")).toContainText(/1 nuovo messaggio/);
  await operator.getByRole("link", { name: protocolNumber }).click();
  await expect(thread).toContainText("scaduto a marzo");
  await expect(thread.getByRole("link", { name: /vecchio-contrassegno\.pdf/ })).toBeVisible();

  // A request for integration: message, one document, a deadline.
  await operator.getByTestId("open-integration-form").click();
  const request = operator.getByTestId("integration-form");
  await request.getByLabel("Che cosa serve e perché").fill("Ci serve la copia del documento d'identità, fronte e retro.");
  await request.getByLabel("Documento 1").fill("Documento d'identità");
  await request.getByLabel("Da inviare entro il").fill(isoDaysFromNow(14));
  await request.getByRole("button", { name: "Invia la richiesta" }).click();
  await expectStatus(operator, 4100);

  // The citizen sees the task and answers it with the file.
  await citizen.goto(mine);
  const task = citizen.getByTestId("integration-task");
  await expect(task).toContainText("Documento d'identità");
  const answer = citizen.getByTestId("integration-answer-form");
  await answer.locator('input[type="file"]').first().setInputFiles(pdfFile("carta-identita.pdf"));
  await expect(answer.getByRole("link", { name: /carta-identita\.pdf/ })).toBeVisible();
  await answer.getByRole("button", { name: "Invia l'integrazione" }).click();
  await expect(citizen.getByText(/integrazione inviata/i).first()).toBeVisible();
  await expectStatus(citizen, 4300);
  await expectAccessible(citizen);

  // The operator resumes and accepts; the outcome document is issued by a job.
  await operator.reload();
  await expect(operator.getByTestId("integration-answer")).toContainText("carta-identita.pdf");
  await operator.getByRole("button", { name: "Riprendi la pratica" }).click();
  await expectStatus(operator, 4500);
  await operator.getByRole("button", { name: "Accogli la domanda" }).click();
  await operator.getByRole("button", { name: "Conferma l'accoglimento" }).click();
  await expect
    .poll(
      async () => {
        await operator.reload();
        return operator.locator("#main-content [data-status]").first().getAttribute("data-status");
      },
      { timeout: 60_000 },
    )
    .toBe("7000");

  // The citizen downloads the outcome document and follows the timeline, and sees which office
  // role opened the application (never a name).
  await citizen.goto(mine);
  await expect(citizen.getByRole("region", { name: "Cosa è successo finora" })).toContainText("Accolta");
  await citizen.getByText(/mostra \d+ accessi/i).click();
  await expect(citizen.getByTestId("access-log")).toContainText("Operatore ha consultato la domanda");
  await expect(citizen.getByTestId("access-log")).not.toContainText("Marco Rossi");
  await citizen.goto(`/${DEMO.tenant}/area-personale/documenti`);
  const outcome = citizen.getByRole("listitem").filter({ hasText: `Esito della domanda ${protocolNumber}` });
  const href = (await outcome.getByRole("link", { name: /scarica/i }).getAttribute("href"))!;
  const download = await citizen.request.get(href);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await download.body())), { mergePages: true });
  expect(text).toContain(protocolNumber);
  expect(text).toContain("Domanda accolta");
  await expectAccessible(citizen);

  // The internal note reached the citizen nowhere: pages, the personal data download, emails.
  for (const path of [mine, `/${DEMO.tenant}/area-personale/messaggi`, `/${DEMO.tenant}/area-personale`]) {
    await citizen.goto(path);
    await expect(citizen.locator("body")).not.toContainText(note);
  }
  const myData = await citizen.request.get(`/${DEMO.tenant}/area-personale/i-miei-dati/download`);
  expect(myData.ok()).toBe(true);
  const exported = await myData.text();
  expect(exported).toContain("contrassegno scaduto");
  expect(exported).not.toContain(note);
  const toGiulia = await mailTextsTo(giulia.email, started);
  expect(toGiulia.length).toBeGreaterThan(3);
  for (const mail of toGiulia) expect(mail).not.toContain(note);

  // The operator's dossier of the citizen lists the application and marks the note as internal.
  await operator.getByRole("link", { name: /apri il fascicolo del cittadino/i }).click();
  await expect(operator.locator("#main-content")).toContainText(protocolNumber);
  await expect(operator.locator("#main-content")).toContainText(note);
  await expectAccessible(operator);
  await operator.goBack();

  // Another municipality's administrator: 404 on the page, the files and the API.
  const stranger = await newDesktop(browser);
  await signInStaff(stranger, DEMO.otherAdmin, undefined, DEMO.otherTenant);
  await expect(stranger).toHaveURL(new RegExp(`/${DEMO.otherTenant}/backoffice$`));
  const page404 = await stranger.goto(`/${DEMO.otherTenant}/backoffice/domande/${applicationId}`);
  expect(page404?.status()).toBe(404);
  await expect(stranger.locator("#main-content")).not.toContainText(protocolNumber);
  const fileHref = (await operator.getByRole("link", { name: "carta-identita.pdf" }).first().getAttribute("href"))!;
  const attachmentId = fileHref.split("/").pop()!.split("?")[0]!;
  for (const slug of [DEMO.otherTenant, DEMO.tenant]) {
    expect((await stranger.request.get(`/api/${slug}/attachments/${attachmentId}`)).status()).toBe(404);
  }
  const apiStatus = await stranger.evaluate(
    async ({ id, tenant }) =>
      (
        await fetch("/api/trpc/work.takeInCharge", {
          method: "POST",
          headers: { "content-type": "application/json", "x-sportello-tenant": tenant },
          body: JSON.stringify({ json: { applicationId: id, expectedVersion: 0 } }),
        })
      ).status,
    { id: applicationId, tenant: DEMO.otherTenant },
  );
  expect(apiStatus).toBe(404);

  // And another citizen cannot open Giulia's application or her files.
  const mario = await newDesktop(browser);
  await mario.goto(`/${DEMO.tenant}/area-personale`);
  await mario.getByRole("button", { name: /accedi con spid o cie/i }).click();
  await mario.getByRole("button", { name: /RSSMRA85T10H501O/ }).click();
  await expect(mario).toHaveURL(new RegExp(`/${DEMO.tenant}/area-personale`));
  expect((await mario.goto(mine))?.status()).toBe(404);
  expect((await mario.request.get(`/api/${DEMO.tenant}/attachments/${attachmentId}`)).status()).toBe(404);
});
