import { getTranslations } from "next-intl/server";
import { getAreaDates } from "@/components/area/area-dates";
import { EmptyState } from "@/components/empty-state";
import { Icon } from "@/components/icon";
import { listApplicationDocuments, staffDocumentHref } from "@/server/backoffice/application-documents";

// "Documenti" on the staff application page: what the municipality issued for this application
// (receipt, outcome), each with its verification code and a link to the PDF for staff.
export async function ApplicationDocuments({ tenant, applicationId }: { tenant: { id: string; slug: string }; applicationId: string }) {
  const [t, dates, documents] = await Promise.all([
    getTranslations("outcome.staff"),
    getAreaDates(),
    listApplicationDocuments({ tenantId: tenant.id, applicationId }),
  ]);
  return (
    <section aria-labelledby="app-documents-title" className="mb-4">
      <h2 id="app-documents-title" className="h4">
        {t("title")}
      </h2>
      {documents.length === 0 ? (
        <EmptyState icon="it-file" title={t("empty")} />
      ) : (
        <>
          <p className="small text-secondary">{t("lead")}</p>
          <ul className="list-unstyled mb-0" data-testid="application-documents">
            {documents.map((d) => (
              <li key={d.id} className="d-flex gap-2 align-items-start mb-2">
                <Icon name="it-file" color="primary" size="sm" className="flex-shrink-0 mt-1" />
                <div>
                  {d.downloadable ? (
                    <a href={staffDocumentHref(tenant.slug, applicationId, d.id)}>
                      {d.title}
                      <span className="visually-hidden"> ({t("download")}, PDF)</span>
                    </a>
                  ) : (
                    <span>{d.title}</span>
                  )}
                  <span className="d-block small text-secondary">
                    {t(`kind.${d.kind}`)} · {t("issuedAt", { date: dates.date(d.issuedAt) })} · <code>{d.verificationCode}</code>
                  </span>
                  {d.downloadable ? null : <span className="d-block small">{t("notReady")}</span>}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
