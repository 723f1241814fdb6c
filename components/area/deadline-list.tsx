import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TDeadline } from "@/server/area/deadlines";
import { Icon } from "../icon";
import { getAreaDates } from "./area-dates";
import { applicationHref } from "./application-list";

// Upcoming dates, soonest first: when the municipality must answer, when a draft is deleted.
export async function DeadlineList({ tenantSlug, items }: { tenantSlug: string; items: TDeadline[] }) {
  const [t, dates] = await Promise.all([getTranslations("personalArea.deadlines"), getAreaDates()]);
  return (
    <ul className="list-unstyled mb-0 d-grid gap-2" data-testid="deadline-list">
      {items.map((d) => (
        <li key={`${d.kind}-${d.application.id}`} className="d-flex gap-2 align-items-start">
          <Icon name={d.kind === "draftDeletedOn" ? "it-clock" : "it-calendar"} color="primary" size="sm" className="flex-shrink-0 mt-1" />
          <div>
            <p className="mb-0 fw-semibold">
              <time dateTime={dates.iso(d.date)}>{dates.date(d.date)}</time>
            </p>
            <p className="mb-0 small">
              {t(d.kind)}:{" "}
              <Link href={applicationHref(tenantSlug, { id: d.application.id, group: d.kind === "draftDeletedOn" ? "draft" : "inProgress" })}>
                {d.application.service.name}
              </Link>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
