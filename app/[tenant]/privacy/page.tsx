import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { getTenantOr404 } from "../get-tenant";

type TProps = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("legal.privacy");
  return { title: t("metaTitle") };
}

const SECTIONS = ["controller", "data", "purpose", "retention", "recipients", "cookies", "rights"] as const;

// GET /{tenant}/privacy — the privacy notice for the municipality's online services.
export default async function PrivacyPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const tenant = await getTenantOr404(slug);
  const [t, tShell] = await Promise.all([getTranslations("legal.privacy"), getTranslations("shell")]);
  return (
    <div className="container pb-5">
      <PageTitle
        breadcrumb={[{ label: tShell("breadcrumb.home"), href: `/${slug}` }, { label: t("metaTitle") }]}
        title={t("title")}
        lead={t("lead", { tenant: tenant.name })}
      />
      <div className="row">
        <div className="col-12 col-lg-8">
          {SECTIONS.map((s) => (
            <section key={s} aria-labelledby={`privacy-${s}`} className="mb-4">
              <h2 id={`privacy-${s}`} className="h4">
                {t(`${s}Title`)}
              </h2>
              <p>{t(`${s}Body`, { tenant: tenant.name })}</p>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
