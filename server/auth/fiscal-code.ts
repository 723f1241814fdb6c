// Italian fiscal codes (codice fiscale, DM 23/12/1976): computing one for test identities and
// checking the control character of codes that come from identity providers.

const MONTH_LETTERS = "ABCDEHLMPRST";
const VOWELS = new Set(["A", "E", "I", "O", "U"]);

// Values of characters in odd positions (1st, 3rd, …); digits map like the letter at the same index.
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function charIndex(c: string): number {
  const code = c.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : code - 65;
}

/** The control character (16th) of the first 15 characters of a fiscal code. */
export function fiscalCodeCheckChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const idx = charIndex(first15[i]!);
    sum += i % 2 === 0 ? ODD_VALUES[idx]! : idx;
  }
  return String.fromCharCode(65 + (sum % 26));
}

const ZFiscalCodeShape = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** Upper-cases and trims a fiscal code; strips the "TINIT-" prefix SPID brokers send. */
export function normalizeFiscalCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/^TINIT-/, "");
}

/** True when the code has the right shape (omocodia letters included) and control character. */
export function isValidFiscalCode(code: string): boolean {
  return ZFiscalCodeShape.test(code) && fiscalCodeCheckChar(code.slice(0, 15)) === code[15];
}

function letters(s: string): string[] {
  return [...s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toUpperCase()].filter((c) => c >= "A" && c <= "Z");
}

function nameCode(name: string, isGivenName: boolean): string {
  const all = letters(name);
  const consonants = all.filter((c) => !VOWELS.has(c));
  const vowels = all.filter((c) => VOWELS.has(c));
  // Given names with 4+ consonants use the 1st, 3rd and 4th.
  if (isGivenName && consonants.length >= 4) return consonants[0]! + consonants[2]! + consonants[3]!;
  return [...consonants, ...vowels, "X", "X", "X"].slice(0, 3).join("");
}

/** Computes a fiscal code (without omocodia). birthDate is "YYYY-MM-DD"; placeCode the Belfiore code. */
export function computeFiscalCode(p: {
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: "M" | "F";
  placeCode: string;
}): string {
  const [year, month, day] = p.birthDate.split("-").map(Number) as [number, number, number];
  const dayCode = String(day + (p.sex === "F" ? 40 : 0)).padStart(2, "0");
  const first15 =
    nameCode(p.familyName, false) +
    nameCode(p.givenName, true) +
    String(year % 100).padStart(2, "0") +
    MONTH_LETTERS[month - 1] +
    dayCode +
    p.placeCode.toUpperCase();
  return first15 + fiscalCodeCheckChar(first15);
}
