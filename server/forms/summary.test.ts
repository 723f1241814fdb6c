import { describe, expect, it } from "vitest";
import { BONUS_ALIMENTARE_FORM } from "./reference-forms";
import { NOT_ANSWERED, summarizeAnswers } from "./summary";

describe("summarizeAnswers", () => {
  const answers = {
    nome: "Anna",
    cognome: "Bianchi",
    codiceFiscale: "RSSMRA85T10A562S",
    dataNascita: "1990-03-09",
    email: "anna@example.it",
    residenza: { street: "Via Roma 1", postalCode: "00184", city: "Roma", province: "RM" },
    viveSolo: false,
    componenti: [{ nome: "Luca", cognome: "Bianchi", codiceFiscale: "RSSMRA85T10A562S", parentela: "figlio", dataNascita: "2015-06-01" }],
    valoreIsee: 12345.5,
    iban: "IT60X0542811101000000123456",
    altriSostegni: false,
    importoSostegni: 300,
    dichiarazioni: ["residenza", "veridicita"],
    privacy: ["letta"],
  };

  const summary = summarizeAnswers(BONUS_ALIMENTARE_FORM, answers);
  const item = (page: string, key: string) => summary.find((p) => p.pageKey === page)!.items.find((i) => i.key === key);

  it("lists pages in order with their titles", () => {
    expect(summary.map((p) => [p.pageKey, p.pageTitle])).toEqual([
      ["richiedente", "Dati del richiedente"],
      ["nucleo", "Nucleo familiare"],
      ["economica", "Situazione economica"],
      ["dichiarazioni", "Dichiarazioni e consenso"],
    ]);
  });

  it("shows values the Italian way", () => {
    expect(item("richiedente", "dataNascita")?.display).toBe("09/03/1990");
    expect(item("richiedente", "residenza")?.display).toBe("Via Roma 1, 00184 Roma (RM)");
    expect(item("richiedente", "telefono")?.display).toBe(NOT_ANSWERED);
    expect(item("nucleo", "viveSolo")?.display).toBe("No");
    expect(item("economica", "valoreIsee")?.display).toBe("12.345,50 €");
    expect(item("economica", "iban")?.display).toBe("IT60 X054 2811 1010 0000 0123 456");
    expect(item("dichiarazioni", "dichiarazioni")?.display).toBe("sono residente nel Comune; le informazioni inserite sono vere e complete");
  });

  it("nests group items with option labels", () => {
    const group = item("nucleo", "componenti")!;
    expect(group.groupItems).toHaveLength(1);
    expect(group.groupItems![0]!.label).toBe("Componente 1");
    expect(group.groupItems![0]!.items.find((i) => i.key === "parentela")?.display).toBe("Figlio o figlia");
  });

  it("leaves out hidden fields and static text", () => {
    expect(item("economica", "importoSostegni")).toBeUndefined();
    expect(item("dichiarazioni", "avvertenza")).toBeUndefined();
  });

  it("shows file names", () => {
    const s = summarizeAnswers(
      { version: 1, pages: [{ key: "p", title: "P", fields: [{ key: "f", type: "file", label: "Allegati", maxSizeMb: 5, accept: ["pdf"], multiple: true }] }] },
      { f: [{ id: "1", name: "isee.pdf", size: 10, type: "application/pdf" }, { id: "2", name: "delega.pdf", size: 10, type: "application/pdf" }] },
    );
    expect(s[0]!.items[0]!.display).toBe("isee.pdf, delega.pdf");
  });
});

describe("shownPageKeys", () => {
  it("skips a page whose questions are all hidden and keeps it once one shows", async () => {
    const { shownPageKeys } = await import("./visibility");
    const { CONTRASSEGNO_DISABILI_FORM } = await import("./reference-forms");
    const keys = (perChi: string) => shownPageKeys(CONTRASSEGNO_DISABILI_FORM, { perChi });
    expect(keys("se")).not.toContain("titolare");
    expect(keys("altri")).toContain("titolare");
    expect(keys("se")[0]).toBe("richiedente");
  });
});

describe("amounts in euro", () => {
  it("are written with thousands separator and two decimals", async () => {
    const { displayValue } = await import("./summary");
    const field = { key: "isee", type: "number", label: "ISEE", unit: "€" } as const;
    expect(displayValue(field, 1148.5).replace(/\u00a0/g, " ")).toBe("1.148,50 €");
    expect(displayValue(field, 0).replace(/\u00a0/g, " ")).toBe("0,00 €");
    expect(displayValue({ key: "n", type: "number", label: "Quanti" }, 3)).toBe("3");
  });
});
