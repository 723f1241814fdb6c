import { getTranslations } from "next-intl/server";
import { getAreaDates } from "@/components/area/area-dates";
import { Icon } from "@/components/icon";
import type { TEffectiveRole } from "@/server/auth/roles";
import { staffIntegrationState } from "@/server/conversation/integration";
import { INTEGRATION_ANCHOR } from "./anchors";
import { FileLinks } from "./file-links";
import { MessageText } from "./message-text";
import { RequestIntegrationForm } from "./request-integration-form";
import { ResumeIntegration } from "./resume-integration";

// The integration request on the operator's application page: the open one (what was asked, by
// when, the citizen's answer with its files) with the ways to go on, or the form to ask for one
// when the application is in charge and the service allows it. Nothing when neither applies.

type TApp = { id: string; status: number; version: number; citizenId: string | null; serviceAllowsIntegration: boolean };

export async function StaffIntegration({ tenantSlug, tenantId, app, role }: { tenantSlug: string; tenantId: string; app: TApp; role: TEffectiveRole }) {
  const state = await staffIntegrationState({ tenantId, app, role });
  if (state.kind === "none") return null;
  const [t, dates] = await Promise.all([getTranslations("integration.staff"), getAreaDates()]);

  if (state.kind === "canRequest" || state.kind === "blocked") {
    return (
      <section id={INTEGRATION_ANCHOR} aria-labelledby="integration-title" className="card shadow-sm rounded border mb-4" data-testid="staff-integration">
        <div className="card-body">
          <h2 id="integration-title" className="h5">
            {t("title")}
          </h2>
          {state.kind === "blocked" ? (
            <p className="small text-secondary mb-0">{t(`blocked.${state.reason}`)}</p>
          ) : (
            <RequestIntegrationForm applicationId={app.id} version={app.version} minDay={state.minDay} maxDay={state.maxDay} />
          )}
        </div>
      </section>
    );
  }

  const r = state.request;
  return (
    <section id={INTEGRATION_ANCHOR} aria-labelledby="integration-title" className="card shadow-sm rounded border border-primary mb-4" data-testid="staff-integration">
      <div className="card-body">
        <h2 id="integration-title" className="h5 d-flex align-items-center gap-2">
          <Icon name="it-files" color="primary" />
          {t("openTitle")}
        </h2>
        <p className="small text-secondary">
          {t("requestedBy", { name: r.requestedByName ?? t("someone"), at: dates.dateTime(r.createdAt) })}
        </p>
        <MessageText text={r.message} />
        <h3 className="h6 mt-3">{t("documents")}</h3>
        <ul data-testid="integration-documents">
          {r.documents.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
        <p>
          <strong>{t("deadline")}:</strong> <time dateTime={dates.iso(r.deadline)}>{dates.date(r.deadline)}</time>
          {r.overdue ? <span className="badge bg-danger ms-2">{t("overdue")}</span> : null}
        </p>

        <div className={`rounded p-3 mb-3 ${r.answeredAt ? "border border-primary" : "bg-light"}`} data-testid="integration-answer">
          {r.answeredAt ? (
            <>
              <p className="fw-semibold mb-1">{t("answeredAt", { at: dates.dateTime(r.answeredAt) })}</p>
              {r.answerText ? <MessageText text={r.answerText} /> : <p className="small text-secondary">{t("answerNoText")}</p>}
              <FileLinks tenantSlug={tenantSlug} files={r.answerFiles} label={t("answerFiles")} />
            </>
          ) : (
            <p className="mb-0">{t("waiting")}</p>
          )}
        </div>
        <ResumeIntegration applicationId={app.id} version={app.version} modes={state.resumeModes} />
      </div>
    </section>
  );
}
