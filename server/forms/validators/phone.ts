import { fail, ok, type TCheck } from "./result";

// Italian phone numbers, mobile or landline: an optional +39 / 0039 prefix, then 6–11 digits.
// Spaces, dots, dashes, slashes and parentheses are separators people type; they are removed.

export function checkItalianPhone(raw: string): TCheck<string> {
  const compact = raw.trim().replace(/[\s.\-/()]+/g, "");
  const m = /^(?:(?:\+|00)39)?([0-9]{6,11})$/.exec(compact);
  if (!m) return fail("phoneInvalid");
  const hasPrefix = compact.startsWith("+") || compact.startsWith("00");
  return ok(hasPrefix ? `+39${m[1]}` : m[1]!);
}
