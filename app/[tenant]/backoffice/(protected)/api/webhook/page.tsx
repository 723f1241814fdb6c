import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApiTabs } from "@/components/api/api-tabs";
import { WebhookEndpointForm } from "@/components/api/webhook-endpoint-form";
import { WebhookEndpointList } from "@/components/api/webhook-endpoint-list";
import { Icon } from "@/components/icon";
import { requireStaff } from "@/server/auth/session";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("webhooks"), getTranslations("backoffice")]);
  return { title: `${t("metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/api/webhook — "API e webhook" → "Webhook" (tenant administrators and
// super-admins): the municipality's endpoints, and a new one (its secret shown once).
export default async function WebhooksPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { tenant } = await requireStaff(slug, ["TENANT_ADMIN"]);
  const [t, endpoints] = await Promise.all([getTranslations("webhooks"), (await createCaller(slug)).webhooks.list({ tenantSlug: slug })]);
  return (
    <>
      <h1 className="mb-3">{t("title")}</h1>
      <ApiTabs tenantSlug={tenant.slug} current="webhooks" />
      <p className="lead">{t("lead", { tenant: tenant.name })}</p>
      <p className="mb-4">
        <Link href="/sviluppatori#webhooks" className="d-inline-flex align-items-center gap-1">
          <Icon name="it-code-circle" size="sm" color="primary" />
          {t("reference")}
        </Link>
      </p>

      <section aria-labelledby="webhook-endpoints-title" className="mb-5">
        <h2 id="webhook-endpoints-title" className="h4">
          {t("list.title")}
        </h2>
        <p className="text-secondary" data-testid="webhook-endpoints-count">
          {t("list.count", { count: endpoints.length })}
        </p>
        <WebhookEndpointList tenantSlug={tenant.slug} endpoints={endpoints} />
      </section>

      <section aria-labelledby="webhook-new-title" className="card shadow-sm rounded border mb-4">
        <div className="card-body card-body-compact">
          <h2 id="webhook-new-title" className="h4 mb-1">
            {t("form.createTitle")}
          </h2>
          <p className="mb-4">{t("form.createLead")}</p>
          <WebhookEndpointForm tenantSlug={tenant.slug} />
        </div>
      </section>
    </>
  );
}
