// Field errors travel inside zod issues (react-hook-form's resolver and the tRPC error formatter
// both pass issue messages through untouched) as "forms.errors.<name>|<json values>", so the
// browser and the server show the same translated message next to the same field.

export const FORM_ERROR_PREFIX = "forms.errors.";

export type TFieldErrorValues = Record<string, string | number>;
export type TFieldError = { key: string; values?: TFieldErrorValues };

/** "forms.errors.tooShort" + { min: 3 } → "forms.errors.tooShort|{"min":3}". */
export function encodeFieldError(name: string, values?: TFieldErrorValues): string {
  const key = FORM_ERROR_PREFIX + name;
  return values && Object.keys(values).length > 0 ? `${key}|${JSON.stringify(values)}` : key;
}

/** The key and values of an encoded message; null when the message isn't one of ours. */
export function decodeFieldError(message: string | undefined | null): TFieldError | null {
  if (!message || !message.startsWith(FORM_ERROR_PREFIX)) return null;
  const bar = message.indexOf("|");
  if (bar === -1) return { key: message };
  try {
    const values = JSON.parse(message.slice(bar + 1)) as unknown;
    if (values && typeof values === "object" && !Array.isArray(values)) return { key: message.slice(0, bar), values: values as TFieldErrorValues };
  } catch {
    // Fall through: a malformed suffix still names the error.
  }
  return { key: message.slice(0, bar) };
}

/** A translator of the "forms" namespace: useTranslations("forms") or getTranslator(locale, "forms"). */
export type TFormsTranslate = (key: string, values?: Record<string, string | number | Date>) => string;

/**
 * The message to show for a zod issue (or a react-hook-form FieldError, or a bare message).
 * `t` must be scoped to the "forms" namespace. Messages that aren't ours get the generic one.
 */
export function formatFieldError(issue: { message?: string | undefined } | string | undefined | null, t: TFormsTranslate): string {
  const message = typeof issue === "string" ? issue : issue?.message;
  const decoded = decodeFieldError(message);
  if (!decoded) return t("errors.invalid");
  return t(decoded.key.slice("forms.".length), decoded.values);
}
