import { getTranslations } from "next-intl/server";
import { getAreaDates } from "@/components/area/area-dates";
import { Icon } from "@/components/icon";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { requireCitizen } from "@/server/auth/session";
import { getMyOpenIntegrationRequest } from "@/server/conversation/integration";
import { INTEGRATION_ANCHOR } from "./anchors";
import { FileLinks } from "./file-links";
import { IntegrationAnswerForm } from "./integration-answer-form";
import { MessageText } from "./message-text";

// The office's request for documents on the citizen's application page, as a task: what they
// ask, the list of documents, the date to send them by, and the form to answer. Once answered,
// what was sent, until the office resumes the application (then the request is closed and goes).

const AWAITING: readonly number[] = [S.INTEGRATION_REQUESTED, S.INTEGRATION_PENDING];

export async function CitizenIntegrationTask({ tenantSlug, applicationId }: { tenantSlug: string; applicationId: string }) {
  const { citizen, tenant } = await requireCitizen(tenantSlug);
  const request = await getMyOpenIntegrationRequest({ tenantId: tenant.id, citizenId: citizen.id, applicationId });
  if (!request) return null;
  const [t, dates] = await Promise.all([getTranslations("integration.citizen"), getAreaDates()]);
  const awaiting = !request.answeredAt && AWAITING.includes(request.applicationStatus);
  if (!awaiting && !request.answeredAt) return null;

  return (
    <section
      id={INTEGRATION_ANCHOR}
      aria-labelledby="integration-title"
      className={`card shadow-sm rounded mb-4 ${awaiting ? "border border-2 border-primary" : "border"}`}
      data-testid="integration-task"
    >
      <div className="card-body card-body-compact">
        <h2 id="integration-title" className="h5 d-flex align-items-center gap-2">
          <Icon name={awaiting ? "it-warning-circle" : "it-check-circle"} color={awaiting ? "primary" : "success"} />
          {awaiting ? t("title") : t("answeredTitle")}
        </h2>
        {awaiting ? (
          <>
            <p className="fw-semibold mb-2" data-testid="integration-deadline">
              {t("deadline", { date: dates.date(request.deadline) })}
              {request.overdue ? <span className="badge bg-danger ms-2">{t("overdue")}</span> : null}
            </p>
            <h3 className="h6">{t("officeWrites")}</h3>
            <MessageText text={request.message} className="mb-2" />
            <h3 className="h6">{t("documents")}</h3>
            <ul className="mb-4">
              {request.documents.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
            <h3 className="h6">{t("answerTitle")}</h3>
            <IntegrationAnswerForm tenantSlug={tenantSlug} applicationId={applicationId} version={request.applicationVersion} documents={request.documents} />
          </>
        ) : (
          <>
            <p>{t("answeredAt", { at: dates.dateTime(request.answeredAt!) })}</p>
            {request.answerText ? <MessageText text={request.answerText} /> : null}
            <FileLinks tenantSlug={tenantSlug} files={request.answerFiles} label={t("sentFiles")} />
            <p className="small text-secondary mb-0 mt-2">{t("answeredNext")}</p>
          </>
        )}
      </div>
    </section>
  );
}
