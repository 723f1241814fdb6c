import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AreaPageTitle } from "@/components/area/area-page-title";
import { Icon } from "@/components/icon";
import { requireCitizen } from "@/server/auth/session";

type TProps = { params: Promise<{ tenant: string }> };

const CONTENTS = ["identity", "applications", "messages", "documents", "contacts", "emails"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personalArea.myData"))("metaTitle") };
}

// GET /{tenant}/area-personale/i-miei-dati — what the municipality holds about the citizen, and
// the button that downloads all of it as one JSON file.
export default async function MyDataPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { tenant } = await requireCitizen(slug, `/${slug}/area-personale/i-miei-dati`);
  const t = await getTranslations("personalArea.myData");
  return (
    <>
      <AreaPageTitle tenantSlug={tenant.slug} title={t("title")} lead={t("lead", { tenant: tenant.name })} />
      <section aria-labelledby="contents-title" className="mb-4">
        <h2 id="contents-title" className="h5">
          {t("contentsTitle")}
        </h2>
        <ul>
          {CONTENTS.map((c) => (
            <li key={c}>{t(`contents.${c}`)}</li>
          ))}
        </ul>
        <p>{t("notIncluded")}</p>
        <p>{t("format")}</p>
      </section>
      <p>
        <a className="btn btn-primary" href={`/${tenant.slug}/area-personale/i-miei-dati/download`} download>
          <Icon name="it-download" size="sm" className="icon-current me-2" />
          {t("download")}
        </a>
      </p>
      <p className="small text-secondary">{t("rights", { tenant: tenant.name })}</p>
    </>
  );
}
