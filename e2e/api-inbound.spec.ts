import { DEV_IDENTITIES } from "../server/auth/oidc-dev/identities";
import { minimalPdf } from "../server/uploads/minimal-pdf";
import { DEMO, expect, expectAccessible, test } from "./fixtures";

// Another system of the municipality (here, the tax office's) sends a document and a message to a
// citizen by fiscal code through the REST API; the citizen signs in with SPID and finds both in
// the personal area, labelled with their source. Problems answer in the caller's language.

const API_KEY = process.env.E2E_API_KEY ?? "";
const mario = DEV_IDENTITIES.find((i) => i.given_name === "Mario")!;
const auth = { Authorization: `Bearer ${API_KEY}` };

test("a document and a message sent through the API reach the citizen's personal area with their source", async ({ page, request }) => {
  const run = Date.now().toString(36);
  const title = `Avviso TARI ${run}`;
  const subject = `Scadenza rata ${run}`;

  const document = await request.post(`/api/v1/citizens/${mario.fiscal_number}/documents`, {
    headers: auth,
    multipart: {
      file: { name: "avviso.pdf", mimeType: "application/pdf", buffer: minimalPdf(`Avviso ${run}`) },
      title,
      sourceLabel: "Ufficio tributi",
      externalId: `tari-${run}`,
    },
  });
  expect(document.status(), await document.text()).toBe(201);
  expect(await document.json()).toMatchObject({ title, sourceLabel: "Ufficio tributi", recipientFiscalCode: mario.fiscal_number });

  const message = await request.post(`/api/v1/citizens/${mario.fiscal_number}/messages`, {
    headers: auth,
    data: { subject, body: `La prossima rata scade a fine mese (${run}).`, sourceLabel: "Ufficio tributi" },
  });
  expect(message.status()).toBe(201);

  // Mario signs in and opens his documents.
  await page.goto(`/${DEMO.tenant}/area-personale/documenti`);
  await page.getByRole("button", { name: /accedi con spid o cie/i }).click();
  await expect(page).toHaveURL(/\/interaction\//);
  await page.getByRole("button", { name: new RegExp(mario.fiscal_number) }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.tenant}/area-personale/documenti$`));
  const card = page.getByTestId("document-list").getByRole("listitem").filter({ hasText: title });
  await expect(card).toContainText("Da: Ufficio tributi");
  await expectAccessible(page);

  const href = await card.getByRole("link", { name: new RegExp(`Scarica.*${title}`) }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The message, and the one announcing the document, with their source.
  await page.goto(`/${DEMO.tenant}/area-personale/messaggi`);
  const item = page.getByTestId("message-item").filter({ hasText: subject });
  await expect(item).toContainText("Da: Ufficio tributi");
  await item.getByRole("button", { name: new RegExp(subject) }).click();
  await expect(item).toContainText("La prossima rata scade a fine mese");
  await expect(page.getByTestId("message-item").filter({ hasText: `Nuovo documento: ${title}` })).toContainText("Da: Ufficio tributi");
  await expectAccessible(page);
});

test("an invalid fiscal code is a 400 problem naming the field, in the caller's language", async ({ request }) => {
  const send = (language: string) =>
    request.post("/api/v1/citizens/RSSMRA85T10H501X/messages", { headers: { ...auth, "Accept-Language": language }, data: { subject: "Prova", body: "Prova" } });
  const english = await send("en-GB,en;q=0.9");
  expect(english.status()).toBe(400);
  expect(english.headers()["content-type"]).toContain("application/problem+json");
  const problem = await english.json();
  expect(problem.title).toBe("Bad request");
  expect(problem.errors).toEqual([expect.objectContaining({ pointer: "/params/fiscalCode", detail: expect.stringMatching(/fiscal code is not valid/) })]);

  const italian = await (await send("it")).json();
  expect(italian.errors[0].detail).toMatch(/codice fiscale non è valido/);
});
