import { DEMO, expect, expectAccessible, pick, signInStaff, test } from "./fixtures";

// An administrator connects the protocol register: creates a key that may only read services,
// copies it from the one-time panel, the register reads the services with it and is refused the
// applications; the administrator revokes the key and the register is locked out at once. The key
// is never on the page again. Then the developers' reference lists the operations.

test("an administrator creates, uses and revokes an API key", async ({ page, request }) => {
  await signInStaff(page, DEMO.admin);
  await expect(page).toHaveURL(/\/esempio\/backoffice$/);
  await page.getByRole("link", { name: "API e webhook" }).click();
  await expect(page).toHaveURL(/\/esempio\/backoffice\/api$/);
  await expect(page.getByRole("heading", { level: 1, name: "API e webhook" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Chiavi API" })).toHaveAttribute("aria-current", "page");

  const form = page.getByTestId("create-api-key-form");
  await form.getByLabel("Nome").fill("Gestionale protocollo");
  await pick(form, "checkbox", "services:read");
  await form.getByRole("button", { name: "Crea chiave" }).click();

  const panel = page.getByTestId("new-api-key-panel");
  await expect(panel).toContainText("non verrà più mostrata");
  const key = await panel.getByLabel("Chiave API").inputValue();
  expect(key).toMatch(/^spk_[\w-]{43}$/);
  const prefix = key.slice(0, 12);
  const row = page.getByTestId("api-keys-table").getByRole("row").filter({ hasText: `${prefix}…` });
  await expect(row).toContainText("Gestionale protocollo");
  await expect(row).toContainText("Attiva");
  await expect(row).toContainText("services:read");
  await expect(row).not.toContainText("applications:read");
  await expectAccessible(page);

  const auth = { Authorization: `Bearer ${key}` };
  const services = await request.get("/api/v1/services", { headers: auth });
  expect(services.status()).toBe(200);
  const names = ((await services.json()) as { items: { name: string }[] }).items.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(["Bonus alimentare", "Iscrizione al nido d'infanzia", "Contrassegno parcheggio per persone con disabilità"]));

  const applications = await request.get("/api/v1/applications", { headers: auth });
  expect(applications.status()).toBe(403);
  expect(applications.headers()["content-type"]).toContain("application/problem+json");
  expect(await applications.json()).toMatchObject({ type: "/api/v1/problems/forbidden", status: 403 });

  await row.getByRole("button", { name: "Revoca la chiave Gestionale protocollo" }).click();
  const dialog = page.getByRole("dialog", { name: "Revocare la chiave «Gestionale protocollo»?" });
  await expect(dialog).toContainText(prefix);
  await dialog.getByRole("button", { name: "Revoca la chiave" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "La chiave «Gestionale protocollo» è stata revocata." })).toBeVisible();
  await expect(row).toContainText("Revocata");
  await expect(row.getByRole("button", { name: /revoca/i })).toHaveCount(0);

  const after = await request.get("/api/v1/services", { headers: auth });
  expect(after.status()).toBe(401);
  expect(after.headers()["content-type"]).toContain("application/problem+json");

  await page.reload();
  await expect(page.getByTestId("api-keys-table").getByRole("row").filter({ hasText: `${prefix}…` })).toContainText("Revocata");
  expect(await page.content()).not.toContain(key);
  expect(await page.content()).not.toContain(key.slice(12));
  await expectAccessible(page);

  await page.getByRole("link", { name: "Documentazione dell'API per sviluppatori" }).click();
  await expect(page).toHaveURL(/\/sviluppatori$/);
  await expect(page.getByRole("heading", { level: 1, name: "API per sviluppatori" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Apri openapi.json" })).toHaveAttribute("href", "/api/v1/openapi.json");
  const toc = page.getByTestId("toc-operations");
  await expect(toc).toContainText("GET /services");
  await expect(toc).toContainText("GET /services/{serviceId}");
  const list = page.locator('[data-operation="listServices"]');
  await expect(list).toContainText("services:read");
  await expect(list).toContainText("nextCursor");
  await expect(page.getByTestId("problem-types")).toContainText("/api/v1/problems/rate-limited");
  await expectAccessible(page);
});

test("an operator has no API keys page", async ({ page }) => {
  await signInStaff(page, DEMO.operator);
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/backoffice$`));
  await expect(page.getByRole("link", { name: "API e webhook" })).toHaveCount(0);
  const response = await page.goto(`/${DEMO.tenant}/backoffice/api`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("create-api-key-form")).toHaveCount(0);
});
