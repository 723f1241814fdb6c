import { describe, expect, it } from "vitest";
import { renderEmail } from "@/server/email/render";

describe("draft-expiring email", () => {
  it("names the service, the day of deletion in Italian and the link to resume", async () => {
    const email = await renderEmail(
      "draft-expiring",
      {
        applicantName: "Maria Rossi",
        serviceName: "Iscrizione al nido d'infanzia",
        // 00:30 in Rome is still the 1st of March there, the 28th of February in UTC.
        deleteOn: "2027-02-28T23:30:00.000Z",
        resumeUrl: "http://localhost:3000/esempio/domande/abc",
      },
      "it",
      { municipality: { name: "Comune di Esempio" } },
    );
    expect(email.subject).toBe("La bozza per «Iscrizione al nido d'infanzia» sarà cancellata il 1 marzo 2027");
    for (const text of ["Gentile Maria Rossi,", "saranno cancellati il 1 marzo 2027", "per un altro anno", "http://localhost:3000/esempio/domande/abc"]) {
      expect(email.text).toContain(text);
    }
    expect(email.text).not.toContain("confermare di nuovo");
  });

  it("tells applicants without SPID they will confirm their address again", async () => {
    const email = await renderEmail("draft-expiring", {
      serviceName: "Bonus alimentare",
      deleteOn: "2027-03-14T02:45:00.000Z",
      resumeUrl: "http://localhost:3000/esempio/accesso-email?servizio=bonus-alimentare",
      confirmEmailFirst: true,
    });
    expect(email.text).toContain("Gentile cittadina, gentile cittadino,");
    expect(email.text).toContain("confermare di nuovo il tuo indirizzo email");
  });
});
