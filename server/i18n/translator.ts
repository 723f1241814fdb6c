import { createTranslator } from "next-intl";
import { TIME_ZONE, type TLocale } from "./config";
import { loadMessages } from "./messages";
import { reportMissingMessage } from "./missing";

// Translations outside a request (emails, PDFs, jobs): same catalogues and fallback as pages.

export type TTranslate = (key: string, values?: Record<string, string | number | Date>) => string;

export async function getTranslator(locale: TLocale, namespace: string): Promise<TTranslate> {
  const messages = await loadMessages(locale);
  const t = createTranslator({
    locale,
    messages,
    namespace,
    timeZone: TIME_ZONE,
    onError: reportMissingMessage,
    getMessageFallback: ({ namespace: ns, key }) => [ns, key].filter(Boolean).join("."),
  });
  // createTranslator is typed against a known catalogue; ours is loaded at run time.
  return (key, values) => (t as unknown as TTranslate)(key, values);
}

/** Translates a full message key ("errors.notFound": namespace, then the key inside it). */
export async function translateMessageKey(locale: TLocale, messageKey: string, values?: Record<string, string | number>): Promise<string> {
  const dot = messageKey.indexOf(".");
  const t = await getTranslator(locale, messageKey.slice(0, dot));
  return t(messageKey.slice(dot + 1), values);
}
