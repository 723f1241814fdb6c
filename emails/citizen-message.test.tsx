import { describe, expect, it } from "vitest";
import { renderEmail } from "@/server/email/render";

describe("citizen-message email", () => {
  it("tells the operator who wrote about which application, with the link, without the text", async () => {
    const email = await renderEmail(
      "citizen-message",
      {
        kind: "reply",
        applicantName: "Rossi Maria",
        serviceName: "Iscrizione al nido d'infanzia",
        protocolNumber: "ESE-2026-0000123",
        attachmentCount: 2,
        url: "http://localhost:3000/esempio/backoffice/domande/abc",
      },
      "it",
      { municipality: { name: "Comune di Esempio" } },
    );
    expect(email.subject).toBe("Nuovo messaggio sulla pratica ESE-2026-0000123");
    for (const text of [
      "Rossi Maria ha scritto all'ufficio a proposito della pratica ESE-2026-0000123 («Iscrizione al nido d'infanzia»).",
      "Sono allegati 2 file.",
      "il testo non è riportato in questa email",
      "http://localhost:3000/esempio/backoffice/domande/abc",
    ]) {
      expect(email.text).toContain(text);
    }
  });

  it("announces an integration answer, naming the service when there is no protocol number", async () => {
    const email = await renderEmail("citizen-message", {
      kind: "integration",
      serviceName: "Contrassegno disabili",
      url: "http://localhost:3000/esempio/backoffice/domande/def",
    });
    expect(email.subject).toBe("Integrazione ricevuta per la pratica Contrassegno disabili");
    expect(email.text).toContain("Il richiedente ha risposto alla richiesta di integrazione");
    expect(email.text).not.toContain("allegat");
  });
});
