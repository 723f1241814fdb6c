import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { AccessLog } from "@/components/area/access-log";
import { ApplicationTimeline } from "@/components/area/application-timeline";
import { getAreaDates } from "@/components/area/area-dates";
import { AreaPageTitle } from "@/components/area/area-page-title";
import { DocumentList } from "@/components/area/document-list";
import { MessageList } from "@/components/area/message-list";
import { StatusBadge } from "@/components/area/status-badge";
import { CitizenIntegrationTask } from "@/components/conversation/citizen-integration-task";
import { CitizenReply } from "@/components/conversation/citizen-reply";
import { EmptyState } from "@/components/empty-state";
import { getMyApplication } from "@/server/area/applications";
import { canWithdraw } from "@/server/area/withdraw";
import { requireCitizen } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import type { TLocale } from "@/server/i18n/config";
import { WithdrawForm } from "./withdraw-form";

type TProps = { params: Promise<{ tenant: string; id: string }> };

// Once per request (metadata and page); another person's application renders the 404 page.
const load = cache(async (slug: string, id: string) => {
  const { citizen, tenant } = await requireCitizen(slug, `/${slug}/area-personale/domande/${id}`);
  try {
    const application = await getMyApplication({
      tenantId: tenant.id,
      citizenId: citizen.id,
      applicationId: id,
      locale: (await getLocale()) as TLocale,
    });
    return { tenant, application };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { tenant, id } = await params;
  const { application } = await load(tenant, id);
  return { title: application.service.name };
}

// GET /{tenant}/area-personale/domande/{id} — one application: status, protocol number, dates,
// what happened so far (timeline), its documents and messages.
export default async function MyApplicationPage({ params }: TProps) {
  const { tenant: slug, id } = await params;
  const { tenant, application: a } = await load(slug, id);
  const [t, tArea, dates] = await Promise.all([getTranslations("personalArea.application"), getTranslations("personalArea"), getAreaDates()]);
  const base = `/${tenant.slug}/area-personale`;
  const facts: { label: string; value: string; iso?: string; testId?: string }[] = [];
  if (a.protocolNumber) facts.push({ label: t("protocolNumber"), value: a.protocolNumber, testId: "application-protocol-number" });
  if (a.submittedAt) facts.push({ label: t("submittedAt"), value: dates.dateTime(a.submittedAt), iso: dates.iso(a.submittedAt) });
  if (a.group === "inProgress" && a.dueDate) facts.push({ label: t("dueDate"), value: dates.date(a.dueDate), iso: dates.iso(a.dueDate), testId: "application-due-date" });
  if (a.group === "draft") {
    facts.push({ label: t("lastSaved"), value: dates.dateTime(a.lastSavedAt), iso: dates.iso(a.lastSavedAt) });
    if (a.draftExpiresAt) facts.push({ label: t("draftExpires"), value: dates.date(a.draftExpiresAt), iso: dates.iso(a.draftExpiresAt) });
  }

  return (
    <>
      <AreaPageTitle tenantSlug={tenant.slug} title={a.service.name} parents={[{ label: tArea("applications.title"), href: `${base}/domande` }]} />

      <section aria-labelledby="summary-title" className="card shadow-sm border rounded mb-4">
        <div className="card-body card-body-compact">
          <h2 id="summary-title" className="visually-hidden">
            {t("summary")}
          </h2>
          <p className="mb-3">
            <span className="me-2">{t("status")}:</span>
            <StatusBadge status={a.status} />
          </p>
          <dl className="row mb-0">
            {facts.map((f) => (
              <div key={f.label} className="col-12 col-md-6">
                <dt className="fw-normal text-secondary small">{f.label}</dt>
                <dd className="fw-semibold" data-testid={f.testId}>
                  {f.iso ? <time dateTime={f.iso}>{f.value}</time> : f.value}
                </dd>
              </div>
            ))}
          </dl>
          {a.group === "draft" ? (
            <>
              <p className="mb-3">{t("draftNotice")}</p>
              <Link className="btn btn-primary" href={`/${tenant.slug}/domande/${a.id}`}>
                {t("resume")}
              </Link>
            </>
          ) : null}
          {/* slot:withdraw — withdrawal, where the service allows it */}
          {a.service.allowWithdrawal && a.group !== "draft" ? (
            <WithdrawForm
              tenant={tenant.slug}
              applicationId={a.id}
              version={a.version}
              canWithdraw={canWithdraw({ status: a.status, serviceAllowsWithdrawal: a.service.allowWithdrawal })}
            />
          ) : null}
        </div>
      </section>
      {/* slot:integration — the office's open request for documents, answered here */}
      <CitizenIntegrationTask tenantSlug={tenant.slug} applicationId={a.id} />

      <section aria-labelledby="timeline-title" className="mb-5">
        <h2 id="timeline-title" className="h4">
          {t("timeline")}
        </h2>
        <ApplicationTimeline entries={a.timeline} />
      </section>

      <section aria-labelledby="documents-title" className="mb-5">
        <h2 id="documents-title" className="h4">
          {t("documents")}
        </h2>
        {a.documents.length === 0 ? (
          <EmptyState icon="it-file" title={t("documentsEmpty")} />
        ) : (
          <DocumentList tenantSlug={tenant.slug} items={a.documents} showApplication={false} />
        )}
      </section>

      <section aria-labelledby="messages-title" className="mb-4">
        <h2 id="messages-title" className="h4">
          {t("messages")}
        </h2>
        {a.messages.length === 0 ? (
          <EmptyState icon="it-mail" title={t("messagesEmpty")} />
        ) : (
          <MessageList tenantSlug={tenant.slug} items={a.messages} headingLevel={3} showApplication={false} />
        )}
        {/* slot:reply — the citizen's reply to the office */}
        <CitizenReply tenantSlug={tenant.slug} applicationId={a.id} status={a.status} />
      </section>
      {/* slot:views — which office roles opened the application, and when */}
      {a.group === "draft" ? null : <AccessLog tenantSlug={tenant.slug} applicationId={a.id} />}
    </>
  );
}
