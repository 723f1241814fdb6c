// Locales Sportello speaks. Italian is the language of record: every message exists in Italian,
// and English/German fall back to it key by key.
export const LOCALES = ["it", "en", "de"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "it";
/** Cookie set by the language switcher (same name next-intl's own routing uses). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** Public services in Italy run on Italian time, whatever the server's zone. */
export const TIME_ZONE = "Europe/Rome";

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
