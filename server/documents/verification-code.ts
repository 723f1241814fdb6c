import { randomBytes } from "node:crypto";

// Verification codes are printed on documents (text and QR) and looked up by the public
// verification page: random, 60 bits, in Crockford's base32 (no I, L, O, U) so a code read off
// paper survives confusable letters, case and added dashes or spaces.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const VERIFICATION_CODE_LENGTH = 12;

export function generateVerificationCode(): string {
  const bits = randomBytes(8).readBigUInt64BE();
  let code = "";
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) {
    code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  }
  return code;
}

/** The canonical form of a code as typed or scanned, or null if it can't be one. */
export function normalizeVerificationCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (code.length !== VERIFICATION_CODE_LENGTH) return null;
  return [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}
