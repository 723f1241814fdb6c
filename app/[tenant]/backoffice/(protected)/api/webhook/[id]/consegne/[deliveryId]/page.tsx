import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ApiTabs } from "@/components/api/api-tabs";
import { Breadcrumb } from "@/components/breadcrumb";
import { webhookEventKey } from "@/components/api/webhook-labels";
import { WebhookRedeliverButton } from "@/components/api/webhook-redeliver-button";
import { WebhookStatusBadge } from "@/components/api/webhook-status-badge";
import { requireStaff } from "@/server/auth/session";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string; id: string; deliveryId: string }> };

async function loadDelivery(slug: string, endpointId: string, deliveryId: string) {
  const delivery = await (await createCaller(slug)).webhooks.getDelivery({ tenantSlug: slug, deliveryId }).catch((e: unknown) => {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  });
  if (delivery.endpoint.id !== endpointId) notFound();
  return delivery;
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { tenant: slug } = await params;
  await requireStaff(slug, ["TENANT_ADMIN"]);
  const [t, tb] = await Promise.all([getTranslations("webhooks"), getTranslations("backoffice")]);
  return { title: `${t("delivery.metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/api/webhook/{id}/consegne/{deliveryId} — one delivery (tenant
// administrators): outcome, the JSON sent (the same at every attempt), every attempt with its
// answer, and "Reinvia".
export default async function WebhookDeliveryPage({ params }: TProps) {
  const { tenant: slug, id, deliveryId } = await params;
  const { tenant } = await requireStaff(slug, ["TENANT_ADMIN"]);
  const [t, format, delivery] = await Promise.all([getTranslations("webhooks"), getFormatter(), loadDelivery(slug, id, deliveryId)]);
  const listHref = `/${tenant.slug}/backoffice/api/webhook`;
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "medium" });
  const event = t(webhookEventKey(delivery.event.type));
  return (
    <>
      <ApiTabs tenantSlug={tenant.slug} current="webhooks" />
      <Breadcrumb
        items={[
          { label: t("list.title"), href: listHref },
          { label: delivery.endpoint.url, href: `${listHref}/${delivery.endpoint.id}` },
          { label: t("delivery.title", { event }) },
        ]}
      />
      <h1 className="h2 mb-3">{t("delivery.title", { event })}</h1>

      <section aria-labelledby="delivery-facts" className="card shadow-sm rounded border mb-4">
        <div className="card-body card-body-compact">
          <h2 id="delivery-facts" className="h5">
            {t("delivery.facts")}
          </h2>
          <dl className="row mb-0">
            <dt className="col-12 col-md-4 col-xl-3">{t("delivery.status")}</dt>
            <dd className="col-12 col-md-8 col-xl-9">
              <WebhookStatusBadge status={delivery.status} />
            </dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("delivery.endpoint")}</dt>
            <dd className="col-12 col-md-8 col-xl-9 text-break">
              <code>{delivery.endpoint.url}</code>
            </dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("delivery.eventId")}</dt>
            <dd className="col-12 col-md-8 col-xl-9 text-break">
              <code>{delivery.event.id}</code>
            </dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("delivery.createdAt")}</dt>
            <dd className="col-12 col-md-8 col-xl-9">{dateTime(delivery.createdAt)}</dd>
            {delivery.deliveredAt ? (
              <>
                <dt className="col-12 col-md-4 col-xl-3">{t("delivery.deliveredAt")}</dt>
                <dd className="col-12 col-md-8 col-xl-9">{dateTime(delivery.deliveredAt)}</dd>
              </>
            ) : null}
            <dt className="col-12 col-md-4 col-xl-3">{t("delivery.attempts")}</dt>
            <dd className="col-12 col-md-8 col-xl-9 mb-0">{delivery.attempts}</dd>
            {delivery.lastError ? (
              <>
                <dt className="col-12 col-md-4 col-xl-3 mt-2">{t("delivery.lastError")}</dt>
                <dd className="col-12 col-md-8 col-xl-9 mb-0 mt-2 text-break">{delivery.lastError}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </section>

      {delivery.endpoint.enabled ? <WebhookRedeliverButton tenantSlug={tenant.slug} deliveryId={delivery.id} /> : null}

      <section aria-labelledby="delivery-attempts" className="mb-4">
        <h2 id="delivery-attempts" className="h4">
          {t("delivery.attemptsTitle")}
        </h2>
        {delivery.attemptLog.length === 0 ? (
          <p>{t("delivery.noAttempts")}</p>
        ) : (
          <div className="table-responsive">
            <table className="table align-middle" data-testid="webhook-attempts">
              <caption className="visually-hidden">{t("delivery.attemptsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("delivery.number")}</th>
                  <th scope="col">{t("delivery.at")}</th>
                  <th scope="col">{t("delivery.trigger")}</th>
                  <th scope="col">{t("delivery.statusCode")}</th>
                  <th scope="col">{t("delivery.duration")}</th>
                  <th scope="col">{t("delivery.response")}</th>
                </tr>
              </thead>
              <tbody>
                {delivery.attemptLog.map((a) => (
                  <tr key={a.id}>
                    <td>{a.attempt}</td>
                    <td>{dateTime(a.createdAt)}</td>
                    <td>{t(`delivery.triggers.${a.trigger === "manual" ? "manual" : "auto"}`)}</td>
                    <td>{a.statusCode ?? "—"}</td>
                    <td>{t("delivery.durationMs", { ms: a.durationMs })}</td>
                    <td className="small text-break">
                      {a.error ? <span className="d-block text-danger-emphasis">{a.error}</span> : null}
                      {a.responseBody ? <code className="d-block text-wrap">{a.responseBody}</code> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="delivery-payload" className="mb-4">
        <h2 id="delivery-payload" className="h4">
          {t("delivery.payload")}
        </h2>
        <pre className="bg-light border rounded p-3 small" tabIndex={0} aria-label={t("delivery.payloadLabel")} data-testid="webhook-payload">
          <code>{delivery.event.pretty}</code>
        </pre>
      </section>
    </>
  );
}
