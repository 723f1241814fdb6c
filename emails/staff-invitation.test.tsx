import { describe, expect, it } from "vitest";
import { renderEmail } from "@/server/email/render";

describe("staff-invitation email", () => {
  const base = { name: "Laura Neri", email: "laura.neri@example.test", role: "SERVICE_MANAGER" as const, invitedBy: "Giulia Bianchi" };

  it("gives the one-time link to choose a password and until when it works", async () => {
    const url = "http://localhost:3000/esempio/backoffice/invito/tok";
    const email = await renderEmail("staff-invitation", { ...base, kind: "setPassword", acceptUrl: url, expiresAt: "2027-03-14T09:30:00.000Z" }, "it", {
      municipality: { name: "Comune di Esempio" },
    });
    expect(email.subject).toBe("Comune di Esempio: il tuo accesso al back office");
    for (const text of [
      "Gentile Laura Neri,",
      "Giulia Bianchi ti ha dato accesso al back office del Comune di Esempio su Sportello, con il ruolo di «Responsabile del servizio».",
      "laura.neri@example.test",
      url,
      "vale fino al 14 marzo 2027",
    ]) {
      expect(email.text).toContain(text);
    }
    expect(email.html).toContain(`href="${url}"`);
  });

  it("tells someone who already has an account to sign in with their password", async () => {
    const url = "http://localhost:3000/esempio/backoffice/accedi";
    const email = await renderEmail("staff-invitation", { ...base, kind: "existingAccount", signInUrl: url }, "en", { municipality: { name: "Comune di Esempio" } });
    expect(email.text).toContain("sign in with the password you already use");
    expect(email.text).toContain(url);
    expect(email.text).not.toContain("valid until");
  });
});
