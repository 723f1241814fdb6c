import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getAreaDates } from "@/components/area/area-dates";
import { statusBadgeClass } from "@/components/area/status-badge";
import { WorkActions } from "@/components/backoffice/work-actions";
import { DossierLink } from "@/components/backoffice/dossier-link";
import { Breadcrumb } from "@/components/breadcrumb";
import { StaffConversation } from "@/components/conversation/staff-conversation";
import { StaffIntegration } from "@/components/conversation/staff-integration";
import { ApplicationDocuments } from "@/components/backoffice/application-documents";
import { EmptyState } from "@/components/empty-state";
import { SummaryList } from "@/components/forms/summary-list";
import { clientIp } from "@/server/auth/client-ip";
import { requireStaff } from "@/server/auth/session";
import { viewApplicationAsStaff } from "@/server/backoffice/application-view";
import { availableWorkActions } from "@/server/backoffice/work";
import { isAppError } from "@/server/errors";

type TProps = { params: Promise<{ tenant: string; id: string }> };

/** Kinds the attachment route shows inline (?inline=1); signed P7M files are only downloaded. */
const PREVIEWABLE: ReadonlySet<string> = new Set(["pdf", "jpeg", "png"]);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backoffice");
  return { title: `${t("application.metaTitle")} · ${t("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/domande/{id} — one application as submitted, read-only: answers from
// its form version, files, status history. Every view is recorded in the audit trail.
export default async function StaffApplicationPage({ params }: TProps) {
  const { tenant: slug, id } = await params;
  const { staff, tenant, role } = await requireStaff(slug);
  const view = await viewApplicationAsStaff({ tenantId: tenant.id, applicationId: id, staff: { id: staff.id, role }, ip: clientIp(await headers()) }).catch(
    (e: unknown) => {
      if (isAppError(e) && e.code === "NOT_FOUND") notFound();
      throw e;
    },
  );
  const [t, tb, tu, dates, format] = await Promise.all([
    getTranslations("backoffice.application"),
    getTranslations("backoffice"),
    getTranslations("uploads.field"),
    getAreaDates(),
    getFormatter(),
  ]);
  const tw = await getTranslations("work");
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? tu("sizeKb", { size: format.number(Math.max(1, Math.round(bytes / 1024))) })
      : tu("sizeMb", { size: format.number(bytes / (1024 * 1024), { maximumFractionDigits: 1 }) });
  const inbox = `/${tenant.slug}/backoffice/domande`;
  const title = view.protocolNumber ?? tb("inbox.noProtocol");
  // An external system through the API: "Sistema esterno · <its key's name>".
  const actor = (e: (typeof view.timeline)[number]) =>
    e.actorKind === "STAFF"
      ? (e.actorName ?? t("actor.STAFF"))
      : e.actorKind === "API" && e.actorName
        ? `${t("actor.API")} · ${e.actorName}`
        : t(`actor.${e.actorKind}`);

  return (
    <>
      <Breadcrumb items={[{ label: tb("inbox.title"), href: inbox }, { label: title }]} />
      <h1 className="mb-1">{title}</h1>
      <p className="lead mb-2">{view.serviceName}</p>
      <p className="d-flex flex-wrap gap-2 mb-4">
        <span className={`badge ${statusBadgeClass(view.status)}`} data-status={view.status}>
          {tb(`inbox.${view.statusLabelKey}`)}
        </span>
        {view.overdue ? <span className="badge bg-danger">{tb("inbox.overdue")}</span> : null}
      </p>
      {/* slot:actions — the work actions allowed now (take in charge, assign, accept…) */}
      <WorkActions
        applicationId={view.id}
        version={view.version}
        actions={availableWorkActions({ status: view.status, assignedStaffId: view.assignedStaff?.id ?? null }, { id: staff.id, role })}
        assignee={view.assignedStaff}
        viewerId={staff.id}
      />
      {/* slot:integration — the open integration request, if any */}
      <StaffIntegration
        tenantSlug={tenant.slug}
        tenantId={tenant.id}
        app={{ id: view.id, status: view.status, version: view.version, citizenId: view.citizenId, serviceAllowsIntegration: view.serviceAllowsIntegration }}
        role={role}
      />

      <section aria-labelledby="app-facts-title" className="card shadow-sm rounded border mb-4">
        <div className="card-body">
          <h2 id="app-facts-title" className="h5">
            {t("facts")}
          </h2>
          <dl className="row mb-0">
            <dt className="col-12 col-md-4 col-xl-3">{t("applicant")}</dt>
            <dd className="col-12 col-md-8 col-xl-9">
              {view.applicantName ?? tb("inbox.noApplicant")}
              {view.applicantFiscalCode ? <span className="d-block small">{`${tb("inbox.fiscalCode")}: ${view.applicantFiscalCode}`}</span> : null}
              {view.applicantEmail ? <span className="d-block small text-break">{view.applicantEmail}</span> : null}
            </dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("submittedAt")}</dt>
            <dd className="col-12 col-md-8 col-xl-9">{view.submittedAt ? <time dateTime={dates.iso(view.submittedAt)}>{dates.dateTime(view.submittedAt)}</time> : "—"}</dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("registeredAt")}</dt>
            <dd className="col-12 col-md-8 col-xl-9">
              {view.registeredAt ? <time dateTime={dates.iso(view.registeredAt)}>{dates.dateTime(view.registeredAt)}</time> : t("notYet")}
            </dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("dueDate")}</dt>
            <dd className="col-12 col-md-8 col-xl-9">
              {view.dueDate ? <time dateTime={dates.iso(view.dueDate)}>{dates.date(view.dueDate)}</time> : tb("inbox.noDueDate")}
            </dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("assignee")}</dt>
            <dd className="col-12 col-md-8 col-xl-9 mb-0">{view.assignedStaff?.name ?? tb("inbox.nobody")}</dd>
          </dl>
          {/* slot:dossier — link to the citizen's dossier */}
          <DossierLink tenantSlug={tenant.slug} citizenId={view.citizenId} />
        </div>
      </section>

      <section aria-labelledby="app-answers-title" className="mb-4">
        <h2 id="app-answers-title" className="h4">
          {t("answers")}
        </h2>
        <p className="small text-secondary">{t("formVersion", { version: view.formVersion })}</p>
        {view.summary === null ? (
          <EmptyState title={t("formUnreadable")} />
        ) : view.summary.length === 0 ? (
          <EmptyState title={t("noAnswers")} />
        ) : (
          view.summary.map((page) => (
            <div key={page.pageKey} className="card border rounded mb-3">
              <div className="card-body">
                <h3 className="h5">{page.pageTitle}</h3>
                <SummaryList items={page.items} />
              </div>
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="app-files-title" className="mb-4">
        <h2 id="app-files-title" className="h4">
          {t("attachments")}
        </h2>
        {view.attachments.length === 0 ? (
          <EmptyState icon="it-clip" title={t("noAttachments")} />
        ) : (
          <ul className="list-unstyled mb-0" data-testid="application-attachments">
            {view.attachments.map((a) => (
              <li key={a.id} className="mb-2">
                <a href={`/api/${tenant.slug}/attachments/${a.id}`} download={a.fileName}>
                  {a.fileName}
                </a>{" "}
                <span className="small text-secondary">
                  ({a.kind.toUpperCase()}, {size(a.size)})
                </span>
                {PREVIEWABLE.has(a.kind) ? (
                  <>
                    {" · "}
                    <a href={`/api/${tenant.slug}/attachments/${a.id}?inline=1`} target="_blank" rel="noopener" className="small">
                      {tw("preview.label")}
                      <span className="visually-hidden">{` ${tw("preview.of", { fileName: a.fileName })} ${tw("preview.newTab")}`}</span>
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* slot:documents — documents issued for this application (receipt, outcome) */}
      <ApplicationDocuments tenant={tenant} applicationId={view.id} />
      {/* slot:messages — messages with the citizen and internal notes */}
      <StaffConversation
        tenantSlug={tenant.slug}
        tenantId={tenant.id}
        app={{ id: view.id, status: view.status, citizenId: view.citizenId, applicantName: view.applicantName }}
      />

      <section aria-labelledby="app-history-title" className="mb-4">
        <h2 id="app-history-title" className="h4">
          {t("history")}
        </h2>
        {view.timeline.length === 0 ? (
          <EmptyState title={t("noHistory")} />
        ) : (
          <ol className="list-unstyled border-start border-2 border-primary ps-3 mb-0" data-testid="application-history">
            {view.timeline.map((e, i) => (
              <li key={`${e.toStatus}-${i}`} className="pb-3">
                <p className="small text-secondary mb-1">
                  <time dateTime={dates.iso(e.at)}>{dates.dateTime(e.at)}</time> · {actor(e)}
                </p>
                <p className="fw-semibold mb-0">{tb(`inbox.${e.statusLabelKey}`)}</p>
                {e.reason ? <p className="small mb-0 mt-1">{t("reason", { reason: e.reason })}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="small text-secondary">{t("auditNotice")}</p>
    </>
  );
}
