import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import type { TSettingsChange } from "@/server/settings/tenant-settings";

const KNOWN_FIELDS = new Set([
  "name",
  "area",
  "contactEmail",
  "contactPhone",
  "website",
  "address",
  "emailFrom",
  "protocolPrefix",
  "brandColor",
  "logo",
  "appIoApiKey",
]);

// "Ultime modifiche": who changed which settings, and when (from the audit trail). Field names
// only: the previous values stay in the trail.
export async function SettingsHistory({ changes }: { changes: TSettingsChange[] }) {
  const [t, tb, format] = await Promise.all([getTranslations("tenantSettings.history"), getTranslations("backoffice.roles"), getFormatter()]);
  if (changes.length === 0) return <EmptyState icon="it-clock" title={t("empty")} />;
  const what = (c: TSettingsChange) =>
    c.action === "tenant.create" ? t("created") : c.changed.map((f) => (KNOWN_FIELDS.has(f) ? t(`fields.${f}`) : f)).join(", ");
  return (
    <div className="table-responsive">
      <table className="table" data-testid="settings-history">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.date")}</th>
            <th scope="col">{t("columns.who")}</th>
            <th scope="col">{t("columns.what")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id}>
              <td className="text-nowrap">{format.dateTime(c.at, { dateStyle: "short", timeStyle: "short" })}</td>
              <td>
                {c.actorName ?? t("unknownActor")}
                {c.actorRole ? <small className="d-block text-muted">{tb.has(c.actorRole) ? tb(c.actorRole) : c.actorRole}</small> : null}
              </td>
              <th scope="row" className="fw-normal">
                {what(c)}
              </th>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
