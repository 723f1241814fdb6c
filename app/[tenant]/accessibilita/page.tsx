import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { getTenantOr404 } from "../get-tenant";

type TProps = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("legal.accessibility");
  return { title: t("metaTitle") };
}

// GET /{tenant}/accessibilita — the accessibility statement (Legge 4/2004) with the feedback
// address and the enforcement procedure.
export default async function AccessibilityPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const tenant = await getTenantOr404(slug);
  const [t, tShell] = await Promise.all([getTranslations("legal.accessibility"), getTranslations("shell")]);
  const values = { tenant: tenant.name };
  return (
    <div className="container pb-5">
      <PageTitle
        breadcrumb={[{ label: tShell("breadcrumb.home"), href: `/${slug}` }, { label: t("metaTitle") }]}
        title={t("title")}
        lead={t("lead", values)}
      />
      <div className="row">
        <div className="col-12 col-lg-8">
          {(["scope", "status"] as const).map((s) => (
            <section key={s} aria-labelledby={`a11y-${s}`} className="mb-4">
              <h2 id={`a11y-${s}`} className="h4">
                {t(`${s}Title`)}
              </h2>
              <p>{t(`${s}Body`, values)}</p>
            </section>
          ))}
          <section aria-labelledby="a11y-feedback" className="mb-4">
            <h2 id="a11y-feedback" className="h4">
              {t("feedbackTitle")}
            </h2>
            <p>{t("feedbackBody")}</p>
            <p>
              {tenant.contactEmail ? (
                <>
                  {t("feedbackEmail")} <a href={`mailto:${tenant.contactEmail}`}>{tenant.contactEmail}</a>
                </>
              ) : (
                t("feedbackNoEmail")
              )}
            </p>
          </section>
          <section aria-labelledby="a11y-enforcement" className="mb-4">
            <h2 id="a11y-enforcement" className="h4">
              {t("enforcementTitle")}
            </h2>
            <p>{t("enforcementBody")}</p>
          </section>
        </div>
      </div>
    </div>
  );
}
