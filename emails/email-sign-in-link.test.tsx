import { describe, expect, it } from "vitest";
import { renderEmail } from "@/server/email/render";

describe("email-sign-in-link email", () => {
  it("gives the link, says how long it lasts and that it can be ignored", async () => {
    const url = "http://localhost:3000/esempio/accesso-email/tok";
    const email = await renderEmail("email-sign-in-link", { signInUrl: url, serviceName: "Bonus alimentare", expiresInMinutes: 30 }, "it", {
      municipality: { name: "Comune di Esempio" },
    });
    expect(email.subject).toBe("Comune di Esempio: conferma il tuo indirizzo email");
    for (const text of ["la domanda per «Bonus alimentare» senza SPID né CIE", url, "Il link vale 30 minuti", "puoi ignorarlo"]) {
      expect(email.text).toContain(text);
    }
    expect(email.html).toContain(`href="${url}"`);
  });

  it("names no service when none was chosen", async () => {
    const email = await renderEmail("email-sign-in-link", { signInUrl: "http://localhost:3000/esempio/accesso-email/tok", expiresInMinutes: 30 });
    expect(email.text).toContain("accedere ai servizi online senza SPID");
    expect(email.text).not.toContain("«");
  });
});
