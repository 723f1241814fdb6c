import type { IntlError } from "next-intl";

// A missing message shows its key (never crashes the page) and is logged, so gaps are visible
// in development and in server logs without taking a citizen's page down.
export function reportMissingMessage(error: IntlError): void {
  if (process.env.NODE_ENV === "test") return;
  console.warn(`[i18n] ${error.code}: ${error.message}`);
}
