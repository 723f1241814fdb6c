import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getAreaDates } from "@/components/area/area-dates";
import type { TDossierMessage } from "@/server/backoffice/dossier";

// The dossier's messages, newest first. Internal notes are set apart in words ("Nota interna,
// visibile solo al personale del Comune") and by a border, never by colour alone.
export async function DossierMessages({
  tenantSlug,
  items,
  applicationHref,
}: {
  tenantSlug: string;
  items: TDossierMessage[];
  applicationHref: (id: string) => string;
}) {
  const [t, dates] = await Promise.all([getTranslations("dossier.messages"), getAreaDates()]);
  return (
    <ol className="list-unstyled d-grid gap-3 mb-3" data-testid="dossier-messages">
      {items.map((m) => (
        <li key={m.id} className={`card border rounded ${m.internal ? "border-warning border-2" : ""}`} data-internal={m.internal || undefined}>
          <div className="card-body p-3">
            <p className="small mb-1">
              {m.internal ? (
                <span className="badge bg-warning text-dark me-2">
                  {t("internal")}
                  <span className="visually-hidden">, {t("internalHint")}</span>
                </span>
              ) : (
                <span className="badge bg-primary me-2">{t("toCitizen")}</span>
              )}
              <span className="text-secondary">
                <time dateTime={dates.iso(m.createdAt)}>{dates.dateTime(m.createdAt)}</time> · {m.authorName ?? t(`author.${m.authorKind}`)}
                {m.application ? (
                  <>
                    {" · "}
                    <Link href={applicationHref(m.application.id)} prefetch={false}>
                      {t("forApplication", { protocol: m.application.protocolNumber ?? "—" })}
                    </Link>
                  </>
                ) : null}
              </span>
            </p>
            <h3 className="h6 mb-1">{m.subject}</h3>
            <p className="mb-0" style={{ whiteSpace: "pre-wrap" }}>
              {m.body}
            </p>
            {m.attachments.length ? (
              <p className="small mb-0 mt-2">
                {t("attachments")}:{" "}
                {m.attachments.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? ", " : null}
                    <a href={`/api/${tenantSlug}/attachments/${a.id}`} download={a.fileName}>
                      {a.fileName}
                    </a>
                  </span>
                ))}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
