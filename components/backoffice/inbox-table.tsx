import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getAreaDates } from "@/components/area/area-dates";
import { statusBadgeClass } from "@/components/area/status-badge";
import { Icon } from "@/components/icon";
import type { TInboxItem, TInboxSort } from "@/server/backoffice/inbox";

// The inbox's table (desktop first; it scrolls sideways on narrow screens). The protocol number
// heads each row and opens the application. Overdue rows are tinted and carry a "Scaduta" badge
// in words; rows with messages from the citizen nobody has read carry a "new messages" badge
// (icon and words). The two date columns sort the list: their headers are links, and the sorted one says
// so with aria-sort.

function SortHeader({ label, active, href, actionLabel }: { label: string; active: TInboxSort | null; href: string; actionLabel: string }) {
  const ariaSort = active === null ? undefined : active.endsWith("_desc") ? "descending" : "ascending";
  return (
    <th scope="col" aria-sort={ariaSort} className="text-nowrap">
      <Link href={href} className="text-decoration-none">
        {label}
        {ariaSort ? <Icon name={ariaSort === "descending" ? "it-arrow-down-triangle" : "it-arrow-up-triangle"} size="sm" color="primary" /> : null}
        <span className="visually-hidden">, {actionLabel}</span>
      </Link>
    </th>
  );
}

export async function InboxTable({
  items,
  caption,
  sort,
  sortHref,
  applicationHref,
  dossierHref,
  viewerId,
}: {
  items: TInboxItem[];
  caption: string;
  sort: TInboxSort;
  sortHref: (sort: TInboxSort) => string;
  applicationHref: (id: string) => string;
  /** The applicant's dossier, for applicants with a citizen record. */
  dossierHref?: (citizenId: string) => string;
  viewerId: string;
}) {
  const tDossier = await getTranslations("dossier");
  const [t, tConversation, dates] = await Promise.all([getTranslations("backoffice.inbox"), getTranslations("conversation.inbox"), getAreaDates()]);
  const submittedNext: TInboxSort = sort === "submittedAt_desc" ? "submittedAt_asc" : "submittedAt_desc";
  return (
    <div className="table-responsive">
      <table className="table table-hover align-middle" data-testid="inbox-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.protocol")}</th>
            <th scope="col">{t("columns.applicant")}</th>
            <th scope="col">{t("columns.service")}</th>
            <th scope="col">{t("columns.status")}</th>
            <SortHeader
              label={t("columns.submittedAt")}
              active={sort.startsWith("submittedAt") ? sort : null}
              href={sortHref(submittedNext)}
              actionLabel={t("sort.action", { sort: t(`sort.${submittedNext}`) })}
            />
            <SortHeader
              label={t("columns.dueDate")}
              active={sort === "dueDate_asc" ? sort : null}
              href={sortHref("dueDate_asc")}
              actionLabel={t("sort.action", { sort: t("sort.dueDate_asc") })}
            />
            <th scope="col">{t("columns.assignee")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.overdue ? "table-danger" : undefined} data-overdue={item.overdue || undefined}>
              <th scope="row" className="text-nowrap">
                {/* No prefetch: opening an application is an audited view, a prefetch must not look like one. */}
                <Link href={applicationHref(item.id)} prefetch={false} className={item.overdue ? "text-reset" : undefined}>
                  {item.protocolNumber ?? (
                    <>
                      {t("noProtocol")}
                      {item.applicantName ? <span className="visually-hidden"> – {item.applicantName}</span> : null}
                    </>
                  )}
                </Link>
                {item.unreadFromCitizen > 0 ? (
                  <span className="badge bg-primary d-table mt-1" data-testid="inbox-unread">
                    <Icon name="it-mail" size="xs" color="white" className="me-1" />
                    {tConversation("unread", { count: item.unreadFromCitizen })}
                  </span>
                ) : null}
              </th>
              <td>
                {item.applicantName && item.citizenId && dossierHref ? (
                  // The applicant's dossier (SPID/CIE applicants only); no prefetch: an audited view.
                  <Link href={dossierHref(item.citizenId)} prefetch={false} className={item.overdue ? "text-reset" : undefined}>
                    {item.applicantName}
                    <span className="visually-hidden"> ({tDossier("openFromInbox")})</span>
                  </Link>
                ) : (
                  (item.applicantName ?? <span className="text-secondary">{t("noApplicant")}</span>)
                )}
                {item.applicantFiscalCode ? (
                  <small className="d-block text-secondary">
                    <span className="visually-hidden">{t("fiscalCode")}: </span>
                    {item.applicantFiscalCode}
                  </small>
                ) : null}
              </td>
              <td>{item.serviceName}</td>
              <td>
                <span className={`badge text-wrap text-start ${statusBadgeClass(item.status)}`} data-status={item.status}>
                  {t(item.statusLabelKey)}
                </span>
              </td>
              <td className="text-nowrap">
                <time dateTime={dates.iso(item.submittedAt)}>{dates.dateTime(item.submittedAt)}</time>
              </td>
              <td className="text-nowrap">
                {item.dueDate ? (
                  <time dateTime={dates.iso(item.dueDate)}>{dates.date(item.dueDate)}</time>
                ) : (
                  <span className="text-secondary">{t("noDueDate")}</span>
                )}
                {item.overdue ? <span className="badge bg-danger d-table mt-1">{t("overdue")}</span> : null}
              </td>
              <td>
                {item.assignedStaffId === null ? (
                  <span className="text-secondary">{t("nobody")}</span>
                ) : item.assignedStaffId === viewerId ? (
                  t("you", { name: item.assignedStaffName ?? "" })
                ) : (
                  item.assignedStaffName
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
