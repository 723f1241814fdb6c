import { describe, expect, it } from "vitest";
import { renderEmail } from "@/server/email/render";

describe("contact-verification email", () => {
  it("gives the citizen the code, how long it works and what to do if they did not ask", async () => {
    const email = await renderEmail("contact-verification", { name: "Maria Rossi", code: "048213", expiresInMinutes: 15 }, "it", {
      municipality: { name: "Comune di Esempio" },
    });
    expect(email.subject).toBe("Il codice per confermare il tuo indirizzo email");
    for (const text of ["Gentile Maria Rossi,", "area personale di Comune di Esempio", "048213", "Il codice vale 15 minuti", "ignora questo messaggio"]) {
      expect(email.text).toContain(text);
    }
    // Not in the subject nor the preview line: they show on lock screens and in inbox lists.
    expect(email.subject).not.toContain("048213");
    expect(email.html.split("048213")).toHaveLength(2);
  });

  it("refuses a code that is not 6 digits", async () => {
    await expect(renderEmail("contact-verification", { name: "Maria Rossi", code: "12ab", expiresInMinutes: 15 })).rejects.toThrow();
  });
});
