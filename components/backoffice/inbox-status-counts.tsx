import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TInboxStatusCount } from "@/server/backoffice/inbox";

// How many applications each status has under the current search and filters, each a link
// that filters by that status. The chosen one is marked (aria-current), not only highlighted.

export async function InboxStatusCounts({
  counts,
  selected,
  hrefFor,
}: {
  counts: TInboxStatusCount[];
  /** The status filter in the URL ("" for all). */
  selected: string;
  /** Link to the inbox filtered by a status ("" for all). */
  hrefFor: (status: string) => string;
}) {
  const [t, format] = await Promise.all([getTranslations("backoffice.inbox"), getFormatter()]);
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const entries = [
    { value: "", label: t("counts.all"), count: total },
    ...counts.map((c) => ({ value: String(c.status), label: t(c.statusLabelKey), count: c.count })),
  ];
  return (
    <nav aria-labelledby="inbox-counts-title" className="mb-3">
      <h2 id="inbox-counts-title" className="h6">
        {t("counts.title")}
      </h2>
      <ul className="list-inline mb-0" data-testid="inbox-counts">
        {entries.map((e) => {
          const current = e.value === selected;
          return (
            <li key={e.value || "all"} className="list-inline-item mb-2">
              <Link
                href={hrefFor(e.value)}
                aria-current={current ? "true" : undefined}
                className={`btn btn-sm ${current ? "btn-primary" : "btn-outline-primary"}`}
              >
                {e.label} <span className={`badge ms-1 ${current ? "bg-white text-primary" : "bg-primary"}`}>{format.number(e.count)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
