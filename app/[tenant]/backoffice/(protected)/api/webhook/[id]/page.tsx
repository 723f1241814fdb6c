import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ApiTabs } from "@/components/api/api-tabs";
import { Breadcrumb } from "@/components/breadcrumb";
import { WebhookDeliveryLog } from "@/components/api/webhook-delivery-log";
import { WebhookEndpointActions } from "@/components/api/webhook-endpoint-actions";
import { WebhookEndpointForm } from "@/components/api/webhook-endpoint-form";
import { webhookEventKey } from "@/components/api/webhook-labels";
import { WebhookEnabledBadge } from "@/components/api/webhook-status-badge";
import { requireStaff } from "@/server/auth/session";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string; id: string }> };

async function loadEndpoint(slug: string, endpointId: string) {
  return (await createCaller(slug)).webhooks.get({ tenantSlug: slug, endpointId }).catch((e: unknown) => {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  });
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { tenant: slug, id } = await params;
  await requireStaff(slug, ["TENANT_ADMIN"]);
  const [t, tb, endpoint] = await Promise.all([getTranslations("webhooks"), getTranslations("backoffice"), loadEndpoint(slug, id)]);
  return { title: `${t("detail.metaTitle", { url: endpoint.url })} · ${tb("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/api/webhook/{id} — one endpoint (tenant administrators): summary,
// actions (test event, disable, rotate secret, delete), settings, and the delivery log.
export default async function WebhookEndpointPage({ params }: TProps) {
  const { tenant: slug, id } = await params;
  const { tenant } = await requireStaff(slug, ["TENANT_ADMIN"]);
  const [t, format, endpoint] = await Promise.all([getTranslations("webhooks"), getFormatter(), loadEndpoint(slug, id)]);
  const listHref = `/${tenant.slug}/backoffice/api/webhook`;
  return (
    <>
      <ApiTabs tenantSlug={tenant.slug} current="webhooks" />
      <Breadcrumb items={[{ label: t("list.title"), href: listHref }, { label: endpoint.url }]} />
      <h1 className="h2 mb-1 text-break">{endpoint.url}</h1>
      {endpoint.description ? <p className="lead">{endpoint.description}</p> : null}

      <section aria-labelledby="webhook-facts" className="card shadow-sm rounded border mb-4">
        <div className="card-body card-body-compact">
          <h2 id="webhook-facts" className="h5">
            {t("detail.facts")}
          </h2>
          <dl className="row mb-0">
            <dt className="col-12 col-md-4 col-xl-3">{t("detail.state")}</dt>
            <dd className="col-12 col-md-8 col-xl-9" data-testid="webhook-endpoint-state">
              <WebhookEnabledBadge enabled={endpoint.enabled} />
            </dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("detail.events")}</dt>
            <dd className="col-12 col-md-8 col-xl-9">
              <ul className="list-unstyled mb-0">
                {endpoint.events.map((type) => (
                  <li key={type}>
                    {t(webhookEventKey(type))} <code className="small">{type}</code>
                  </li>
                ))}
              </ul>
            </dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("detail.createdAt")}</dt>
            <dd className="col-12 col-md-8 col-xl-9 mb-0">{format.dateTime(endpoint.createdAt, { dateStyle: "long", timeStyle: "short" })}</dd>
          </dl>
        </div>
      </section>

      <WebhookEndpointActions tenantSlug={tenant.slug} endpoint={{ id: endpoint.id, enabled: endpoint.enabled }} listHref={listHref} />

      <WebhookDeliveryLog tenantSlug={tenant.slug} endpointId={endpoint.id} enabled={endpoint.enabled} />

      <section aria-labelledby="webhook-settings" className="card shadow-sm rounded border mb-4">
        <div className="card-body">
          <h2 id="webhook-settings" className="h5 mb-4">
            {t("form.editTitle")}
          </h2>
          <WebhookEndpointForm
            tenantSlug={tenant.slug}
            endpoint={{ id: endpoint.id, url: endpoint.url, description: endpoint.description, events: endpoint.events }}
          />
        </div>
      </section>
    </>
  );
}
