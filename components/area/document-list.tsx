import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DocumentKind } from "@/server/db/generated/client";
import { Icon } from "../icon";
import { getAreaDates } from "./area-dates";

type TDocumentItem = {
  id: string;
  kind: DocumentKind;
  title: string;
  protocolNumber: string | null;
  issuedAt: Date;
  downloadable: boolean;
  /** Sent by another system of the municipality (REST API): its name. */
  sourceLabel?: string | null;
  application?: { id: string; service: { name: string } } | null;
};

export function documentDownloadHref(tenantSlug: string, documentId: string): string {
  return `/${tenantSlug}/area-personale/documenti/${documentId}/download`;
}

// The citizen's documents, each with its PDF (opened in the browser's viewer, or downloaded).
export async function DocumentList({ tenantSlug, items, showApplication = true }: { tenantSlug: string; items: TDocumentItem[]; showApplication?: boolean }) {
  const [t, dates] = await Promise.all([getTranslations("personalArea.documents"), getAreaDates()]);
  return (
    <ul className="list-unstyled mb-0 d-grid gap-3" data-testid="document-list">
      {items.map((d) => (
        <li key={d.id} className="card shadow-sm border rounded">
          <div className="card-body p-3 d-flex gap-3 align-items-start">
            <Icon name="it-file" color="primary" className="flex-shrink-0 mt-1" />
            <div className="flex-grow-1">
              <p className="fw-semibold mb-1">{d.title}</p>
              <p className="small text-secondary mb-2">
                {t(`kind.${d.kind}`)}
                {d.sourceLabel ? <span data-testid="document-source"> · {t("from", { source: d.sourceLabel })}</span> : null}
                {" · "}
                {t("issuedAt", { date: dates.date(d.issuedAt) })}
                {showApplication && d.application ? (
                  <>
                    {" · "}
                    <Link href={`/${tenantSlug}/area-personale/domande/${d.application.id}`}>{d.application.service.name}</Link>
                  </>
                ) : null}
              </p>
              {d.downloadable ? (
                <a className="btn btn-outline-primary btn-sm" href={documentDownloadHref(tenantSlug, d.id)}>
                  <Icon name="it-download" size="sm" className="icon-current me-1" />
                  {t("download")}
                  <span className="visually-hidden">: {d.title}</span>
                  <span className="small ms-1">(PDF)</span>
                </a>
              ) : (
                <p className="small mb-0">{t("notReady")}</p>
              )}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
