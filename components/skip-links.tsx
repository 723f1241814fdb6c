import { getTranslations } from "next-intl/server";

// First focusable elements of every page (WCAG 2.4.1): hidden until focused.
export async function SkipLinks() {
  const t = await getTranslations("shell.skipLinks");
  return (
    <div className="skiplinks">
      <a className="visually-hidden-focusable" href="#main-content">
        {t("main")}
      </a>
      <a className="visually-hidden-focusable" href="#footer">
        {t("footer")}
      </a>
    </div>
  );
}
