import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getAreaDates } from "@/components/area/area-dates";
import { statusBadgeClass } from "@/components/area/status-badge";
import type { TDossierSection } from "@/server/backoffice/dossier";

// The dossier's applications: one table per service group (its services' applications together)
// or per ungrouped service. Links open the application without prefetching: opening one is an
// audited view, a prefetch must not look like one.
export async function DossierApplications({ sections, applicationHref }: { sections: TDossierSection[]; applicationHref: (id: string) => string }) {
  const [t, tInbox, dates] = await Promise.all([getTranslations("dossier.applications"), getTranslations("backoffice.inbox"), getAreaDates()]);
  return sections.map((section) => (
    <div key={section.key} className="mb-4" data-testid="dossier-section">
      <h3 className="h5 mb-2">
        {section.kind === "group" ? <span className="d-block small text-secondary fw-normal">{t("group")}</span> : null}
        {section.title}
      </h3>
      <div className="table-responsive">
        <table className="table align-middle mb-0">
          <caption className="visually-hidden">{t("caption", { title: section.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.protocol")}</th>
              <th scope="col">{t("columns.service")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.submittedAt")}</th>
              <th scope="col">{t("columns.dueDate")}</th>
              <th scope="col">{t("columns.assignee")}</th>
            </tr>
          </thead>
          <tbody>
            {section.applications.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="text-nowrap">
                  <Link href={applicationHref(a.id)} prefetch={false}>
                    {a.protocolNumber ?? t("noProtocol")}
                  </Link>
                </th>
                <td>{a.serviceName}</td>
                <td>
                  <span className={`badge text-wrap text-start ${statusBadgeClass(a.status)}`} data-status={a.status}>
                    {tInbox(a.statusLabelKey)}
                  </span>
                </td>
                <td className="text-nowrap">{a.submittedAt ? <time dateTime={dates.iso(a.submittedAt)}>{dates.dateTime(a.submittedAt)}</time> : "—"}</td>
                <td className="text-nowrap">{a.dueDate ? <time dateTime={dates.iso(a.dueDate)}>{dates.date(a.dueDate)}</time> : "—"}</td>
                <td>{a.assignedStaffName ?? <span className="text-secondary">{tInbox("nobody")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  ));
}
