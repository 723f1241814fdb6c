import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE } from "./config";
import { loadMessages } from "./messages";
import { negotiateLocale } from "./negotiate";
import { reportMissingMessage } from "./missing";

// next-intl's per-request configuration (wired by createNextIntlPlugin in next.config.mjs).
// No locale in URLs: the locale comes from the NEXT_LOCALE cookie, else Accept-Language.
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = negotiateLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: await loadMessages(locale),
    onError: reportMissingMessage,
    getMessageFallback: ({ namespace, key }) => [namespace, key].filter(Boolean).join("."),
  };
});
