import { DEMO, expect, expectAccessible, test } from "./fixtures";

// The public catalogue of the demo municipality: the three reference services of the seed, all
// published and open (server/db/seed-services.ts).

const SERVICES = {
  food: { slug: "bonus-alimentare", name: "Bonus alimentare", category: "Assistenza e sostegno" },
  nursery: { slug: "iscrizione-nido", name: "Iscrizione al nido d'infanzia", category: "Educazione e formazione" },
  parking: { slug: "contrassegno-disabili", name: "Contrassegno parcheggio per persone con disabilità", category: "Mobilità e trasporti" },
};

test("the municipality home lists the services grouped by category", async ({ page }) => {
  await page.goto(`/${DEMO.tenant}`);
  for (const s of Object.values(SERVICES)) {
    const category = page.getByRole("region", { name: s.category });
    await expect(category.getByRole("heading", { name: s.category })).toBeVisible();
    await expect(category.getByRole("link", { name: s.name })).toHaveAttribute("href", `/${DEMO.tenant}/servizi/${s.slug}`);
    await expect(category.getByRole("listitem").filter({ hasText: s.name }).getByText("Aperto")).toBeVisible();
  }
  await expectAccessible(page);
});

test("searching 'nido' finds only the nursery service and says how many", async ({ page }) => {
  await page.goto(`/${DEMO.tenant}/servizi`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Servizi online");
  await expectAccessible(page);

  await page.getByRole("searchbox", { name: "Cerca un servizio" }).fill("nido");
  await page.getByRole("button", { name: "Cerca" }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/servizi\\?q=nido$`));
  await expect(page.getByRole("status").filter({ hasText: "trovato" })).toHaveText("1 servizio trovato per «nido»");
  await expect(page.getByRole("link", { name: SERVICES.nursery.name })).toBeVisible();
  await expect(page.getByRole("link", { name: SERVICES.food.name })).toHaveCount(0);
  await expect(page.getByRole("link", { name: SERVICES.parking.name })).toHaveCount(0);
  await expect(page.getByRole("searchbox", { name: "Cerca un servizio" })).toHaveValue("nido");
  await expectAccessible(page);
});

test("a search with no results says so", async ({ page }) => {
  await page.goto(`/${DEMO.tenant}/servizi?q=passaporto`);
  await expect(page.getByRole("status").filter({ hasText: "Nessun servizio" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nessun servizio corrisponde alla ricerca" })).toBeVisible();
  await expectAccessible(page);
});

test("the service card shows processing time, access level and the way to apply", async ({ page }) => {
  await page.goto(`/${DEMO.tenant}`);
  await page.getByRole("link", { name: SERVICES.nursery.name }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/servizi/${SERVICES.nursery.slug}$`));
  await expect(page).toHaveTitle(/^Iscrizione al nido d'infanzia · /);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SERVICES.nursery.name);
  const breadcrumb = page.getByRole("navigation", { name: /percorso|breadcrumb|sei qui/i });
  await expect(breadcrumb.getByRole("link", { name: "Servizi" })).toHaveAttribute("href", `/${DEMO.tenant}/servizi`);

  for (const heading of ["Cos'è", "A chi si rivolge", "Come fare", "Cosa serve", "Quanto costa", "Tempi", "Quando presentare la domanda", "Come accedere", "Contatti"]) {
    await expect(page.getByRole("main").getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "Tempi" })).toContainText("entro 60 giorni");
  await expect(page.getByRole("region", { name: "Come accedere" })).toContainText("Serve SPID o CIE (livello 2)");
  // Open: the card leads to the online form.
  await expect(page.getByRole("region", { name: "Accedi al servizio" }).getByRole("link", { name: "Presenta la domanda" })).toHaveAttribute(
    "href",
    `/${DEMO.tenant}/servizi/${SERVICES.nursery.slug}/domanda`,
  );
  await expectAccessible(page);
});

test("the food voucher card says no SPID is needed", async ({ page }) => {
  await page.goto(`/${DEMO.tenant}/servizi/${SERVICES.food.slug}`);
  await expect(page.getByRole("region", { name: "Come accedere" })).toContainText("Non serve SPID: basta un indirizzo email verificato");
  await expect(page.getByRole("region", { name: "Tempi" })).toContainText("entro 30 giorni");
  await expect(page.getByTestId("apply-link")).toBeVisible();
  await expectAccessible(page);
});

test("another municipality's service and unknown services are not found", async ({ page }) => {
  const foreign = await page.goto(`/${DEMO.otherTenant}/servizi/${SERVICES.nursery.slug}`);
  expect(foreign?.status()).toBe(404);
  const unknown = await page.goto(`/${DEMO.tenant}/servizi/servizio-che-non-esiste`);
  expect(unknown?.status()).toBe(404);
  await expectAccessible(page);
});
