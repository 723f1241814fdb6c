import { describe, expect, it } from "vitest";
import { buildValidator, validateAnswers } from "./build-validator";
import { decodeFieldError } from "./field-error";
import type { TField, TFormSchema, TRawAnswers } from "./schema";

const TODAY = "2026-03-15";
const GOOD_CF = "RSSMRA85T10A562S";
const GOOD_IBAN = "IT60X0542811101000000123456";
const pdf = { id: "f1", name: "certificato.pdf", size: 200_000, type: "application/pdf" };

/** A one-page form with the given fields. */
function form(...fields: TField[]): TFormSchema {
  return { version: 1, pages: [{ key: "p1", title: "Pagina", fields }] };
}

/** Errors as { "path.joined": "errorName" } for readable expectations. */
function errorsOf(schema: TFormSchema, answers: TRawAnswers, mode: "draft" | "submit" = "submit", pageKey?: string) {
  const r = buildValidator(schema, { mode, pageKey, today: TODAY }).safeParse(answers);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), decodeFieldError(i.message)?.key.replace("forms.errors.", "")]));
}

function parse(schema: TFormSchema, answers: TRawAnswers, mode: "draft" | "submit" = "submit") {
  return buildValidator(schema, { mode, today: TODAY }).parse(answers);
}

// Every field type: a value that must pass (with its normalised form) and values that must fail.
const cases: { field: TField; good: [unknown, unknown][]; bad: [unknown, string][] }[] = [
  {
    field: { key: "f", type: "text", label: "T", minLength: 2, maxLength: 5 },
    good: [["  ab ", "ab"], ["a\nb", "a b"], [12, "12"]],
    bad: [["a", "tooShort"], ["abcdef", "tooLong"], [{ a: 1 }, "invalidType"], [["x"], "invalidType"]],
  },
  {
    field: { key: "f", type: "text", label: "Targa", pattern: "[A-Z]{2}[0-9]{3}[A-Z]{2}", patternMessage: "Scrivi la targa come AB123CD" },
    good: [["AB123CD", "AB123CD"]],
    bad: [["AB123C", "patternCustom"], ["xAB123CDx", "patternCustom"]],
  },
  {
    field: { key: "f", type: "text", label: "Codice", pattern: "[0-9]+" },
    good: [["123", "123"]],
    bad: [["12a", "pattern"]],
  },
  {
    field: { key: "f", type: "textarea", label: "Note", maxLength: 20 },
    good: [["riga 1\nriga 2", "riga 1\nriga 2"]],
    bad: [["x".repeat(21), "tooLong"]],
  },
  {
    field: { key: "f", type: "number", label: "ISEE", min: 0, max: 15000 },
    good: [[0, 0], ["12.345,50", 12345.5], ["7500", 7500]],
    bad: [["abc", "numberInvalid"], [-1, "numberMin"], ["15.001", "numberMax"], [true, "numberInvalid"]],
  },
  {
    field: { key: "f", type: "number", label: "Figli", integer: true },
    good: [["3", 3]],
    bad: [["2,5", "numberInteger"]],
  },
  {
    field: { key: "f", type: "date", label: "Nascita", min: "today-3y", max: "today" },
    good: [["2025-01-31", "2025-01-31"]],
    bad: [["2025-02-30", "dateInvalid"], ["31/01/2025", "dateInvalid"], ["2020-01-01", "dateMin"], ["2026-03-16", "dateMax"], [20250101, "dateInvalid"]],
  },
  {
    field: { key: "f", type: "email", label: "Email" },
    good: [["anna@Comune.IT", "anna@comune.it"]],
    bad: [["anna@", "emailInvalid"], [5, "emailInvalid"]],
  },
  {
    field: { key: "f", type: "phone", label: "Telefono" },
    good: [["+39 333 1234567", "+393331234567"], ["06 1234567", "061234567"]],
    bad: [["123", "phoneInvalid"], ["+33 6 12 34 56 78", "phoneInvalid"]],
  },
  {
    field: { key: "f", type: "select", label: "Nido", options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] },
    good: [["b", "b"]],
    bad: [["c", "optionInvalid"], [["a"], "optionInvalid"]],
  },
  {
    field: { key: "f", type: "radio", label: "Orario", options: [{ value: "full", label: "Pieno" }, { value: "part", label: "Part-time" }] },
    good: [["part", "part"]],
    bad: [["night", "optionInvalid"]],
  },
  {
    field: { key: "f", type: "checkboxes", label: "Dichiaro", minItems: 2, maxItems: 3, options: ["a", "b", "c", "d"].map((v) => ({ value: v, label: v.toUpperCase() })) },
    good: [[["c", "a", "a"], ["a", "c"]]],
    bad: [[["a"], "tooFewSelected"], [["a", "b", "c", "d"], "tooManySelected"], [["a", "z"], "optionInvalid"], [[1, 2], "invalidType"]],
  },
  {
    field: { key: "f", type: "yesno", label: "Sì o no" },
    good: [[true, true], [false, false], ["true", true], ["no", false], ["Sì", true]],
    bad: [["forse", "yesNoInvalid"], [1, "yesNoInvalid"]],
  },
  {
    field: { key: "f", type: "fiscalCode", label: "CF" },
    good: [[" rssmra85t10a562s", GOOD_CF]],
    bad: [["RSSMRA85T10A562", "fiscalCodeLength"], ["RSSMRA85T10A562T", "fiscalCodeChecksum"], ["1SSMRA85T10A562S", "fiscalCodeFormat"]],
  },
  {
    field: { key: "f", type: "iban", label: "IBAN" },
    good: [["it60 x054 2811 1010 0000 0123 456", GOOD_IBAN]],
    bad: [["IT60X0542811101000000123457", "ibanChecksum"], ["IT60X054281110100000012345", "ibanItLength"], ["ciao", "ibanFormat"]],
  },
  {
    field: { key: "f", type: "address", label: "Residenza" },
    good: [[{ street: " Via Roma  1 ", postalCode: "00184", city: "Roma", province: "rm" }, { street: "Via Roma 1", postalCode: "00184", city: "Roma", province: "RM" }]],
    bad: [
      [{ street: "Via Roma 1", postalCode: "184", city: "Roma", province: "RM" }, "addressPostalCodeInvalid"],
      [{ street: "Via Roma 1", postalCode: "00184", city: "", province: "RM" }, "addressCityRequired"],
      [{ street: "Via Roma 1", postalCode: "00184", city: "Roma", province: "Roma" }, "addressProvinceInvalid"],
      ["Via Roma 1, Roma", "invalidType"],
    ],
  },
  {
    field: { key: "f", type: "file", label: "Certificato", maxSizeMb: 1, accept: ["pdf", "p7m"] },
    good: [[[pdf], [pdf]], [pdf, [pdf]]],
    bad: [
      [[{ ...pdf, type: "image/png", name: "foto.png" }], "fileType"],
      [[{ ...pdf, size: 1024 * 1024 + 1 }], "fileTooLarge"],
      [[pdf, { ...pdf, id: "f2" }], "tooManyFilesOne"],
      [[{ id: "x" }], "fileInvalid"],
    ],
  },
  {
    field: { key: "f", type: "file", label: "Foto", maxSizeMb: 5, accept: ["jpeg", "png"], multiple: true, maxFiles: 2 },
    good: [[[{ ...pdf, type: "image/jpeg" }, { ...pdf, id: "f2", type: "image/png" }], [{ ...pdf, type: "image/jpeg" }, { ...pdf, id: "f2", type: "image/png" }]]],
    bad: [[[pdf, pdf, pdf].map((p, i) => ({ ...p, id: `f${i}`, type: "image/png" })), "tooManyFiles"]],
  },
];

describe("buildValidator: every field type", () => {
  for (const { field, good, bad } of cases) {
    describe(`${field.type} ${JSON.stringify(field).slice(0, 80)}`, () => {
      it.each(good)("accepts %j", (raw, normalised) => {
        expect(parse(form(field), { f: raw })).toEqual({ f: normalised });
      });
      it.each(bad)("rejects %j with %s", (raw, error) => {
        const errors = errorsOf(form(field), { f: raw });
        expect(Object.values(errors)).toContain(error);
        // Reported on the field (or inside it), so the message shows next to it.
        expect(Object.keys(errors).every((p) => p === "f" || p.startsWith("f."))).toBe(true);
      });
    });
  }

  it("puts address errors on the part to fix", () => {
    expect(errorsOf(form({ key: "a", type: "address", label: "A", required: true }), { a: { street: "Via Roma 1", postalCode: "", city: "Roma", province: "RM" } })).toEqual({
      "a.postalCode": "addressPostalCodeRequired",
    });
  });

  it("puts a file's error on that file", () => {
    const f: TField = { key: "docs", type: "file", label: "D", maxSizeMb: 1, accept: ["pdf"], multiple: true };
    expect(errorsOf(form(f), { docs: [pdf, { ...pdf, id: "f2", name: "foto.png", type: "image/png" }] })).toEqual({ "docs.1": "fileType" });
  });

  it("ignores static text and keys not in the form", () => {
    const schema = form({ key: "info", type: "static", text: "Leggi" }, { key: "nome", type: "text", label: "Nome" });
    expect(parse(schema, { info: "x", nome: "Anna", isAdmin: true })).toEqual({ nome: "Anna" });
  });

  it("rejects answers that aren't an object", () => {
    expect(buildValidator(form({ key: "n", type: "text", label: "N" }), { mode: "submit" }).safeParse(["x"]).success).toBe(false);
  });
});

describe("required fields and modes", () => {
  const schema = form(
    { key: "nome", type: "text", label: "Nome", required: true, minLength: 2 },
    { key: "nido", type: "select", label: "Nido", required: true, options: [{ value: "a", label: "A" }] },
    { key: "ok", type: "checkboxes", label: "Dichiaro", required: true, minItems: 1, options: [{ value: "si", label: "Sì" }] },
    { key: "doc", type: "file", label: "Doc", required: true, maxSizeMb: 1, accept: ["pdf"] },
    { key: "note", type: "textarea", label: "Note" },
  );

  it("submit: every required field must be answered, each with its own message", () => {
    expect(errorsOf(schema, { nome: "  ", ok: [] })).toEqual({ nome: "required", nido: "requiredChoice", ok: "requiredCheckbox", doc: "requiredFile" });
  });

  it("draft: nothing is required, so a partial form saves", () => {
    expect(parse(schema, { nome: "Anna" }, "draft")).toEqual({ nome: "Anna" });
    expect(parse(schema, {}, "draft")).toEqual({});
  });

  it("draft: values present are still checked and bad ones reported", () => {
    expect(errorsOf(schema, { nome: "A", nido: "zzz" }, "draft")).toEqual({ nome: "tooShort", nido: "optionInvalid" });
  });

  it("draft: a half-typed address is kept, a wrong postal code is not", () => {
    const s = form({ key: "a", type: "address", label: "A", required: true });
    expect(parse(s, { a: { street: "Via Roma 1" } }, "draft")).toEqual({ a: { street: "Via Roma 1", postalCode: "", city: "", province: "" } });
    expect(errorsOf(s, { a: { street: "Via Roma 1", postalCode: "1" } }, "draft")).toEqual({ "a.postalCode": "addressPostalCodeInvalid" });
  });

  it("validateAnswers returns clean values and issues together, for saving drafts", () => {
    const r = validateAnswers(schema, { nome: "Anna", nido: "zzz" }, { mode: "draft", today: TODAY });
    expect(r.answers).toEqual({ nome: "Anna" });
    expect(r.issues).toEqual([{ path: ["nido"], error: "optionInvalid" }]);
  });
});

describe("show-if", () => {
  const schema: TFormSchema = {
    version: 1,
    pages: [
      {
        key: "p1",
        title: "Bambino",
        fields: [
          { key: "disabilita", type: "yesno", label: "Disabilità certificata?", required: true },
          { key: "certificato", type: "file", label: "Certificato", required: true, maxSizeMb: 10, accept: ["pdf"], showIf: { field: "disabilita", equals: true } },
          { key: "tipo", type: "select", label: "Tipo", required: true, options: [{ value: "a", label: "A" }, { value: "b", label: "B" }], showIf: { field: "certificato", notEmpty: true } },
          { key: "orario", type: "radio", label: "Orario", required: true, options: [{ value: "full", label: "Pieno" }, { value: "part", label: "Part" }] },
          {
            key: "motivo",
            type: "text",
            label: "Motivo",
            required: true,
            showIf: { all: [{ field: "orario", equals: "part" }, { any: [{ field: "disabilita", equals: true }, { field: "tipo", in: ["a", "b"] }] }] },
          },
        ],
      },
    ],
  };

  it("a hidden required field is not required", () => {
    expect(errorsOf(schema, { disabilita: false, orario: "full" })).toEqual({});
  });

  it("a shown required field is", () => {
    expect(errorsOf(schema, { disabilita: true, orario: "full" })).toEqual({ certificato: "requiredFile" });
  });

  it("a hidden field's value is stripped, even an invalid one, and so are fields it controlled", () => {
    expect(parse(schema, { disabilita: "false", certificato: [{ ...pdf, type: "text/html" }], tipo: "a", orario: "full" })).toEqual({ disabilita: false, orario: "full" });
  });

  it("all/any combinations", () => {
    expect(errorsOf(schema, { disabilita: true, certificato: [pdf], tipo: "a", orario: "part" })).toEqual({ motivo: "required" });
    expect(errorsOf(schema, { disabilita: false, orario: "part" })).toEqual({});
  });
});

describe("repeatable groups", () => {
  const schema = form(
    { key: "viveSolo", type: "yesno", label: "Vivi da solo?" },
    {
      key: "componenti",
      type: "group",
      label: "Componenti",
      minItems: 1,
      maxItems: 2,
      showIf: { field: "viveSolo", equals: false },
      fields: [
        { key: "nome", type: "text", label: "Nome", required: true },
        { key: "codiceFiscale", type: "fiscalCode", label: "CF", required: true },
        { key: "lavora", type: "yesno", label: "Lavora?" },
        { key: "datore", type: "text", label: "Datore", required: true, showIf: { field: "lavora", equals: true } },
      ],
    },
  );

  it("validates each item, with errors at item paths", () => {
    expect(errorsOf(schema, { viveSolo: false, componenti: [{ nome: "Anna", codiceFiscale: GOOD_CF }, { nome: "", codiceFiscale: "RSSMRA85T10A562T", lavora: true }] })).toEqual({
      "componenti.1.nome": "required",
      "componenti.1.codiceFiscale": "fiscalCodeChecksum",
      "componenti.1.datore": "required",
    });
  });

  it("normalises items and strips hidden sub-fields", () => {
    expect(parse(schema, { viveSolo: false, componenti: [{ nome: "Anna", codiceFiscale: GOOD_CF.toLowerCase(), lavora: false, datore: "ACME" }] })).toEqual({
      viveSolo: false,
      componenti: [{ nome: "Anna", codiceFiscale: GOOD_CF, lavora: false }],
    });
  });

  it("checks the number of items (the minimum only on submit)", () => {
    expect(errorsOf(schema, { viveSolo: false, componenti: [] })).toEqual({ componenti: "requiredGroup" });
    const three = Array.from({ length: 3 }, () => ({ nome: "A", codiceFiscale: GOOD_CF }));
    expect(errorsOf(schema, { viveSolo: false, componenti: three }, "draft")).toEqual({ componenti: "groupTooMany" });
    expect(errorsOf(schema, { viveSolo: false, componenti: [{ nome: "A" }] }, "draft")).toEqual({});
  });

  it("a hidden group is stripped whole", () => {
    expect(parse(schema, { viveSolo: true, componenti: [{ nome: "" }] })).toEqual({ viveSolo: true });
  });
});

describe("per-page validation", () => {
  const schema: TFormSchema = {
    version: 1,
    pages: [
      { key: "uno", title: "Uno", fields: [{ key: "perChi", type: "radio", label: "Per chi", required: true, options: [{ value: "se", label: "Me" }, { value: "altri", label: "Altri" }] }] },
      {
        key: "due",
        title: "Due",
        fields: [
          { key: "nomeAltro", type: "text", label: "Nome", required: true, showIf: { field: "perChi", equals: "altri" } },
          { key: "targa", type: "text", label: "Targa", maxLength: 7 },
        ],
      },
    ],
  };

  it("checks only the step's fields and returns only them", () => {
    expect(errorsOf(schema, {}, "submit", "due")).toEqual({});
    expect(buildValidator(schema, { mode: "submit", pageKey: "due" }).parse({ perChi: "se", targa: "AB123CD" })).toEqual({ targa: "AB123CD" });
  });

  it("uses answers from earlier steps to decide what the step shows", () => {
    expect(errorsOf(schema, { perChi: "altri" }, "submit", "due")).toEqual({ nomeAltro: "required" });
    expect(errorsOf(schema, { perChi: "altri" }, "submit", "uno")).toEqual({});
  });

  it("refuses an unknown page", () => {
    expect(() => buildValidator(schema, { mode: "submit", pageKey: "tre" }).parse({})).toThrow(/Unknown form page/);
  });
});
