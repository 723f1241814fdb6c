import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ApplicationList, GROUP_ANCHOR } from "@/components/area/application-list";
import { getAreaDates } from "@/components/area/area-dates";
import { DeadlineList } from "@/components/area/deadline-list";
import { DocumentList } from "@/components/area/document-list";
import { EmptyState } from "@/components/empty-state";
import { Icon, type TIconName } from "@/components/icon";
import { PageTitle } from "@/components/page-title";
import { getAreaOverview } from "@/server/area/overview";
import { requireCitizen } from "@/server/auth/session";

type TProps = { params: Promise<{ tenant: string }> };

function Section({ id, icon, title, badge, children, more }: { id: string; icon: TIconName; title: string; badge?: ReactNode; children: ReactNode; more?: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="col-12 col-xl-6">
      <div className="card shadow-sm border rounded h-100">
        <div className="card-body card-body-compact d-flex flex-column">
          <h2 id={`${id}-title`} className="h5 d-flex align-items-center gap-2">
            <Icon name={icon} color="primary" />
            {title}
            {badge}
          </h2>
          <div className="flex-grow-1">{children}</div>
          {more ? <p className="mt-3 mb-0">{more}</p> : null}
        </div>
      </div>
    </section>
  );
}

// GET /{tenant}/area-personale — the signed-in citizen's area: who they are, then their
// applications, messages, documents and deadlines, each with the latest few and a link to all.
export default async function PersonalAreaPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { citizen, tenant } = await requireCitizen(slug);
  const [t, tShell, tGroups, dates, overview] = await Promise.all([
    getTranslations("personalArea"),
    getTranslations("shell"),
    getTranslations("applications.group"),
    getAreaDates(),
    getAreaOverview({ tenantId: tenant.id, citizenId: citizen.id }),
  ]);
  const base = `/${tenant.slug}/area-personale`;
  const { applications, messages, documents, deadlines } = overview;
  const totalApplications = applications.counts.draft + applications.counts.inProgress + applications.counts.closed;

  return (
    <>
      <PageTitle
        breadcrumb={[{ label: tShell("breadcrumb.home"), href: `/${tenant.slug}` }, { label: t("metaTitle") }]}
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
              {citizen.givenName} {citizen.familyName}
            </dd>
            <dt className="col-12 col-md-4">{t("identity.fiscalCode")}</dt>
            <dd className="col-12 col-md-8 identifier" data-testid="citizen-fiscal-code">
              {citizen.fiscalCode}
            </dd>
            <dt className="col-12 col-md-4">{t("identity.email")}</dt>
            <dd className="col-12 col-md-8 text-break">{citizen.email ?? t("identity.emailMissing")}</dd>
            <dt className="col-12 col-md-4">{t("identity.spidLevel")}</dt>
            <dd className="col-12 col-md-8 mb-0">{t("identity.spidLevelValue", { level: citizen.spidLevel })}</dd>
          </dl>
          <p className="mt-3 mb-0">
            <Link href={`${base}/profilo`}>{t("overview.editProfile")}</Link>
          </p>
        </div>
      </section>

      <div className="row g-4">
        <Section
          id="pratiche"
          icon="it-files"
          title={t("sections.applications.title")}
          more={totalApplications > 0 ? <Link href={`${base}/domande`}>{t("overview.allApplications", { count: totalApplications })}</Link> : null}
        >
          {totalApplications === 0 ? (
            <EmptyState icon="it-files" title={t("sections.applications.empty")}>
              {t("sections.applications.hint")}{" "}
              <Link href={`/${tenant.slug}/servizi`}>{t("overview.browseServices")}</Link>
            </EmptyState>
          ) : (
            <>
              <ul className="list-inline mb-3" data-testid="application-counts">
                {(["draft", "inProgress", "closed"] as const).map((g) => (
                  <li key={g} className="list-inline-item me-3">
                    <Link href={`${base}/domande#${GROUP_ANCHOR[g]}`}>
                      {tGroups(g)}: <strong>{applications.counts[g]}</strong>
                    </Link>
                  </li>
                ))}
              </ul>
              <h3 className="h6 text-secondary">{t("overview.latestApplications")}</h3>
              <ApplicationList tenantSlug={tenant.slug} items={applications.latest} headingLevel={3} />
            </>
          )}
        </Section>

        <Section
          id="messaggi"
          icon="it-mail"
          title={t("sections.messages.title")}
          badge={
            messages.unreadCount > 0 ? (
              <span className="badge bg-danger" data-testid="overview-unread-count">
                {t("overview.unreadBadge", { count: messages.unreadCount })}
              </span>
            ) : null
          }
          more={messages.latest.length > 0 ? <Link href={`${base}/messaggi`}>{t("overview.allMessages")}</Link> : null}
        >
          {messages.latest.length === 0 ? (
            <EmptyState icon="it-mail" title={t("sections.messages.empty")}>
              {t("sections.messages.hint")}
            </EmptyState>
          ) : (
            <ul className="list-unstyled mb-0 d-grid gap-2">
              {messages.latest.map((m) => (
                <li key={m.id}>
                  <Link href={`${base}/messaggi?messaggio=${m.id}`} className={m.readAt ? "" : "fw-bold"}>
                    {m.subject}
                  </Link>
                  <span className="d-block small text-secondary">
                    {m.readAt ? null : <span className="badge bg-primary me-2">{t("messages.unread")}</span>}
                    <time dateTime={dates.iso(m.createdAt)}>{dates.dateTime(m.createdAt)}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section
          id="documenti"
          icon="it-file"
          title={t("sections.documents.title")}
          more={documents.count > 0 ? <Link href={`${base}/documenti`}>{t("overview.allDocuments", { count: documents.count })}</Link> : null}
        >
          {documents.latest.length === 0 ? (
            <EmptyState icon="it-file" title={t("sections.documents.empty")}>
              {t("sections.documents.hint")}
            </EmptyState>
          ) : (
            <DocumentList tenantSlug={tenant.slug} items={documents.latest} />
          )}
        </Section>

        <Section id="scadenze" icon="it-calendar" title={t("sections.deadlines.title")}>
          {deadlines.length === 0 ? (
            <EmptyState icon="it-calendar" title={t("sections.deadlines.empty")}>
              {t("sections.deadlines.hint")}
            </EmptyState>
          ) : (
            <DeadlineList tenantSlug={tenant.slug} items={deadlines} />
          )}
        </Section>
      </div>
    </>
  );
}
