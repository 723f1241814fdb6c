import type { Browser, Page } from "@playwright/test";
import { DEV_IDENTITIES } from "../server/auth/oidc-dev/identities";
import { DEMO, expect, expectAccessible, pick, signInStaff, test } from "./fixtures";
import { E2E } from "./playwright.config";

// A municipality's administrator configures a new service without code: the card, a two-page
// form with a show-if condition and a file field built in the visual builder and checked in its
// live preview, an opening scheduled one minute ahead. The scheduler opens it on time, a citizen
// applies, and the administrator duplicates it into a new draft. A functionary (service manager)
// can't reach the form builder.

const mario = DEV_IDENTITIES.find((i) => i.given_name === "Mario")!;
// A run number keeps the names unique when the suite runs again against the same server.
const RUN = String(Date.now() % 100_000);
const SERVICE = `Contributo per lo sport ${RUN}`;
const COPY = `Contributo per la cultura ${RUN}`;

const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

async function newDesktop(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "it-IT", timezoneId: "Europe/Rome", baseURL: `http://localhost:${E2E.port}` });
  return context.newPage();
}

/** "yyyy-mm-ddThh:mm" in Rome, `minutes` from now rounded up to the next whole minute. */
function romeLocalIn(minutes: number): string {
  const at = new Date(Math.ceil((Date.now() + minutes * 60_000) / 60_000) * 60_000);
  const parts = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return parts.replace(" ", "T");
}

async function addField(page: Page, type: string) {
  await page.getByRole("button", { name: "Aggiungi campo", exact: true }).click();
  await page.getByRole("menuitem", { name: type, exact: true }).or(page.getByRole("button", { name: type, exact: true })).first().click();
}

test("an administrator builds, schedules and duplicates a service; a citizen applies once the scheduler opens it", async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await newDesktop(browser);
  await signInStaff(admin, DEMO.admin);
  await expect(admin).toHaveURL(new RegExp(`/${DEMO.tenant}/backoffice$`));

  // The card.
  await admin.goto(`/${DEMO.tenant}/backoffice/servizi`);
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Nuovo servizio" }).click();
  await admin.getByLabel("Nome del servizio").fill(SERVICE);
  await admin.getByLabel("Argomento").selectOption({ index: 1 });
  await admin.getByLabel("Cos'è").fill("Un contributo alle famiglie per le spese di attività sportive dei figli.");
  await admin.getByRole("button", { name: "Crea servizio" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: SERVICE })).toBeVisible();
  const serviceUrl = admin.url();
  await admin.getByRole("textbox", { name: "A chi si rivolge" }).fill("Famiglie residenti con figli tra 6 e 18 anni.");
  await admin.getByRole("textbox", { name: "Come fare" }).fill("Compila la domanda online e allega la ricevuta dell'iscrizione.");
  await admin.getByRole("textbox", { name: "Cosa serve" }).fill("La ricevuta di iscrizione all'attività sportiva.");
  await admin.getByRole("textbox", { name: "Quanto costa" }).fill("Niente.");
  await admin.getByRole("textbox", { name: "Contatti" }).fill("Ufficio sport, sport@esempio.it");
  await admin.getByRole("textbox", { name: "Trattamento dei dati personali" }).fill("Il Comune tratta i dati per gestire la domanda.");
  await admin.getByRole("button", { name: "Salva scheda" }).click();
  await expect(admin.getByText(/scheda salvata/i)).toBeVisible();

  // The form: page 1 asks for whom, with a show-if field; page 2 asks for a PDF.
  await admin.getByRole("link", { name: "Modifica modulo" }).first().click();
  await expect(admin.getByTestId("builder-status")).toBeVisible();
  await admin.getByLabel("Titolo della pagina").fill("Richiedente");
  await addField(admin, "Scelta singola");
  await admin.getByLabel("Etichetta", { exact: true }).fill("Per chi fai domanda");
  await admin.getByLabel("Obbligatorio").check({ force: true });
  await admin.getByLabel("Testo dell'opzione 1").fill("Per mio figlio");
  await admin.getByLabel("Testo dell'opzione 2").fill("Per mia figlia");
  await addField(admin, "Testo breve");
  await admin.getByLabel("Etichetta", { exact: true }).fill("Nome della figlia");
  await admin.getByLabel("Mostra solo se").selectOption({ index: 1 });
  await admin.getByLabel("Se il campo").selectOption({ label: "Per chi fai domanda (perChiFaiDomanda)" });
  await admin.getByLabel("Valore da confrontare").selectOption({ label: "Per mia figlia" });

  // The live preview, with the citizens' renderer: the show-if field appears with its answer.
  const preview = admin.getByRole("region", { name: "Anteprima", exact: true });
  await preview.getByRole("button", { name: "Desktop", exact: true }).click();
  await expect(preview.getByRole("textbox", { name: /Nome della figlia/ })).toHaveCount(0);
  await pick(preview, "radio", "Per mia figlia");
  await expect(preview.getByRole("textbox", { name: /Nome della figlia/ })).toBeVisible();
  await preview.getByRole("button", { name: "Mobile", exact: true }).click();
  await expect(admin.frameLocator('iframe[title="Anteprima del modulo (Mobile)"]').getByText("Per chi fai domanda").first()).toBeVisible();

  await admin.getByRole("button", { name: "Aggiungi pagina" }).click();
  await admin.getByLabel("Titolo della pagina").fill("Documenti");
  await addField(admin, "Allegato");
  await admin.getByLabel("Etichetta", { exact: true }).fill("Ricevuta di iscrizione");

  await admin.getByRole("button", { name: "Salva bozza" }).click();
  await expect(admin.getByTestId("builder-status")).toContainText("Bozza salvata");
  await admin.getByRole("button", { name: "Pubblica nuova versione" }).click();
  await admin.getByRole("button", { name: /Sì, pubblica la versione 1/ }).click();
  await expect(admin.getByTestId("builder-status")).toContainText("Versione pubblicata: 1");

  // Scheduled one minute ahead.
  await admin.goto(serviceUrl);
  await admin.getByLabel("Data e ora di apertura").fill(romeLocalIn(1));
  await admin.getByRole("button", { name: "Salva date" }).click();
  await expect(admin.getByText("Date salvate.")).toBeVisible();
  await admin.getByRole("button", { name: "Pianifica apertura" }).click();
  await expect(admin.getByText(/Apertura pianificata/).first()).toBeVisible();

  // The scheduler opens it within the minute after the opening time.
  await expect(async () => {
    await admin.reload();
    await expect(admin.locator("[data-status]").first()).toHaveAttribute("data-status", "PUBLISHED", { timeout: 1000 });
  }).toPass({ timeout: 150_000, intervals: [5000] });
  await admin.goto(`${serviceUrl}/storico`);
  await expect(admin.getByText("Aperto alla data programmata")).toBeVisible();

  // A citizen applies.
  const citizen = await newDesktop(browser);
  await citizen.goto(`/${DEMO.tenant}/servizi`);
  await citizen.getByRole("link", { name: SERVICE }).click();
  await expect(citizen).toHaveURL(new RegExp(`/servizi/contributo-per-lo-sport-${RUN}$`));
  await expect(citizen.getByRole("heading", { level: 1, name: SERVICE })).toBeVisible();
  await expectAccessible(citizen);
  const slug = new URL(citizen.url()).pathname.split("/").pop()!;
  await citizen.goto(`/${DEMO.tenant}/servizi/${slug}/domanda`);
  await citizen.getByRole("link", { name: /accedi per fare domanda/i }).click();
  await citizen.getByRole("button", { name: /accedi con spid o cie/i }).click();
  await citizen.getByRole("button", { name: new RegExp(mario.fiscal_number) }).click();
  await citizen.getByRole("button", { name: "Inizia la compilazione" }).click();
  await expect(citizen.getByTestId("form-steps")).toContainText("Passo 1 di");
  await citizen.getByLabel(/^Nome(?! della)/).fill("Mario");
  await expect(citizen.getByLabel(/Nome della figlia/)).toHaveCount(0);
  await pick(citizen, "radio", "Per mia figlia");
  await citizen.getByLabel(/Nome della figlia/).fill("Sofia");
  await citizen.getByRole("button", { name: "Salva e continua" }).click();
  await expect(citizen.getByRole("heading", { level: 2, name: /documenti/i })).toBeFocused();
  await citizen.locator('input[type="file"]').setInputFiles({ name: "ricevuta.pdf", mimeType: "application/pdf", buffer: MINIMAL_PDF });
  await expect(citizen.locator("#main-content")).toContainText("ricevuta.pdf");
  await citizen.getByRole("button", { name: "Salva e vai al riepilogo" }).click();
  await expect(citizen).toHaveURL(/\/riepilogo$/);
  await expect(citizen.locator("#main-content")).toContainText("Sofia");
  await citizen.getByTestId("submit-application").click();
  await expect(citizen.getByText(/numero di protocollo/i).first()).toBeVisible();

  // The administrator duplicates it into a new draft with the same form.
  await admin.goto(serviceUrl);
  await admin.getByLabel("Nome del nuovo servizio").fill(COPY);
  await admin.getByRole("button", { name: "Duplica servizio" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: COPY })).toBeVisible();
  await expect(admin.locator("[data-status]").first()).toHaveText("Bozza");
  await admin.getByRole("link", { name: "Modifica modulo" }).first().click();
  await expect(admin.getByRole("button", { name: /^Per chi fai domanda Scelta/ })).toBeVisible();
  await expectAccessible(admin);

  // A functionary sees the service but not the form builder.
  const functionary = await newDesktop(browser);
  await signInStaff(functionary, "funzionario@esempio.sportello.localhost");
  await expect(functionary).toHaveURL(new RegExp(`/${DEMO.tenant}/backoffice$`));
  await functionary.goto(serviceUrl);
  await expect(functionary.getByRole("heading", { level: 1, name: SERVICE })).toBeVisible();
  await expect(functionary.getByRole("link", { name: "Modifica modulo" })).toHaveCount(0);
  const builder = await functionary.goto(`${serviceUrl}/modulo`);
  expect(builder?.status()).toBe(404);
});
