import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CardText } from "@/components/services/card-text";
import { PageTitle } from "@/components/page-title";
import { StartApplicationButton } from "@/components/forms/start-button";
import { startApplicationAction } from "@/server/applications/actions";
import { getCurrentApplicant } from "@/server/applicants/current";
import { listDrafts } from "@/server/applications/drafts";
import { assertAccessLevel } from "@/server/applications/service-window";
import { isAppError } from "@/server/errors";
import { getServiceCard } from "@/server/services/catalogue";
import { getTenantOr404 } from "../../../get-tenant";

type TProps = { params: Promise<{ tenant: string; service: string }> };

export const metadata: Metadata = { robots: { index: false } };

async function loadService(tenantId: string, slug: string) {
  try {
    return await getServiceCard({ tenantId, slug });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

// GET /{tenant}/servizi/{service}/domanda — before the form: how to identify (SPID/CIE, or an
// email for services open to everyone), drafts already started for this service, what to have
// at hand and the privacy notice, then "Inizia la compilazione" (a POST: nothing is created by
// merely opening a link).
export default async function StartApplicationPage({ params }: TProps) {
  const { tenant: slug, service: serviceSlug } = await params;
  const tenant = await getTenantOr404(slug);
  const service = await loadService(tenant.id, serviceSlug);
  const [t, tShell, format, applicant] = await Promise.all([getTranslations("forms.start"), getTranslations("shell"), getFormatter(), getCurrentApplicant(tenant.id)]);
  const here = `/${tenant.slug}/servizi/${service.slug}/domanda`;
  const breadcrumb = [
    { label: tShell("breadcrumb.home"), href: `/${tenant.slug}` },
    { label: service.name, href: `/${tenant.slug}/servizi/${service.slug}` },
    { label: t("breadcrumb") },
  ];

  let body: React.ReactNode;
  if (service.availability.kind !== "open") {
    body = (
      <div className="alert alert-warning" role="alert" data-testid="service-not-open">
        {t(`notOpen.${service.availability.kind}`)}
      </div>
    );
  } else if (!applicant) {
    const signIn = `/${tenant.slug}/accedi?callbackUrl=${encodeURIComponent(here)}`;
    body = (
      <div className="row g-4">
        <section className="col-12 col-lg-6" aria-labelledby="with-spid">
          <div className="card shadow-sm border rounded h-100">
            <div className="card-body">
              <h2 id="with-spid" className="h4">
                {t("withSpidTitle")}
              </h2>
              <p>{t("withSpidBody")}</p>
              <a className="btn btn-primary" href={signIn}>
                {t("withSpidAction")}
              </a>
            </div>
          </div>
        </section>
        {service.accessLevel === "ANONYMOUS_EMAIL" ? (
          <section className="col-12 col-lg-6" aria-labelledby="with-email">
            <div className="card shadow-sm border rounded h-100">
              <div className="card-body">
                <h2 id="with-email" className="h4">
                  {t("withEmailTitle")}
                </h2>
                <p>{t("withEmailBody")}</p>
                <a className="btn btn-outline-primary" href={`/${tenant.slug}/accesso-email?servizio=${encodeURIComponent(service.slug)}`} data-testid="continue-with-email">
                  {t("withEmailAction")}
                </a>
              </div>
            </div>
          </section>
        ) : null}
      </div>
    );
  } else {
    let refusal: string | null = null;
    try {
      assertAccessLevel(service, applicant, undefined);
    } catch (e) {
      if (!isAppError(e)) throw e;
      refusal = (await getTranslations())(e.messageKey);
    }
    const drafts = (await listDrafts({ tenantId: tenant.id, applicant })).filter((d) => d.service.slug === service.slug);
    body = refusal ? (
      <div className="alert alert-warning" role="alert">
        {refusal}
      </div>
    ) : (
      <>
        {drafts.length > 0 ? (
          <section aria-labelledby="drafts-title" className="mb-5">
            <h2 id="drafts-title" className="h4">
              {t("draftsTitle")}
            </h2>
            <ul className="list-group mb-2">
              {drafts.map((d) => (
                <li key={d.id} className="list-group-item d-flex flex-column flex-sm-row justify-content-between align-items-sm-center gap-2">
                  <span>{t("draftSavedAt", { when: format.dateTime(d.lastSavedAt, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Rome" }) })}</span>
                  <a className="btn btn-outline-primary btn-sm" href={`/${tenant.slug}/domande/${d.id}`} data-testid="resume-draft">
                    {t("resume")}
                  </a>
                </li>
              ))}
            </ul>
            <p className="small text-secondary">{t("draftsHint")}</p>
          </section>
        ) : null}
        <section aria-labelledby="before-title" className="mb-4">
          <h2 id="before-title" className="h4">
            {t("beforeTitle")}
          </h2>
          <p>{t("beforeBody")}</p>
          <h3 className="h6">{t("documentsTitle")}</h3>
          <CardText text={service.documentsNeeded} />
        </section>
        <details className="mb-4">
          <summary className="fw-semibold">{t("privacyTitle")}</summary>
          <div className="pt-2">
            <CardText text={service.privacyNotice} />
          </div>
        </details>
        <StartApplicationButton action={startApplicationAction.bind(null, tenant.slug, service.slug)} />
      </>
    );
  }

  return (
    <div className="container pb-5">
      <PageTitle breadcrumb={breadcrumb} title={service.name} lead={t("lead")} />
      {body}
    </div>
  );
}
