// What a new back-office password must be (NIST SP 800-63B style: length over composition
// rules, no obvious choices). Pure, so the browser checks with the same rules as the server.
// The sign-in form accepts up to 1,024 characters, so every password allowed here signs in.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** Fewer different characters than this ("aaaaaaaaaaaa", "121212121212") is too simple. */
const MIN_DISTINCT_CHARACTERS = 5;

/** Very common choices that pass the length rule (compared in lower case). */
const COMMON = new Set([
  "password1234",
  "password12345",
  "password123456",
  "passwordpassword",
  "qwertyuiopasdfgh",
  "qwertyuiop123",
  "qwerty123456",
  "123456789abc",
  "abcdefghijkl",
  "abc123456789",
  "1234567890ab",
  "1q2w3e4r5t6y",
  "iloveyou1234",
  "sportello123",
  "sportello1234",
  "cambiami1234",
  "benvenuto123",
  "benvenuto1234",
]);

export type TPasswordProblem = "tooShort" | "tooLong" | "tooSimple" | "containsEmail";

/** The first problem of a new password, or null when it is acceptable. `email`: the account's
 * address, which the password must not contain (nor its part before the @, when 4+ characters). */
export function passwordProblem(password: string, opts: { email?: string | null } = {}): TPasswordProblem | null {
  const characters = [...password.normalize("NFC")];
  if (characters.length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (characters.length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lower = password.toLowerCase();
  if (new Set(characters).size < MIN_DISTINCT_CHARACTERS || COMMON.has(lower) || /^\d+$/.test(password)) return "tooSimple";
  const email = opts.email?.trim().toLowerCase();
  const local = email?.split("@")[0] ?? "";
  if (email && (lower.includes(email) || (local.length >= 4 && lower.includes(local)))) return "containsEmail";
  return null;
}
