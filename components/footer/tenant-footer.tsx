import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Icon } from "../icon";
import { TenantEmblem, type TEmblemTenant } from "../settings/tenant-emblem";

type TFooterTenant = TEmblemTenant & {
  area: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
};

// A municipality's footer (Designers Italia "it-footer"): who runs the site, how to reach
// them, and the legal pages every public site must link.
export async function TenantFooter({ tenant }: { tenant: TFooterTenant }) {
  const t = await getTranslations("shell.footer");
  const th = await getTranslations("shell.header");
  const base = `/${tenant.slug}`;
  return (
    <footer className="it-footer" id="footer" tabIndex={-1}>
      <div className="it-footer-main">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-brand-wrapper">
                <Link href={base}>
                  <TenantEmblem tenant={tenant} className="brand-emblem" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{tenant.name}</div>
                    {tenant.area ? <div className="it-brand-tagline d-none d-md-block">{tenant.area}</div> : null}
                  </div>
                </Link>
              </div>
            </div>
          </div>
          <div className="row py-4 border-white border-top">
            <section className="col-lg-6 col-md-6 pb-2" aria-labelledby="footer-contacts">
              <h2 id="footer-contacts" className="h5 text-white">
                {t("contacts")}
              </h2>
              <ul className="list-unstyled footer-list">
                {tenant.contactEmail ? (
                  <li>
                    <Icon name="it-mail" size="sm" className="icon-white me-2" />
                    <span className="visually-hidden">{t("email")}: </span>
                    <a href={`mailto:${tenant.contactEmail}`}>{tenant.contactEmail}</a>
                  </li>
                ) : null}
                {tenant.contactPhone ? (
                  <li>
                    <Icon name="it-telephone" size="sm" className="icon-white me-2" />
                    <span className="visually-hidden">{t("phone")}: </span>
                    <a href={`tel:${tenant.contactPhone.replace(/[^+\d]/g, "")}`}>{tenant.contactPhone}</a>
                  </li>
                ) : null}
                {tenant.website ? (
                  <li>
                    <Icon name="it-external-link" size="sm" className="icon-white me-2" />
                    <a href={tenant.website} rel="noopener">
                      {t("website")}
                    </a>
                  </li>
                ) : null}
              </ul>
            </section>
            <section className="col-lg-6 col-md-6 pb-2" aria-labelledby="footer-services">
              <h2 id="footer-services" className="h5 text-white">
                {th("services")}
              </h2>
              <ul className="list-unstyled footer-list">
                <li>
                  <Link href={base}>{th("services")}</Link>
                </li>
                <li>
                  <Link href={`${base}/area-personale`}>{th("personalArea")}</Link>
                </li>
                <li>
                  <Link href="/">{th("platformHome")}</Link>
                </li>
              </ul>
            </section>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <h2 className="visually-hidden">{t("legal")}</h2>
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item">
              <Link href={`${base}/privacy`}>{t("privacy")}</Link>
            </li>
            <li className="list-inline-item">
              <Link href={`${base}/accessibilita`}>{t("accessibility")}</Link>
            </li>
          </ul>
          <p className="small text-white mb-0 pb-3">{t("poweredBy")}</p>
        </div>
      </div>
    </footer>
  );
}
