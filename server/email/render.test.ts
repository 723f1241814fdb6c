import { describe, expect, it } from "vitest";
import { renderEmail } from "./render";

const municipality = { name: "Comune di Borgoverde", area: "Provincia di Trento" };
const HTML_TAG = /<\/?[a-z][^>]*>/i;

describe("renderEmail", () => {
  it("renders the administrator's test email in Italian, as HTML and as plain text", async () => {
    const email = await renderEmail(
      "test-email",
      { requestedBy: "Giulia Verdi", requestedAt: "2025-06-01T08:15:00.000Z" },
      "it",
      { municipality },
    );

    expect(email.subject).toBe("Messaggio di prova da Comune di Borgoverde");
    expect(email.html).toContain('lang="it"');
    expect(email.html).toContain("<title>Messaggio di prova da Comune di Borgoverde</title>");
    expect(email.html).toContain("Provincia di Trento");
    for (const text of [
      "La posta elettronica funziona",
      // 08:15 UTC is 10:15 in Rome (summer time).
      "richiesto da Giulia Verdi il 1 giugno 2025 alle ore 10:15",
      "Questo messaggio è stato inviato da Comune di Borgoverde tramite Sportello",
    ]) {
      expect(email.text).toContain(text);
    }
    expect(email.text).not.toMatch(HTML_TAG);
  });

  it("renders a notification with its link in both versions, once in the text", async () => {
    const email = await renderEmail(
      "notification",
      {
        title: "La tua domanda è stata accolta",
        paragraphs: ["Gentile Maria Rossi, la domanda ESE-2025-000123 è stata accolta.", "Trovi l'esito nella tua area personale."],
        actionUrl: "https://sportello.example.it/esempio/area-personale",
        actionLabel: "Vai all'area personale",
      },
      "it",
      { municipality },
    );

    expect(email.subject).toBe("La tua domanda è stata accolta");
    expect(email.html).toContain('href="https://sportello.example.it/esempio/area-personale"');
    expect(email.text).toContain("Trovi l'esito nella tua area personale.");
    expect(email.text).toContain("Vai all'area personale");
    expect(email.text.split("https://sportello.example.it/esempio/area-personale")).toHaveLength(2);
    expect(email.text).not.toMatch(HTML_TAG);
  });

  it("shows no link when the notification has none (the preview's example never leaks)", async () => {
    const email = await renderEmail("notification", { title: "Promemoria", paragraphs: ["Il servizio chiude venerdì."] }, "it", {
      municipality,
    });
    expect(email.html).not.toContain("area-personale");
    expect(email.html).not.toContain("Se il pulsante non funziona");
  });

  it("speaks for the platform when there is no municipality, and in the recipient's language", async () => {
    const email = await renderEmail("test-email", { requestedBy: "Admin", requestedAt: "2025-06-01T08:15:00.000Z" }, "en");
    expect(email.subject).toBe("Test message from Sportello");
    expect(email.html).toContain('lang="en"');
    expect(email.text).toContain("This message was sent by Sportello through Sportello");
  });

  it("refuses props the template can't render", async () => {
    await expect(
      // A link without its label: the types allow it, the schema doesn't.
      renderEmail("notification", { title: "x", paragraphs: ["y"], actionUrl: "https://example.it" }),
    ).rejects.toThrow(/actionLabel/);
  });
});
