import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApiKeyList } from "@/components/api/api-key-list";
import { ApiTabs } from "@/components/api/api-tabs";
import { CreateApiKeyForm } from "@/components/api/create-api-key-form";
import { Icon } from "@/components/icon";
import { oneYearLater, romeToday } from "@/server/api/keys-admin-values";
import { requireStaff } from "@/server/auth/session";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("apiKeys"), getTranslations("backoffice")]);
  return { title: `${t("metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

/** The day after `day` ("YYYY-MM-DD"): the earliest expiry a new key may have. */
function nextDay(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
}

// GET /{tenant}/backoffice/api — "API e webhook" → "Chiavi API" (tenant administrators and
// super-admins): the municipality's keys (prefix, permissions, expiry, last use, state), a new
// key (shown once), revocation; links to the developers' reference and the OpenAPI document.
export default async function ApiKeysPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { tenant } = await requireStaff(slug, ["TENANT_ADMIN"]);
  const [t, keys] = await Promise.all([getTranslations("apiKeys"), (await createCaller(slug)).apiKeys.list({ tenantSlug: slug })]);
  const today = romeToday();
  return (
    <>
      <h1 className="mb-3">{t("title")}</h1>
      <ApiTabs tenantSlug={tenant.slug} current="keys" />
      <p className="lead">{t("lead", { tenant: tenant.name })}</p>
      <ul className="list-inline mb-4">
        <li className="list-inline-item me-4 mb-2">
          <Link href="/sviluppatori" className="d-inline-flex align-items-center gap-1">
            <Icon name="it-code-circle" size="sm" color="primary" />
            {t("docs.reference")}
          </Link>
        </li>
        <li className="list-inline-item mb-2">
          {/* A JSON file, not a page of the app: a plain link. */}
          <a href="/api/v1/openapi.json" className="d-inline-flex align-items-center gap-1" type="application/json">
            <Icon name="it-file" size="sm" color="primary" />
            {t("docs.openapi")}
          </a>
        </li>
      </ul>

      <section aria-labelledby="api-keys-title" className="mb-5">
        <h2 id="api-keys-title" className="h4">
          {t("list.title")}
        </h2>
        <p className="text-secondary" data-testid="api-keys-count">
          {t("list.count", { count: keys.length })}
        </p>
        <ApiKeyList keys={keys} tenant={tenant} />
      </section>

      <section aria-labelledby="api-key-new-title" className="card shadow-sm rounded border mb-4">
        <div className="card-body card-body-compact">
          <h2 id="api-key-new-title" className="h4 mb-1">
            {t("create.title")}
          </h2>
          <p className="mb-4">{t("create.lead")}</p>
          <CreateApiKeyForm tenantSlug={tenant.slug} defaultExpiresOn={oneYearLater(today)} minExpiresOn={nextDay(today)} />
        </div>
      </section>
    </>
  );
}
