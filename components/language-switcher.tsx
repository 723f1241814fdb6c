import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/server/i18n/config";
import { setLocaleAction } from "@/server/i18n/actions";

// Language choice in the slim header: one button per language, named in that language (with
// lang= so screen readers pronounce it right). The current one is marked, not clickable.
export async function LanguageSwitcher({ className }: { className?: string }) {
  const [t, current] = await Promise.all([getTranslations("shell.language"), getLocale()]);
  return (
    <form action={setLocaleAction} className={`language-switcher d-flex align-items-center ${className ?? ""}`}>
      <span className="visually-hidden">{t("label")}</span>
      <ul className="list-inline d-flex mb-0" role="list">
        {LOCALES.map((locale) => {
          const name = t(locale);
          const isCurrent = locale === current;
          return (
            <li key={locale} className="list-inline-item m-0">
              {isCurrent ? (
                <span className="language-switcher-item is-current" lang={locale} aria-current="true">
                  {locale.toUpperCase()}
                  <span className="visually-hidden">{` – ${name} (${t("current")})`}</span>
                </span>
              ) : (
                <button type="submit" name="locale" value={locale} lang={locale} className="language-switcher-item" aria-label={`${locale.toUpperCase()} – ${name}`}>
                  {locale.toUpperCase()}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </form>
  );
}
