import { describe, expect, it } from "vitest";
import { buildValidator } from "./build-validator";
import { prefillAnswers } from "./prefill";
import { REFERENCE_FORMS } from "./reference-forms";
import { validateFormSchema } from "./validate-schema";

const TODAY = "2026-03-15";
const pdf = { id: "u1", name: "certificato.pdf", size: 300_000, type: "application/pdf" };
const address = { street: "Via Roma 1", postalCode: "00184", city: "Roma", province: "RM" };
const identity = { fiscalCode: "RSSMRA85T10A562S", givenName: "Mario", familyName: "Rossi", birthDate: "1985-12-10", domicile: address };

describe("reference forms", () => {
  it.each(Object.entries(REFERENCE_FORMS))("%s passes validate-schema", (_, schema) => {
    expect(validateFormSchema(JSON.parse(JSON.stringify(schema)))).toEqual({ ok: true, schema });
  });

  it("bonus alimentare: a complete application from a citizen with SPID is accepted", () => {
    const schema = REFERENCE_FORMS["bonus-alimentare"];
    const { answers } = prefillAnswers(schema, identity, { email: "mario@example.it", phone: "3331234567" });
    const filled = {
      ...answers,
      viveSolo: "false",
      componenti: [{ nome: "Luca", cognome: "Rossi", codiceFiscale: "RSSMRA85T10A562S", parentela: "figlio", dataNascita: "2015-06-01" }],
      valoreIsee: "8.500,00",
      iban: "IT60 X054 2811 1010 0000 0123 456",
      altriSostegni: "false",
      dichiarazioni: ["residenza", "unicaDomanda", "veridicita"],
      privacy: ["letta"],
    };
    const r = buildValidator(schema, { mode: "submit", today: TODAY }).safeParse(filled);
    expect(r.error?.issues).toBeUndefined();
    expect(r.data?.valoreIsee).toBe(8500);
  });

  it("bonus alimentare: an ISEE over the limit is refused and other benefits must be quantified", () => {
    const r = buildValidator(REFERENCE_FORMS["bonus-alimentare"], { mode: "submit", pageKey: "economica", today: TODAY }).safeParse({ valoreIsee: 20000, iban: "IT60X0542811101000000123456", altriSostegni: true });
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["valoreIsee", "importoSostegni"]);
  });

  it("nido: the disability certificate is required only when the child has a certified disability", () => {
    const v = buildValidator(REFERENCE_FORMS["iscrizione-nido"], { mode: "submit", pageKey: "bambino", today: TODAY });
    const child = { nomeBambino: "Sofia", cognomeBambino: "Rossi", codiceFiscaleBambino: "RSSMRA85T10A562S", dataNascitaBambino: "2025-01-10" };
    expect(v.safeParse({ ...child, disabilita: false }).success).toBe(true);
    expect(v.safeParse({ ...child, disabilita: true }).error?.issues.map((i) => i.path.join("."))).toEqual(["certificazioneDisabilita"]);
    expect(v.safeParse({ ...child, disabilita: true, certificazioneDisabilita: [pdf] }).success).toBe(true);
    expect(v.safeParse({ ...child, dataNascitaBambino: "2022-03-14", disabilita: false }).error?.issues.map((i) => i.path.join("."))).toEqual(["dataNascitaBambino"]);
  });

  it("contrassegno: the other person's data is asked only when applying for someone else", () => {
    const v = buildValidator(REFERENCE_FORMS["contrassegno-disabili"], { mode: "submit", pageKey: "titolare", today: TODAY });
    expect(v.safeParse({ perChi: "se" }).success).toBe(true);
    expect(v.safeParse({ perChi: "altri", ruolo: "tutore" }).error?.issues.map((i) => i.path.join("."))).toEqual([
      "nomeTitolare",
      "cognomeTitolare",
      "codiceFiscaleTitolare",
      "dataNascitaTitolare",
      "delega",
    ]);
  });

  it("contrassegno: a medical certificate of another type is refused; the plate is optional but checked", () => {
    const v = buildValidator(REFERENCE_FORMS["contrassegno-disabili"], { mode: "submit", pageKey: "documenti", today: TODAY });
    expect(v.safeParse({ certificatoMedico: [{ ...pdf, type: "application/pkcs7-mime", name: "cert.pdf.p7m" }] }).success).toBe(true);
    expect(v.safeParse({ certificatoMedico: [{ ...pdf, type: "application/msword", name: "cert.doc" }] }).success).toBe(false);
    expect(v.safeParse({ certificatoMedico: [pdf], targa: "AB 123 CD" }).success).toBe(true);
    expect(v.safeParse({ certificatoMedico: [pdf], targa: "ROMA" }).success).toBe(false);
  });
});
