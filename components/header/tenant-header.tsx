import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "../language-switcher";
import { TenantEmblem, type TEmblemTenant } from "../settings/tenant-emblem";
import { HeaderBrand } from "./brand";
import { HeaderNavbar } from "./header-navbar";
import { UserAccess, type THeaderViewer } from "./user-access";
import { HeaderRow } from "./header-row";

// A municipality's header in the Designers Italia "it-header" pattern: slim header (area,
// language, sign-in), centre header (the municipality) and the navigation bar.
export async function TenantHeader({
  tenant,
  viewer,
}: {
  tenant: TEmblemTenant & { area: string | null };
  viewer: THeaderViewer;
}) {
  const t = await getTranslations("shell.header");
  const base = `/${tenant.slug}`;
  const items = [
    { href: `${base}/servizi`, label: t("services") },
    viewer?.kind === "staff"
      ? { href: `${base}/backoffice`, label: t("backoffice"), prefix: true }
      : { href: `${base}/area-personale`, label: t("personalArea"), prefix: true },
  ];
  return (
    <header className="it-header-wrapper tenant-header">
      <div className="it-header-slim-wrapper">
        <HeaderRow>
          <div className="it-header-slim-wrapper-content">
            {/* The area the municipality belongs to (e.g. its province), as Designers Italia's slim header shows the owning body. */}
            <span className="d-none d-lg-block navbar-brand">{tenant.area ?? ""}</span>
            <div className="it-header-slim-right-zone gap-2">
              <LanguageSwitcher />
              <div className="it-access-top-wrapper">
                <UserAccess tenantSlug={tenant.slug} viewer={viewer} />
              </div>
            </div>
          </div>
        </HeaderRow>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <HeaderRow>
            <div className="it-header-center-content-wrapper">
              <HeaderBrand href={base} title={tenant.name} tagline={tenant.area} emblem={<TenantEmblem tenant={tenant} className="brand-emblem" />} />
            </div>
          </HeaderRow>
        </div>
        <div className="it-header-navbar-wrapper">
          <HeaderRow>
            <HeaderNavbar id="tenant-nav" items={items} labels={{ nav: t("mainNav"), open: t("openMenu"), close: t("closeMenu") }} />
          </HeaderRow>
        </div>
      </div>
    </header>
  );
}
