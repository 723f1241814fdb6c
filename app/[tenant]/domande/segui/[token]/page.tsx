import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { cache } from "react";
import { ApplicationTimeline } from "@/components/area/application-timeline";
import { getAreaDates } from "@/components/area/area-dates";
import { Icon } from "@/components/icon";
import { PageTitle } from "@/components/page-title";
import { TenantContacts } from "@/components/tenant/tenant-contacts";
import { emailSignInPath } from "@/server/applicants/urls";
import { getFollowView } from "@/server/applications/follow-view";
import { APPLICATION_STATUS, statusLabelKey } from "@/server/applications/status";
import { DEFAULT_LOCALE, isLocale } from "@/server/i18n/config";
import { getTenantOr404 } from "../../../get-tenant";

type TProps = { params: Promise<{ tenant: string; token: string }> };

// The tenant and the application behind the token, once per request; a wrong token renders
// ./not-found.tsx (HTTP 404).
const load = cache(async (tenantSlug: string, token: string) => {
  const [tenant, locale] = await Promise.all([getTenantOr404(tenantSlug), getLocale()]);
  const view = await getFollowView({ tenantId: tenant.id, token, locale: isLocale(locale) ? locale : DEFAULT_LOCALE });
  if (!view) notFound();
  return { tenant, view };
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("followApplication");
  // The token is the credential and sits in the address: not indexed, not passed on to other sites as referrer.
  return { title: t("metaTitle"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

// GET /{tenant}/domande/segui/{token} — the "follow your application" page of applicants without
// SPID/CIE, linked from every email about the application: status, protocol number, dates,
// timeline, the receipt and, once decided, the outcome document. No messages: they have no
// personal area (DOMAIN.md).
export default async function FollowApplicationPage({ params }: TProps) {
  const { tenant: slug, token } = await params;
  const { tenant, view } = await load(slug, token);
  const [t, tStatus, tShell, dates] = await Promise.all([
    getTranslations("followApplication"),
    getTranslations("applications"),
    getTranslations("shell"),
    getAreaDates(),
  ]);
  const isDraft = view.status === APPLICATION_STATUS.DRAFT;

  const facts: [string, ReactNode][] = [
    [t("facts.service"), view.service.name],
    [t("facts.status"), <strong key="status">{tStatus(statusLabelKey(view.status))}</strong>],
    [t("facts.protocolNumber"), view.protocolNumber ?? t("facts.protocolPending")],
    view.submittedAt ? [t("facts.submittedAt"), dates.dateTime(view.submittedAt)] : [t("facts.startedAt"), dates.dateTime(view.createdAt)],
  ];
  if (view.registeredAt) facts.push([t("facts.registeredAt"), dates.dateTime(view.registeredAt)]);
  if (view.dueDate) facts.push([t("facts.dueDate"), dates.date(view.dueDate)]);

  return (
    <div className="container pb-5">
      <PageTitle
        breadcrumb={[{ label: tShell("breadcrumb.home"), href: `/${tenant.slug}` }, { label: t("metaTitle") }]}
        title={t("title")}
        lead={view.service.name}
      />
      <div className="row g-4">
        <div className="col-12 col-lg-8">
          {isDraft ? (
            <div className="alert alert-warning mb-4" data-testid="follow-draft">
              <h2 className="h5 alert-heading">{t("draft.title")}</h2>
              <p>{t("draft.body")}</p>
              <Link className="btn btn-primary" href={emailSignInPath(tenant.slug, view.service.slug)}>
                {t("draft.action")}
              </Link>
            </div>
          ) : null}

          <section aria-labelledby="follow-facts" className="mb-5">
            <h2 id="follow-facts" className="visually-hidden">
              {t("facts.caption")}
            </h2>
            <dl className="mb-0" data-testid="follow-facts">
              {facts.map(([label, value]) => (
                <div key={label} className="d-sm-flex border-bottom py-2">
                  <dt className="col-sm-5 fw-semibold">{label}</dt>
                  <dd className="col-sm-7 mb-0 ps-sm-3 text-break">{value}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="follow-timeline" className="mb-5">
            <h2 id="follow-timeline" className="h4">
              {t("timeline.title")}
            </h2>
            {view.timeline.length === 0 ? <p>{t("timeline.empty")}</p> : <ApplicationTimeline entries={view.timeline} />}
          </section>

          {view.outcome ? (
            <section aria-labelledby="follow-outcome" className="mb-5">
              <h2 id="follow-outcome" className="h4">
                {t("outcome.title")}
              </h2>
              <p>{t("outcome.body")}</p>
              <p className="small text-secondary">{t("outcome.issued", { title: view.outcome.title, date: dates.date(view.outcome.issuedAt) })}</p>
              {/* A plain link: a file download, not a page for the client router. */}
              <a className="btn btn-outline-primary d-inline-flex align-items-center gap-2" href={`/${tenant.slug}/domande/segui/${encodeURIComponent(token)}/esito`} data-testid="outcome-link">
                <Icon name="it-download" size="sm" className="icon-current" />
                <span>{t("outcome.download")}</span>
              </a>
            </section>
          ) : null}

          {isDraft ? null : (
            <section aria-labelledby="follow-receipt" className="mb-5">
              <h2 id="follow-receipt" className="h4">
                {t("receipt.title")}
              </h2>
              {view.hasReceipt ? (
                <>
                  <p>{t("receipt.body")}</p>
                  {/* A plain link: a file download, not a page for the client router. */}
                  <a className="btn btn-outline-primary d-inline-flex align-items-center gap-2" href={`/${tenant.slug}/domande/segui/${encodeURIComponent(token)}/ricevuta`} data-testid="follow-receipt-download">
                    <Icon name="it-download" size="sm" className="icon-current" />
                    <span>{t("receipt.download")}</span>
                  </a>
                </>
              ) : (
                <p>{t("receipt.pending")}</p>
              )}
            </section>
          )}

          <p className="small text-secondary">{t("keepLink")}</p>
        </div>

        <div className="col-12 col-lg-4">
          <section aria-labelledby="follow-messages" className="border rounded p-3" data-testid="follow-no-messages">
            <h2 id="follow-messages" className="h5">
              {t("messages.title")}
            </h2>
            <p>{t("messages.body")}</p>
            <p>{t("messages.spid")}</p>
            <p className="fw-semibold mb-2">{t("messages.contact")}</p>
            <TenantContacts tenant={tenant} />
          </section>
        </div>
      </div>
    </div>
  );
}
