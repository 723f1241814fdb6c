import { describe, expect, it } from "vitest";
import { textWidth, wrapLines } from "./text-metrics";

describe("receipt text wrapping", () => {
  it("keeps every line inside its column, words whole, in order", () => {
    const text = "Componenti del nucleo familiare — Componente 1 — Rapporto di parentela con te";
    const lines = wrapLines(text, 160, "Helvetica", 10);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, "Helvetica", 10)).toBeLessThanOrEqual(160);
    expect(lines.join(" ")).toBe(text);
  });

  it("keeps the line breaks a citizen typed, blank lines included", () => {
    expect(wrapLines("Prima riga\n\nTerza riga", 300, "Helvetica", 10)).toEqual(["Prima riga", "", "Terza riga"]);
  });

  it("cuts a long code so it wraps instead of running off the page, losing no character", () => {
    const iban = "IT60X0542811101000000123456IT60X0542811101000000123456";
    const lines = wrapLines(iban, 100, "Courier", 10);
    for (const line of lines) expect(textWidth(line, "Courier", 10)).toBeLessThanOrEqual(100);
    expect(lines.join("")).toBe(iban);
  });

  it("measures bold wider than regular, as the printed text is", () => {
    expect(textWidth("Bonus alimentare", "Helvetica-Bold", 10)).toBeGreaterThan(textWidth("Bonus alimentare", "Helvetica", 10));
  });
});
