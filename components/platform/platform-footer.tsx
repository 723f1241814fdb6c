import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function PlatformFooter() {
  const t = await getTranslations("shell");
  return (
    <footer className="it-footer" id="footer" tabIndex={-1}>
      <div className="it-footer-main">
        <div className="container py-4">
          <p className="text-white mb-2">{t("footer.platformNote")}</p>
          <ul className="list-inline mb-0">
            <li className="list-inline-item">
              <Link className="text-white" href="/">
                {t("header.platformHome")}
              </Link>
            </li>
            <li className="list-inline-item">
              <Link className="text-white" href="/admin">
                {t("footer.admin")}
              </Link>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
