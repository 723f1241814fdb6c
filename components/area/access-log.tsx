import { getFormatter, getTranslations } from "next-intl/server";
import { listApplicationAccessLog } from "@/server/area/access-log";
import { requireCitizen } from "@/server/auth/session";
import { getAreaDates } from "./area-dates";

// "Chi ha consultato la tua domanda": the office's views of and actions on the application, by
// role and time (never names), newest first; closed by default, since most people glance past it.
export async function AccessLog({ tenantSlug, applicationId }: { tenantSlug: string; applicationId: string }) {
  const { citizen, tenant } = await requireCitizen(tenantSlug);
  const [entries, t, dates, format] = await Promise.all([
    listApplicationAccessLog({ tenantId: tenant.id, citizenId: citizen.id, applicationId }),
    getTranslations("accessLog"),
    getAreaDates(),
    getFormatter(),
  ]);
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit" });
  const total = entries.reduce((sum, e) => sum + e.count, 0);
  return (
    <section aria-labelledby="views-title" className="mb-4">
      <h2 id="views-title" className="h4">
        {t("title")}
      </h2>
      <p className="small text-secondary">{t("lead")}</p>
      {entries.length === 0 ? (
        <p data-testid="access-log-empty">{t("empty")}</p>
      ) : (
        <details>
          <summary className="text-primary fw-semibold">{t("show", { count: total })}</summary>
          <ul className="list-unstyled mt-3 mb-0" data-testid="access-log">
            {entries.map((e) => (
              <li key={`${e.first.toISOString()}-${e.role}-${e.kind}`} className="mb-2">
                <span className="fw-semibold">{t(`roles.${e.role}`)}</span> {t(`kind.${e.kind}`)}
                {e.count > 1 ? ` ${t("times", { count: e.count })}` : null}
                <span className="d-block small text-secondary">
                  {e.count > 1 ? (
                    t("between", { day: dates.date(e.first), from: time(e.first), to: time(e.last) })
                  ) : (
                    <time dateTime={dates.iso(e.first)}>{dates.dateTime(e.first)}</time>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
