import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { getAreaDates } from "@/components/area/area-dates";
import { DossierApplications } from "@/components/backoffice/dossier-applications";
import { DossierMessages } from "@/components/backoffice/dossier-messages";
import { Breadcrumb } from "@/components/breadcrumb";
import { EmptyState } from "@/components/empty-state";
import { Icon } from "@/components/icon";
import { clientIp } from "@/server/auth/client-ip";
import { requireStaff } from "@/server/auth/session";
import { DOSSIER_MESSAGES_MAX, viewCitizenDossier } from "@/server/backoffice/dossier";
import { isAppError } from "@/server/errors";

type TProps = { params: Promise<{ tenant: string; citizenId: string }>; searchParams: Promise<{ messaggi?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("dossier"), getTranslations("backoffice")]);
  return { title: `${t("metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

type TDomicile = { street?: string; postalCode?: string; city?: string; province?: string; country?: string };

/** "Via Roma 1, 38100 Trento (TN)". */
function domicileLine(value: unknown): string | null {
  if (!value || typeof value !== "object") return null;
  const d = value as TDomicile;
  const place = [d.postalCode, d.city].filter(Boolean).join(" ");
  const line = [d.street, place].filter(Boolean).join(", ");
  return line ? `${line}${d.province ? ` (${d.province})` : ""}` : null;
}

// GET /{tenant}/backoffice/cittadini/{citizenId}[?messaggi=tutti] — the citizen's dossier: who
// they are, their applications grouped by service group, documents, messages and internal notes.
// Staff of this municipality only; every view is recorded in the audit trail.
export default async function CitizenDossierPage({ params, searchParams }: TProps) {
  const { tenant: slug, citizenId } = await params;
  const { staff, tenant, role } = await requireStaff(slug);
  const allMessages = (await searchParams).messaggi === "tutti";
  const dossier = await viewCitizenDossier({ tenantId: tenant.id, citizenId, staff: { id: staff.id, role }, ip: clientIp(await headers()), allMessages }).catch(
    (e: unknown) => {
      if (isAppError(e) && e.code === "NOT_FOUND") notFound();
      throw e;
    },
  );
  const [t, tb, dates] = await Promise.all([getTranslations("dossier"), getTranslations("backoffice"), getAreaDates()]);
  const { citizen } = dossier;
  const name = `${citizen.familyName} ${citizen.givenName}`;
  const base = `/${tenant.slug}/backoffice`;
  const here = `${base}/cittadini/${citizen.id}`;
  const applicationHref = (id: string) => `${base}/domande/${id}`;
  const contact = (value: string | null, verifiedAt: Date | null) =>
    value ? (
      <>
        <span className="text-break">{value}</span> <span className="small text-secondary">({verifiedAt ? t("identity.verified") : t("identity.notVerified")})</span>
      </>
    ) : (
      <span className="text-secondary">{t("identity.none")}</span>
    );
  const identity: [string, ReactNode][] = [
    [t("identity.name"), name],
    [t("identity.fiscalCode"), <span key="cf" className="font-monospace">{citizen.fiscalCode}</span>],
    [t("identity.birthDate"), citizen.birthDate ? dates.date(citizen.birthDate) : <span className="text-secondary">{t("identity.none")}</span>],
    [t("identity.email"), contact(citizen.email, citizen.emailVerifiedAt)],
    [t("identity.phone"), contact(citizen.phone, citizen.phoneVerifiedAt)],
    [t("identity.domicile"), domicileLine(citizen.domicile) ?? <span className="text-secondary">{t("identity.none")}</span>],
  ];
  const shown = dossier.messages.length;

  return (
    <>
      <Breadcrumb items={[{ label: tb("inbox.title"), href: `${base}/domande` }, { label: t("breadcrumb", { name }) }]} />
      <h1 className="mb-1">{t("title", { name })}</h1>
      <p className="lead mb-4">{t("lead", { tenant: tenant.name })}</p>

      <section aria-labelledby="dossier-identity-title" className="card shadow-sm rounded border mb-4">
        <div className="card-body">
          <h2 id="dossier-identity-title" className="h5">
            {t("identity.title")}
          </h2>
          <dl className="row mb-0" data-testid="dossier-identity">
            {identity.map(([label, value]) => (
              <Fragment key={label}>
                <dt className="col-12 col-md-4 col-xl-3">{label}</dt>
                <dd className="col-12 col-md-8 col-xl-9">{value}</dd>
              </Fragment>
            ))}
          </dl>
        </div>
      </section>

      <section aria-labelledby="dossier-applications-title" className="mb-4">
        <h2 id="dossier-applications-title" className="h4">
          {t("applications.title")} <span className="small text-secondary fw-normal">({t("applications.count", { count: dossier.applicationCount })})</span>
        </h2>
        <DossierApplications sections={dossier.sections} applicationHref={applicationHref} />
      </section>

      <section aria-labelledby="dossier-documents-title" className="mb-4">
        <h2 id="dossier-documents-title" className="h4">
          {t("documents.title")}
        </h2>
        {dossier.documents.length === 0 ? (
          <EmptyState icon="it-file" title={t("documents.empty")} />
        ) : (
          <ul className="list-unstyled mb-0" data-testid="dossier-documents">
            {dossier.documents.map((d) => (
              <li key={d.id} className="mb-2 d-flex gap-2 align-items-start">
                <Icon name="it-file" color="primary" size="sm" className="flex-shrink-0 mt-1" />
                <span>
                  <span className="fw-semibold">{d.title}</span>
                  {d.protocolNumber ? ` (${d.protocolNumber})` : null}
                  <span className="d-block small text-secondary">
                    {t(`documents.kind.${d.kind}`)} · {t("documents.issuedAt", { date: dates.date(d.issuedAt) })}
                    {d.application ? (
                      <>
                        {" · "}
                        <Link href={applicationHref(d.application.id)} prefetch={false}>
                          {t("documents.forApplication", { protocol: d.application.protocolNumber ?? "—" })}
                        </Link>
                      </>
                    ) : null}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* Payments: there is no payment model yet; the citizen's payment positions go here when there is. */}

      <section aria-labelledby="dossier-messages-title" className="mb-4">
        <h2 id="dossier-messages-title" className="h4">
          {t("messages.title")}
        </h2>
        {shown === 0 ? (
          <EmptyState icon="it-mail" title={t("messages.empty")} />
        ) : (
          <DossierMessages tenantSlug={tenant.slug} items={dossier.messages} applicationHref={applicationHref} />
        )}
        {shown < dossier.messagesTotal ? (
          <p className="small">
            {allMessages && shown >= DOSSIER_MESSAGES_MAX ? t("messages.capped", { shown, total: dossier.messagesTotal }) : t("messages.showing", { shown, total: dossier.messagesTotal })}{" "}
            {allMessages ? null : (
              <Link href={`${here}?messaggi=tutti`} prefetch={false}>
                {t("messages.showAll")}
              </Link>
            )}
          </p>
        ) : allMessages && shown > 0 ? (
          <p className="small">
            <Link href={here} prefetch={false}>
              {t("messages.showLatest")}
            </Link>
          </p>
        ) : null}
      </section>
      <p className="small text-secondary">{t("auditNotice")}</p>
    </>
  );
}
