"use server";

import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "./config";

// The language switcher's form action: remembers the chosen language for a year. Next.js
// re-renders the current page after the action, so it shows at once in the new language
// (and the form works without JavaScript too).
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  const proto = (await headers()).get("x-forwarded-proto");
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    secure: proto === "https",
    httpOnly: false,
  });
}
