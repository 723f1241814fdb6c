import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { ServiceCatalog } from "@/components/services/service-catalog";
import { ServiceSearchForm } from "@/components/services/service-search-form";
import { loadCatalogue } from "@/components/services/load-catalogue";
import { getTenantOr404 } from "../get-tenant";

type TProps = { params: Promise<{ tenant: string }>; searchParams: Promise<{ q?: string | string[] }> };

/** The search text: first ?q=, trimmed; long inputs are cut rather than refused. */
function readQuery(q: string | string[] | undefined): string | undefined {
  const value = (Array.isArray(q) ? q[0] : q)?.trim().slice(0, 100);
  return value ? value : undefined;
}

export async function generateMetadata({ searchParams }: Pick<TProps, "searchParams">): Promise<Metadata> {
  const [t, query] = await Promise.all([getTranslations("catalogue"), searchParams.then((s) => readQuery(s.q))]);
  return { title: query ? `${t("search.metaTitle", { query })} · ${t("metaTitle")}` : t("metaTitle") };
}

// GET /{tenant}/servizi?q=… — every service of the municipality by category, with a search box.
export default async function ServicesPage({ params, searchParams }: TProps) {
  const [{ tenant: slug }, { q }] = await Promise.all([params, searchParams]);
  const tenant = await getTenantOr404(slug);
  const query = readQuery(q);
  const [t, tShell, { total }] = await Promise.all([
    getTranslations("catalogue"),
    getTranslations("shell"),
    loadCatalogue(tenant.id, query),
  ]);
  return (
    <div className="container pb-5">
      <PageTitle
        breadcrumb={[{ label: tShell("breadcrumb.home"), href: `/${slug}` }, { label: t("breadcrumb") }]}
        title={t("title")}
        lead={t("lead", { tenant: tenant.name })}
      />
      <ServiceSearchForm tenantSlug={slug} query={query} />
      {/* Announced when a search made on the client changes it; read first after a reload. */}
      <div className="d-flex flex-wrap align-items-baseline gap-3 mb-3">
        <p role="status" aria-live="polite" className="fw-semibold mb-0">
          {query ? t("search.results", { count: total, query }) : t("search.count", { count: total })}
        </p>
        {query ? <Link href={`/${slug}/servizi`}>{t("search.clear")}</Link> : null}
      </div>
      <ServiceCatalog tenantId={tenant.id} tenantSlug={slug} query={query} headingLevel={2} />
    </div>
  );
}
