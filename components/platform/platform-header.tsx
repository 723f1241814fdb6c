import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "../language-switcher";
import { HeaderBrand } from "../header/brand";
import { HeaderRow } from "../header/header-row";

// Header of the platform's own pages (list of municipalities, administration, 404).
export async function PlatformHeader() {
  const t = await getTranslations("shell.header");
  return (
    <header className="it-header-wrapper platform-header">
      <div className="it-header-slim-wrapper">
        <HeaderRow>
          <div className="it-header-slim-wrapper-content">
            <span className="d-none d-lg-block navbar-brand">{t("platformTagline")}</span>
            <div className="it-header-slim-right-zone">
              <LanguageSwitcher />
            </div>
          </div>
        </HeaderRow>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper it-small-header">
          <HeaderRow>
            <div className="it-header-center-content-wrapper">
              <HeaderBrand href="/" title={t("platformName")} tagline={t("platformTagline")} />
            </div>
          </HeaderRow>
        </div>
      </div>
    </header>
  );
}
