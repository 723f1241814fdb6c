import { fail, ok, type TCheck } from "./result";

// Numbers arrive as JS numbers (input type="number", JSON) or as text typed the Italian way.
// Decision: a string with a comma is Italian ("1.234,56": dots group thousands, comma is the
// decimal mark); without a comma, dots that group exactly three digits are thousands ("12.345"
// is twelve thousand, as an Italian reads an ISEE value) and any other single dot is a decimal
// mark ("12.5"). Spaces, apostrophes and a trailing "€" are ignored.

export function parseItalianNumber(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  let s = raw.trim().replace(/[\s'\u00a0\u202f]+/g, "").replace(/€$/, "").replace(/^€/, "");
  if (s === "") return null;
  if (s.includes(",")) {
    if (!/^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) && !/^[+-]?\d+(,\d+)?$/.test(s)) return null;
    s = s.replace(/\./g, "").replace(",", ".");
  } else if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, "");
  } else if (!/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(s)) {
    return null;
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** 1234.5 → "1.234,5" */
export function formatItalianNumber(n: number): string {
  return new Intl.NumberFormat("it-IT", { maximumFractionDigits: 10 }).format(n);
}

/** An amount in euro as Italian documents write it: "1.148,50 €" (grouping from 1.000, two decimals). */
export function formatEuro(n: number): string {
  return `${new Intl.NumberFormat("it-IT", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: "always" }).format(n)} €`;
}

export function checkNumber(raw: unknown, rules: { min?: number | undefined; max?: number | undefined; integer?: boolean | undefined }): TCheck<number> {
  const n = parseItalianNumber(raw);
  if (n === null) return fail("numberInvalid");
  if (rules.integer && !Number.isInteger(n)) return fail("numberInteger");
  if (rules.min !== undefined && n < rules.min) return fail("numberMin", { min: formatItalianNumber(rules.min) });
  if (rules.max !== undefined && n > rules.max) return fail("numberMax", { max: formatItalianNumber(rules.max) });
  return ok(n);
}
