import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { requireStaff } from "@/server/auth/session";
import { env } from "@/server/env";
import { listRecentEmails } from "@/server/settings/send-test-email";
import { TestEmailForm } from "./test-email-form";

type TProps = { params: Promise<{ tenant: string }> };

const STATUS_BADGE = { QUEUED: "bg-warning text-dark", SENT: "bg-success", FAILED: "bg-danger" } as const;

// GET /{tenant}/backoffice/impostazioni — the municipality's settings (tenant administrators):
// what citizens see in emails, a test email, and the delivery state of recent emails.
export default async function SettingsPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { tenant } = await requireStaff(slug, ["TENANT_ADMIN"]);
  const [t, format, emails] = await Promise.all([
    getTranslations("backoffice.settings"),
    getFormatter(),
    listRecentEmails({ tenantId: tenant.id }),
  ]);
  return (
    <>
      <h1 className="mb-2">{t("title")}</h1>
      <p className="lead">{t("lead", { tenant: tenant.name })}</p>

      <section aria-labelledby="municipality-title" className="card shadow-sm rounded border mb-4">
        <div className="card-body">
          <h2 id="municipality-title" className="h5">
            {t("municipality.title")}
          </h2>
          <dl className="row mb-0">
            <dt className="col-12 col-md-4">{t("municipality.name")}</dt>
            <dd className="col-12 col-md-8">{tenant.name}</dd>
            <dt className="col-12 col-md-4">{t("municipality.emailFrom")}</dt>
            <dd className="col-12 col-md-8 text-break">{tenant.emailFrom ?? env().EMAIL_FROM}</dd>
            <dt className="col-12 col-md-4">{t("municipality.protocolPrefix")}</dt>
            <dd className="col-12 col-md-8 mb-0">{tenant.protocolPrefix}</dd>
          </dl>
        </div>
      </section>

      <section aria-labelledby="test-email-title" className="mb-4">
        <h2 id="test-email-title" className="h4">
          {t("testEmail.title")}
        </h2>
        <p>{t("testEmail.lead")}</p>
        <TestEmailForm tenant={tenant.slug} />
      </section>

      <section aria-labelledby="outbox-title">
        <h2 id="outbox-title" className="h4">
          {t("outbox.title")}
        </h2>
        {emails.length === 0 ? (
          <EmptyState icon="it-mail" title={t("outbox.empty")} />
        ) : (
          <div className="table-responsive">
            <table className="table">
              <caption className="visually-hidden">{t("outbox.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("outbox.columns.date")}</th>
                  <th scope="col">{t("outbox.columns.to")}</th>
                  <th scope="col">{t("outbox.columns.subject")}</th>
                  <th scope="col">{t("outbox.columns.status")}</th>
                </tr>
              </thead>
              <tbody>
                {emails.map((email) => (
                  <tr key={email.id}>
                    <td>{format.dateTime(email.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                    <td className="text-break">{email.to}</td>
                    <th scope="row" className="fw-normal">
                      {email.subject}
                    </th>
                    <td>
                      <span className={`badge ${STATUS_BADGE[email.status]}`}>{t(`outbox.status.${email.status}`)}</span>
                      {email.status !== "SENT" && email.attempts > 0 ? (
                        <small className="d-block">{t("outbox.attempts", { count: email.attempts })}</small>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
