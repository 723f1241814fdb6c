import { DEFAULT_LOCALE, isLocale, type TLocale } from "./config";

// Picks the request's locale: the switcher's cookie wins, then the browser's Accept-Language
// (by q-value, primary subtag only: "de-CH" → de), then Italian.

/** Parses an Accept-Language header into primary subtags ordered by preference. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((e) => e.lang && e.lang !== "*" && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.lang);
}

export function negotiateLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): TLocale {
  if (isLocale(input.cookie)) return input.cookie;
  const preferred = parseAcceptLanguage(input.acceptLanguage).find(isLocale);
  return preferred ?? DEFAULT_LOCALE;
}
