// CSV files for spreadsheets (the inbox export, later the statistics): what Excel in an Italian
// locale opens correctly with a double click. Semicolons by default (Italian Excel reads the
// comma as the decimal mark), CRLF line ends (RFC 4180), a UTF-8 byte order mark (without it
// Excel reads "Niccolò" as Windows-1252), and cells that would start a formula defused.

export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

export type TCsvSeparator = ";" | ",";

/** ?sep=comma asks for commas; anything else (or nothing) gets the Italian default. */
export function csvSeparatorParam(value: string | null | undefined): TCsvSeparator {
  return value === "comma" ? "," : ";";
}

/** A spreadsheet runs a cell starting with one of these as a formula (=HYPERLINK(...), +cmd|...,
 * @SUM(...)); tab and carriage return also start one in some spreadsheets (OWASP, "CSV
 * injection"). Such cells get a leading apostrophe: shown as text, never evaluated. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: defused, then quoted when it holds a quote, the separator or a line break. */
export function csvCell(value: string | number | null | undefined, separator: TCsvSeparator = ";"): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return text.includes('"') || text.includes(separator) || text.includes("\n") || text.includes("\r") ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line, line end included. */
export function csvLine(cells: readonly (string | number | null | undefined)[], separator: TCsvSeparator = ";"): string {
  return cells.map((c) => csvCell(c, separator)).join(separator) + CSV_EOL;
}
