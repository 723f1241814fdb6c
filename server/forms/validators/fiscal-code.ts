import { isValidFiscalCode, normalizeFiscalCode } from "@/server/auth/fiscal-code";
import { fail, ok, type TCheck } from "./result";

// The checksum lives with identity code (server/auth/fiscal-code.ts, pure and browser-safe).
// Here: a specific message for each way people get it wrong.

const SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

export function checkFiscalCode(raw: string): TCheck<string> {
  const code = normalizeFiscalCode(raw).replace(/\s+/g, "");
  if (code.length !== 16) return fail("fiscalCodeLength", { length: code.length });
  if (!SHAPE.test(code)) return fail("fiscalCodeFormat");
  if (!isValidFiscalCode(code)) return fail("fiscalCodeChecksum");
  return ok(code);
}
