import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TDeadline } from "@/server/area/deadlines";
import { INTEGRATION_ANCHOR } from "@/components/conversation/anchors";
import { Icon } from "../icon";
import { getAreaDates } from "./area-dates";
import { applicationHref } from "./application-list";

// Upcoming dates, soonest first: when the municipality must answer, when a draft is deleted,
// by when to send the documents the office asked for (a task: in bold, with its own icon).
export async function DeadlineList({ tenantSlug, items }: { tenantSlug: string; items: TDeadline[] }) {
  const [t, tIntegration, dates] = await Promise.all([getTranslations("personalArea.deadlines"), getTranslations("integration.citizen"), getAreaDates()]);
  const label = (kind: TDeadline["kind"]) => (kind === "integrationDueBy" ? tIntegration("deadlineKind") : t(kind));
  const icon = (kind: TDeadline["kind"]) => (kind === "draftDeletedOn" ? "it-clock" : kind === "integrationDueBy" ? "it-upload" : "it-calendar");
  return (
    <ul className="list-unstyled mb-0 d-grid gap-2" data-testid="deadline-list">
      {items.map((d) => (
        <li key={`${d.kind}-${d.application.id}`} className="d-flex gap-2 align-items-start">
          <Icon name={icon(d.kind)} color="primary" size="sm" className="flex-shrink-0 mt-1" />
          <div>
            <p className="mb-0 fw-semibold">
              <time dateTime={dates.iso(d.date)}>{dates.date(d.date)}</time>
            </p>
            <p className="mb-0 small">
              <span className={d.kind === "integrationDueBy" ? "fw-semibold" : undefined}>{label(d.kind)}</span>:{" "}
              <Link
                href={`${applicationHref(tenantSlug, { id: d.application.id, group: d.kind === "draftDeletedOn" ? "draft" : "inProgress" })}${d.kind === "integrationDueBy" ? `#${INTEGRATION_ANCHOR}` : ""}`}
              >
                {d.application.service.name}
              </Link>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
