import { getTranslations } from "next-intl/server";
import type { TTimelineEntry } from "@/server/area/applications";
import { getAreaDates } from "./area-dates";

// What happened to an application, oldest first, as an ordered list (built by buildTimeline in
// server/area/applications.ts): when, the status, a sentence saying what it means, the reason.
export async function ApplicationTimeline({ entries }: { entries: TTimelineEntry[] }) {
  const [t, dates] = await Promise.all([getTranslations("personalArea.application"), getAreaDates()]);
  return (
    <ol className="list-unstyled border-start border-2 border-primary ps-3 mb-0" data-testid="application-timeline">
      {entries.map((e, i) => (
        <li key={`${e.status}-${i}`} className="pb-3" aria-current={i === entries.length - 1 ? "step" : undefined}>
          <p className="small text-secondary mb-1">
            <time dateTime={dates.iso(e.at)}>{dates.dateTime(e.at)}</time>
          </p>
          <p className="fw-semibold mb-1">{e.label}</p>
          <p className="mb-0">{e.description}</p>
          {e.reason ? (
            <p className="small mb-0 mt-1">
              {t("reason")}: {e.reason}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
