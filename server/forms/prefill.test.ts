import { describe, expect, it } from "vitest";
import { buildValidator } from "./build-validator";
import { enforceIdentityValues, prefillAnswers, readOnlyFieldKeys, type TIdentityData } from "./prefill";
import type { TFormSchema } from "./schema";

const schema: TFormSchema = {
  version: 1,
  pages: [
    {
      key: "p",
      title: "Richiedente",
      fields: [
        { key: "nome", type: "text", label: "Nome", required: true, prefill: "givenName", readOnlyFromIdentity: true },
        { key: "cf", type: "fiscalCode", label: "CF", required: true, prefill: "fiscalCode", readOnlyFromIdentity: true },
        { key: "nascita", type: "date", label: "Nascita", prefill: "birthDate", readOnlyFromIdentity: true },
        { key: "email", type: "email", label: "Email", prefill: "email" },
        { key: "telefono", type: "phone", label: "Telefono", prefill: "phone" },
        { key: "residenza", type: "address", label: "Residenza", prefill: "domicile", readOnlyFromIdentity: true },
        { key: "note", type: "textarea", label: "Note" },
      ],
    },
  ],
};

const identity: TIdentityData = {
  fiscalCode: "RSSMRA85T10A562S",
  givenName: "Mario",
  familyName: "Rossi",
  birthDate: new Date("1985-12-10T00:00:00Z"),
  email: "mario@spid.example",
  domicile: { street: "Via Roma 1", postalCode: "00184", city: "Roma", province: "rm" },
};

describe("prefillAnswers", () => {
  it("fills from identity and profile; identity data is read-only", () => {
    const { answers, readOnlyKeys } = prefillAnswers(schema, identity, { email: "mario@casa.example", phone: "3331234567" });
    expect(answers).toEqual({
      nome: "Mario",
      cf: "RSSMRA85T10A562S",
      nascita: "1985-12-10",
      email: "mario@casa.example",
      telefono: "3331234567",
      residenza: { street: "Via Roma 1", postalCode: "00184", city: "Roma", province: "RM" },
    });
    expect([...readOnlyKeys].sort()).toEqual(["cf", "nascita", "nome", "residenza"]);
  });

  it("without an identity (no SPID) nothing is read-only", () => {
    expect(prefillAnswers(schema, null, { email: "a@b.it" })).toEqual({ answers: { email: "a@b.it" }, readOnlyKeys: new Set() });
  });

  it("a read-only field the identity can't fill stays editable", () => {
    expect(readOnlyFieldKeys(schema, { ...identity, birthDate: null, domicile: null })).toEqual(new Set(["nome", "cf"]));
  });
});

describe("enforceIdentityValues", () => {
  it("overwrites what the client sent for identity fields and keeps the rest", () => {
    const sent = { nome: "Luigi", cf: "VRDLGU80A01H501X", nascita: "2000-01-01", email: "x@y.it", note: "ciao", residenza: { street: "Altrove", postalCode: "", city: "", province: "" } };
    const enforced = enforceIdentityValues(schema, sent, identity);
    expect(enforced).toEqual({
      nome: "Mario",
      cf: "RSSMRA85T10A562S",
      nascita: "1985-12-10",
      email: "x@y.it",
      note: "ciao",
      residenza: { street: "Via Roma 1", postalCode: "00184", city: "Roma", province: "RM" },
    });
    expect(buildValidator(schema, { mode: "submit" }).parse(enforced).nome).toBe("Mario");
  });

  it("restores an identity value the client removed", () => {
    expect(enforceIdentityValues(schema, {} as Record<string, unknown>, identity).cf).toBe("RSSMRA85T10A562S");
  });

  it("enforces nothing without an identity", () => {
    expect(enforceIdentityValues(schema, { nome: "Chiunque" }, null)).toEqual({ nome: "Chiunque" });
  });
});

describe("applicantFromAnswers", () => {
  it("reads the applicant's name and fiscal code from the fields prefilled with them", async () => {
    const { applicantFromAnswers } = await import("./prefill");
    const { BONUS_ALIMENTARE_FORM } = await import("./reference-forms");
    expect(applicantFromAnswers(BONUS_ALIMENTARE_FORM, { nome: "Anna", cognome: "Verdi", codiceFiscale: "vrdnna80d52h501x" })).toEqual({
      name: "Verdi Anna",
      fiscalCode: "VRDNNA80D52H501X",
    });
    expect(applicantFromAnswers(BONUS_ALIMENTARE_FORM, {})).toEqual({ name: null, fiscalCode: null });
  });
});
