import { describe, expect, it } from "vitest";
import { renderEmail } from "@/server/email/render";

describe("application-receipt email", () => {
  it("tells the citizen the protocol number, the service, the due date and where to follow it", async () => {
    const email = await renderEmail(
      "application-receipt",
      {
        applicantName: "Maria Rossi",
        serviceName: "Iscrizione al nido d'infanzia",
        protocolNumber: "ESE-2026-0000123",
        registeredAt: "2026-03-14T09:30:00.000Z",
        dueDate: "2026-04-13T09:30:00.000Z",
        applicationUrl: "http://localhost:3000/esempio/area-personale/domande/abc",
      },
      "it",
      { municipality: { name: "Comune di Esempio" } },
    );
    expect(email.subject).toBe("Domanda protocollata ESE-2026-0000123: Iscrizione al nido d'infanzia");
    for (const text of [
      "Gentile Maria Rossi,",
      "con il numero di protocollo ESE-2026-0000123 il 14 marzo 2026 alle ore 10:30",
      "entro il 13 aprile 2026",
      "http://localhost:3000/esempio/area-personale/domande/abc",
    ]) {
      expect(email.text).toContain(text);
    }
  });

  it("greets applicants without a digital identity without a name", async () => {
    const email = await renderEmail("application-receipt", {
      serviceName: "Bonus alimentare",
      protocolNumber: "ESE-2026-0000007",
      registeredAt: "2026-03-14T09:30:00.000Z",
      applicationUrl: "http://localhost:3000/esempio/domande/segui/tok",
    });
    expect(email.text).toContain("Gentile cittadina, gentile cittadino,");
    expect(email.text).not.toContain("entro il");
  });
});
