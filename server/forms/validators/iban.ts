import { fail, ok, type TCheck } from "./result";

// IBAN (ISO 13616): country, two check digits, national account (BBAN); valid when the number
// formed by moving the first four characters to the end, letters as 10–35, is ≡ 1 mod 97.
// Italian IBANs are 27 characters: IT, check digits, CIN letter, ABI (5), CAB (5), account (12).

const IBAN_SHAPE = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/;
const IT_BBAN = /^[A-Z][0-9]{5}[0-9]{5}[A-Z0-9]{12}$/;

/** Removes spaces (and the dashes some banks print) and upper-cases. */
export function normalizeIban(raw: string): string {
  return raw.replace(/[\s-]+/g, "").toUpperCase();
}

export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const c of rearranged) {
    const code = c.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : c;
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest;
}

export function checkIban(raw: string, opts: { italianOnly?: boolean | undefined } = {}): TCheck<string> {
  const iban = normalizeIban(raw);
  if (!IBAN_SHAPE.test(iban)) return fail("ibanFormat");
  const country = iban.slice(0, 2);
  if (opts.italianOnly && country !== "IT") return fail("ibanItalianOnly");
  if (country === "IT" && iban.length !== 27) return fail("ibanItLength", { length: iban.length });
  if (country === "IT" && !IT_BBAN.test(iban.slice(4))) return fail("ibanFormat");
  if (ibanMod97(iban) !== 1) return fail("ibanChecksum");
  return ok(iban);
}

/** "IT60X0542811101000000123456" → "IT60 X054 2811 1010 0000 0123 456" (how banks print it). */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, "$1 ");
}
