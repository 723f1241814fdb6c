import { z } from "zod";
import { API_SCOPES } from "./scopes";

// The inputs of the API keys page ("API e webhook" → "Chiavi API"), shared by the browser form
// (react-hook-form + zod) and the tRPC procedures. Messages are i18n keys of the apiKeys
// namespace. No server imports: the browser bundles this file.

export const API_KEY_NAME_MAX_LENGTH = 100;
export const API_KEY_RATE_LIMIT_MIN = 1;
export const API_KEY_RATE_LIMIT_MAX = 10_000;
export const API_KEY_RATE_LIMIT_DEFAULT = 120;
/** Keys listed on the page (a municipality has a handful). */
export const API_KEYS_LIST_MAX = 200;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const ZApiKeyName = z
  .string({ error: "apiKeys.errors.nameRequired" })
  .trim()
  .min(1, "apiKeys.errors.nameRequired")
  .max(API_KEY_NAME_MAX_LENGTH, "apiKeys.errors.nameTooLong");

export const ZApiKeyScopes = z
  .array(z.enum(API_SCOPES, { error: "apiKeys.errors.scopesInvalid" }), { error: "apiKeys.errors.scopesRequired" })
  .min(1, "apiKeys.errors.scopesRequired")
  .max(API_SCOPES.length, "apiKeys.errors.scopesInvalid");

export const ZApiKeyRateLimit = z
  .number({ error: "apiKeys.errors.rateLimitInvalid" })
  .int("apiKeys.errors.rateLimitInvalid")
  .min(API_KEY_RATE_LIMIT_MIN, "apiKeys.errors.rateLimitInvalid")
  .max(API_KEY_RATE_LIMIT_MAX, "apiKeys.errors.rateLimitInvalid");

/** The last day the key works ("YYYY-MM-DD", on Rome's calendar); null: it never expires. */
export const ZApiKeyExpiresOn = z
  .string()
  .regex(DATE_PATTERN, "apiKeys.errors.expiryInvalid")
  .refine((s) => isRealDate(s), "apiKeys.errors.expiryInvalid")
  .nullable();

export function isRealDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d && y < 10_000;
}

/** Today's date on Rome's calendar ("YYYY-MM-DD"). */
export function romeToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The same day one year later (29 February → 28 February), the form's default expiry. */
export function oneYearLater(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y + 1, m - 1, d));
  if (at.getUTCDate() !== d) at.setUTCDate(0);
  return at.toISOString().slice(0, 10);
}

/** "Crea chiave": what the tRPC procedure takes. */
export const ZCreateApiKeyInput = z.object({
  tenantSlug: z.string(),
  name: ZApiKeyName,
  scopes: ZApiKeyScopes,
  expiresOn: ZApiKeyExpiresOn,
  rateLimitPerMinute: ZApiKeyRateLimit,
});
export type TCreateApiKeyValues = z.output<typeof ZCreateApiKeyInput>;

export const ZRevokeApiKeyInput = z.object({ tenantSlug: z.string(), keyId: z.string().min(1).max(64) });

/** The browser form: an expiry date unless "no expiry" is ticked; the date must be after today. */
export const ZApiKeyForm = z
  .object({
    name: ZApiKeyName,
    scopes: ZApiKeyScopes,
    noExpiry: z.boolean(),
    expiresOn: z.string(),
    rateLimitPerMinute: ZApiKeyRateLimit,
  })
  .superRefine((value, ctx) => {
    if (value.noExpiry) return;
    if (!value.expiresOn) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "apiKeys.errors.expiryRequired" });
    else if (!isRealDate(value.expiresOn)) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "apiKeys.errors.expiryInvalid" });
    else if (value.expiresOn <= romeToday()) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "apiKeys.errors.expiryPast" });
  });
export type TApiKeyForm = z.input<typeof ZApiKeyForm>;

export type TApiKeyStatus = "active" | "expired" | "revoked";
