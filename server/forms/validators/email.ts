import { fail, ok, type TCheck } from "./result";

// Pragmatic address check: what mail servers accept in practice, not the whole RFC 5322.
// The domain part is lower-cased (case-insensitive); the local part is kept as typed.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function checkEmail(raw: string): TCheck<string> {
  const email = raw.trim();
  if (email.length > 254 || !EMAIL.test(email) || email.includes("..")) return fail("emailInvalid");
  const at = email.lastIndexOf("@");
  return ok(email.slice(0, at) + "@" + email.slice(at + 1).toLowerCase());
}
