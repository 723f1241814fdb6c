import { createServer, type IncomingHttpHeaders } from "node:http";
import { verifyWebhookSignature } from "../server/webhooks/signature";
import { DEMO, expect, expectAccessible, signInStaff, test } from "./fixtures";

// An administrator connects a receiving system: adds an endpoint for every event, copies the
// secret shown once, sends a test event; the receiver checks the signature with that secret and
// the delivery log shows the delivery as succeeded.

const RECEIVER_PORT = 3390;

test("an administrator adds a webhook endpoint and sends it a signed test event", async ({ page }) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(RECEIVER_PORT, "localhost", resolve));
  try {
    await signInStaff(page, DEMO.admin);
    await expect(page).toHaveURL(/\/esempio\/backoffice$/);
    await page.getByRole("link", { name: "API e webhook" }).click();
    await page.getByRole("link", { name: "Webhook", exact: true }).click();
    await expect(page).toHaveURL(/\/esempio\/backoffice\/api\/webhook$/);
    await expect(page.getByRole("link", { name: "Webhook", exact: true })).toHaveAttribute("aria-current", "page");

    const form = page.getByTestId("webhook-endpoint-form");
    const url = `http://localhost:${RECEIVER_PORT}/hook`;
    await form.getByLabel("Indirizzo (URL)").fill(url);
    const description = `Gestionale di prova ${Date.now()}`;
    await form.getByLabel("Descrizione (facoltativa)").fill(description);
    for (const type of ["application.submitted", "application.status_changed", "message.created", "payment.updated"]) {
      await expect(form.getByRole("checkbox", { name: new RegExp(type.replace(".", "\\.")) })).toBeChecked();
    }
    await form.getByRole("button", { name: "Aggiungi endpoint" }).click();

    const panel = page.getByTestId("webhook-secret-panel");
    await expect(panel).toContainText("mostrato solo ora");
    const secret = await panel.getByLabel("Segreto di firma").inputValue();
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    await expectAccessible(page);

    const endpointRow = page.getByTestId("webhook-endpoints").getByRole("row").filter({ hasText: description });
    await expect(endpointRow).toContainText("Attivo");
    await endpointRow.getByRole("link", { name: `Dettagli di ${url}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: url })).toBeVisible();
    await page.getByRole("button", { name: "Invia evento di prova", exact: true }).click();
    await expect(page.getByTestId("webhook-actions-notice")).toContainText("Evento di prova in invio");

    const row = page.getByTestId("webhook-delivery-row").filter({ hasText: "ping" }).first();
    await expect(row.getByTestId("webhook-delivery-status")).toHaveText("Consegnato", { timeout: 20_000 });
    expect(received.length).toBeGreaterThanOrEqual(1);
    const last = received.at(-1)!;
    expect(verifyWebhookSignature(secret, last.headers, last.body)).toMatchObject({ ok: true });
    expect(JSON.parse(last.body)).toMatchObject({ type: "ping", municipality: { slug: "esempio" } });
    expect(await page.content()).not.toContain(secret);
    await expectAccessible(page);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
