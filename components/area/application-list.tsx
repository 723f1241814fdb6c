import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TMyApplicationItem } from "@/server/area/applications";
import { getAreaDates } from "./area-dates";
import { StatusBadge } from "./status-badge";

/** The anchors of the groups on the applications page ("…/domande#in-corso"). */
export const GROUP_ANCHOR = { draft: "bozze", inProgress: "in-corso", closed: "concluse" } as const;

/** Where an application opens: a draft resumes in the form, anything else shows its detail. */
export function applicationHref(tenantSlug: string, a: { id: string; group: TMyApplicationItem["group"] }): string {
  return a.group === "draft" ? `/${tenantSlug}/domande/${a.id}` : `/${tenantSlug}/area-personale/domande/${a.id}`;
}

// A list of the citizen's applications as cards: the service, status, protocol number, dates.
export async function ApplicationList({
  tenantSlug,
  items,
  headingLevel = 3,
}: {
  tenantSlug: string;
  items: TMyApplicationItem[];
  headingLevel?: 2 | 3;
}) {
  const [t, dates] = await Promise.all([getTranslations("personalArea.applications"), getAreaDates()]);
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="list-unstyled mb-0 d-grid gap-3" data-testid="application-list">
      {items.map((a) => {
        const facts: { label: string; value: string; iso?: string }[] = [];
        if (a.protocolNumber) facts.push({ label: t("protocolNumber"), value: a.protocolNumber });
        if (a.group === "draft") {
          facts.push({ label: t("lastSaved"), value: dates.dateTime(a.lastSavedAt), iso: dates.iso(a.lastSavedAt) });
          if (a.draftExpiresAt) facts.push({ label: t("draftExpires"), value: dates.date(a.draftExpiresAt), iso: dates.iso(a.draftExpiresAt) });
        } else {
          if (a.submittedAt) facts.push({ label: t("submittedAt"), value: dates.date(a.submittedAt), iso: dates.iso(a.submittedAt) });
          if (a.group === "inProgress" && a.dueDate) facts.push({ label: t("dueDate"), value: dates.date(a.dueDate), iso: dates.iso(a.dueDate) });
          if (a.group === "closed") facts.push({ label: t("closedAt"), value: dates.date(a.updatedAt), iso: dates.iso(a.updatedAt) });
        }
        return (
          <li key={a.id} className="card shadow-sm border rounded" data-testid="application-item">
            <div className="card-body p-3">
              <div className="d-flex flex-wrap align-items-start justify-content-between gap-2 mb-2">
                <Heading className="h6 mb-0">
                  <Link href={applicationHref(tenantSlug, a)}>{a.service.name}</Link>
                </Heading>
                <StatusBadge status={a.status} />
              </div>
              <dl className="row small mb-0">
                {facts.map((f) => (
                  <div key={f.label} className="col-12 col-sm-6 d-flex flex-wrap gap-1">
                    <dt className="fw-normal text-secondary">{f.label}:</dt>
                    <dd className="mb-1 fw-semibold">{f.iso ? <time dateTime={f.iso}>{f.value}</time> : f.value}</dd>
                  </div>
                ))}
              </dl>
              {a.group === "draft" ? (
                <Link className="btn btn-outline-primary btn-sm mt-2" href={applicationHref(tenantSlug, a)}>
                  {t("resume")}
                  <span className="visually-hidden">: {a.service.name}</span>
                </Link>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
