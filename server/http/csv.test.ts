import { describe, expect, it } from "vitest";
import { csvCell, csvLine, csvSeparatorParam } from "./csv";

// What a spreadsheet makes of our cells: text with quotes, separators and line breaks stays one
// cell, and nothing a citizen typed into a form is ever run as a formula.

describe("csvCell", () => {
  it("leaves plain text alone and writes nothing for a missing value", () => {
    expect(csvCell("Rossi Maria")).toBe("Rossi Maria");
    expect(csvCell(4000)).toBe("4000");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes cells holding the separator, a quote or a line break, doubling the quotes", () => {
    expect(csvCell("Rossi; Maria")).toBe('"Rossi; Maria"');
    expect(csvCell('Via "Roma" 1')).toBe('"Via ""Roma"" 1"');
    expect(csvCell("riga 1\nriga 2")).toBe('"riga 1\nriga 2"');
    expect(csvCell("riga 1\r\nriga 2")).toBe('"riga 1\r\nriga 2"');
    // A comma only matters when it is the separator.
    expect(csvCell("Rossi, Maria", ";")).toBe("Rossi, Maria");
    expect(csvCell("Rossi, Maria", ",")).toBe('"Rossi, Maria"');
    expect(csvCell("Rossi; Maria", ",")).toBe("Rossi; Maria");
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil.example\",\"clicca\")")).toBe("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"clicca\"\")\"");
    expect(csvCell("+39 333 1234567")).toBe("'+39 333 1234567");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvCell("\t=1+1")).toBe("'\t=1+1");
    expect(csvCell("=1;2")).toBe("\"'=1;2\"");
    // Only at the start: inside a cell these are just characters.
    expect(csvCell("Rossi-Bianchi Maria")).toBe("Rossi-Bianchi Maria");
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("csvLine", () => {
  it("joins the cells with the separator and ends with CRLF", () => {
    expect(csvLine(["ESE-2026-0000001", "Rossi; Maria", null, 3000])).toBe('ESE-2026-0000001;"Rossi; Maria";;3000\r\n');
    expect(csvLine(["a", "b,c"], ",")).toBe('a,"b,c"\r\n');
  });
});

describe("csvSeparatorParam", () => {
  it("uses semicolons unless commas are asked for", () => {
    expect(csvSeparatorParam(null)).toBe(";");
    expect(csvSeparatorParam("comma")).toBe(",");
    expect(csvSeparatorParam("tab")).toBe(";");
  });
});
