import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import type { TIconName } from "@/components/icon";
import { Icon } from "@/components/icon";
import { PageTitle } from "@/components/page-title";
import { requireCitizen } from "@/server/auth/session";
import { getTenantOr404 } from "../get-tenant";

type TProps = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("personalArea");
  return { title: t("metaTitle"), robots: { index: false } };
}

const SECTIONS: { id: string; key: "applications" | "messages" | "documents" | "deadlines"; icon: TIconName }[] = [
  { id: "pratiche", key: "applications", icon: "it-files" },
  { id: "messaggi", key: "messages", icon: "it-mail" },
  { id: "documenti", key: "documents", icon: "it-file" },
  { id: "scadenze", key: "deadlines", icon: "it-calendar" },
];

// GET /{tenant}/area-personale — the signed-in citizen's own area (sign-in required).
export default async function PersonalAreaPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const tenant = await getTenantOr404(slug);
  const { citizen } = await requireCitizen(slug);
  const [t, tShell] = await Promise.all([getTranslations("personalArea"), getTranslations("shell")]);
  const fullName = `${citizen.givenName} ${citizen.familyName}`;
  return (
    <div className="container pb-5">
      <PageTitle
        breadcrumb={[{ label: tShell("breadcrumb.home"), href: `/${slug}` }, { label: t("metaTitle") }]}
        title={t("greeting", { givenName: citizen.givenName })}
        lead={t("lead", { tenant: tenant.name })}
      />

      <section aria-labelledby="identity-title" className="card shadow-sm rounded border mb-4">
        <div className="card-body card-body-compact">
          <h2 id="identity-title" className="h5 d-flex align-items-center gap-2">
            <Icon name="it-user" color="primary" />
            {t("identity.title")}
          </h2>
          <dl className="row mb-0">
            <dt className="col-12 col-md-4">{t("identity.fullName")}</dt>
            <dd className="col-12 col-md-8" data-testid="citizen-full-name">
              {fullName}
            </dd>
            <dt className="col-12 col-md-4">{t("identity.fiscalCode")}</dt>
            <dd className="col-12 col-md-8 identifier" data-testid="citizen-fiscal-code">
              {citizen.fiscalCode}
            </dd>
            <dt className="col-12 col-md-4">{t("identity.email")}</dt>
            <dd className="col-12 col-md-8">{citizen.email ?? t("identity.emailMissing")}</dd>
            <dt className="col-12 col-md-4">{t("identity.spidLevel")}</dt>
            <dd className="col-12 col-md-8 mb-0">{t("identity.spidLevelValue", { level: citizen.spidLevel })}</dd>
          </dl>
        </div>
      </section>

      <nav aria-label={t("sectionsNav")} className="mb-4">
        <ul className="nav nav-pills flex-wrap gap-2">
          {[...SECTIONS, { id: "profilo", key: "profile" as const }].map((s) => (
            <li key={s.id} className="nav-item">
              <a className="btn btn-outline-primary btn-sm" href={`#${s.id}`}>
                {t(`sections.${s.key}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <div className="row g-4">
        {SECTIONS.map((s) => (
          <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`} className="col-12 col-lg-6">
            <h2 id={`${s.id}-title`} className="h4 d-flex align-items-center gap-2">
              <Icon name={s.icon} color="primary" />
              {t(`sections.${s.key}.title`)}
            </h2>
            <EmptyState icon={s.icon} title={t(`sections.${s.key}.empty`)}>
              {t(`sections.${s.key}.hint`)}
            </EmptyState>
          </section>
        ))}
        <section id="profilo" aria-labelledby="profilo-title" className="col-12">
          <h2 id="profilo-title" className="h4 d-flex align-items-center gap-2">
            <Icon name="it-settings" color="primary" />
            {t("sections.profile.title")}
          </h2>
          <p className="mb-0">{t("sections.profile.body")}</p>
        </section>
      </div>
    </div>
  );
}
