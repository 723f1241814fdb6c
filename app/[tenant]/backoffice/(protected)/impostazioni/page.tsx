import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { AppIoKeySettings } from "@/components/settings/app-io-key-settings";
import { LogoSettings } from "@/components/settings/logo-settings";
import { SettingsHistory } from "@/components/settings/settings-history";
import { TenantSettingsForm } from "@/components/settings/tenant-settings-form";
import { bootstrapPrimaryOverrides } from "@/components/theme/bootstrap-primary";
import { requireStaff } from "@/server/auth/session";
import { env } from "@/server/env";
import { listRecentEmails } from "@/server/settings/send-test-email";
import { tenantLogoUrl } from "@/server/settings/settings-values";
import { getTenantSettings, listSettingsChanges } from "@/server/settings/tenant-settings";
import { TestEmailForm } from "./test-email-form";

type TProps = { params: Promise<{ tenant: string }> };

const STATUS_BADGE = { QUEUED: "bg-warning text-dark", SENT: "bg-success", FAILED: "bg-danger" } as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tenantSettings");
  return { title: t("metaTitle"), robots: { index: false } };
}

// GET /{tenant}/backoffice/impostazioni — the municipality's settings (tenant administrators and
// super-admins): details, contacts, email sender, protocol prefix, main colour (one form), logo,
// App IO key, the latest changes; then a test email and the delivery state of recent emails.
export default async function SettingsPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { tenant } = await requireStaff(slug, ["TENANT_ADMIN"]);
  const [t, tb, format, settings, changes, emails] = await Promise.all([
    getTranslations("tenantSettings"),
    getTranslations("backoffice.settings"),
    getFormatter(),
    getTenantSettings({ tenantId: tenant.id }),
    listSettingsChanges({ tenantId: tenant.id }),
    listRecentEmails({ tenantId: tenant.id }),
  ]);
  return (
    <>
      <h1 className="mb-2">{t("title")}</h1>
      <p className="lead">{t("lead", { tenant: tenant.name })}</p>

      <TenantSettingsForm
        tenantSlug={tenant.slug}
        initial={settings.values}
        updatedAt={settings.updatedAt}
        protocol={settings.protocol}
        defaultSender={env().EMAIL_FROM}
        levels={bootstrapPrimaryOverrides().levels}
      />

      {/* Not a named region: its name would be "Logo", the label of its file field too. */}
      <section className="card shadow-sm rounded border my-4">
        <div className="card-body card-body-compact">
          <h2 id="logo-title" className="h5 mb-3">
            {t("fields.logo")}
          </h2>
          <LogoSettings
            tenantSlug={tenant.slug}
            tenantName={tenant.name}
            logoUrl={settings.hasLogo ? tenantLogoUrl({ slug: tenant.slug, updatedAt: settings.updatedAt }) : null}
          />
        </div>
      </section>

      <section aria-labelledby="app-io-title" className="card shadow-sm rounded border mb-4">
        <div className="card-body card-body-compact">
          <h2 id="app-io-title" className="h5 mb-1">
            {t("appIo.title")}
          </h2>
          <p className="small mb-3">{t("appIo.lead")}</p>
          <AppIoKeySettings tenantSlug={tenant.slug} configured={settings.appIo.configured} changedAt={settings.appIo.changedAt} />
        </div>
      </section>

      <section aria-labelledby="history-title" className="mb-4">
        <h2 id="history-title" className="h4">
          {t("history.title")}
        </h2>
        <SettingsHistory changes={changes} />
      </section>

      <section aria-labelledby="test-email-title" className="mb-4">
        <h2 id="test-email-title" className="h4">
          {tb("testEmail.title")}
        </h2>
        <p>{tb("testEmail.lead")}</p>
        <TestEmailForm tenant={tenant.slug} />
      </section>

      <section aria-labelledby="outbox-title">
        <h2 id="outbox-title" className="h4">
          {tb("outbox.title")}
        </h2>
        {emails.length === 0 ? (
          <EmptyState icon="it-mail" title={tb("outbox.empty")} />
        ) : (
          <div className="table-responsive">
            <table className="table">
              <caption className="visually-hidden">{tb("outbox.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{tb("outbox.columns.date")}</th>
                  <th scope="col">{tb("outbox.columns.to")}</th>
                  <th scope="col">{tb("outbox.columns.subject")}</th>
                  <th scope="col">{tb("outbox.columns.status")}</th>
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
                      <span className={`badge ${STATUS_BADGE[email.status]}`}>{tb(`outbox.status.${email.status}`)}</span>
                      {email.status !== "SENT" && email.attempts > 0 ? (
                        <small className="d-block">{tb("outbox.attempts", { count: email.attempts })}</small>
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
