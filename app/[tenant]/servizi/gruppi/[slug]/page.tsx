import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { PageTitle } from "@/components/page-title";
import { ServiceCardItem } from "@/components/services/service-card-item";
import { isAppError } from "@/server/errors";
import { getCatalogueGroup } from "@/server/services/catalogue";
import { getTenantOr404 } from "../../../get-tenant";

type TProps = { params: Promise<{ tenant: string; slug: string }> };

// The tenant and the group, once per request (metadata and page both need them); a group not in
// the catalogue (no published service) or of another municipality renders the 404 page.
const loadGroup = cache(async (tenantSlug: string, groupSlug: string) => {
  const tenant = await getTenantOr404(tenantSlug);
  try {
    return { tenant, group: await getCatalogueGroup({ tenantId: tenant.id, slug: groupSlug }) };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { tenant, slug } = await params;
  const { group } = await loadGroup(tenant, slug);
  return { title: group.name, description: group.description ?? undefined };
}

// GET /{tenant}/servizi/gruppi/{slug} — a group of services ("Asilo nido"): its services in the
// administrator's order, each with its availability and a link to its card.
export default async function ServiceGroupPage({ params }: TProps) {
  const { tenant: tenantSlug, slug } = await params;
  const { tenant, group } = await loadGroup(tenantSlug, slug);
  const [t, tCatalogue, tShell] = await Promise.all([getTranslations("catalogue.group"), getTranslations("catalogue"), getTranslations("shell")]);
  return (
    <div className="container pb-5">
      <PageTitle
        breadcrumb={[
          { label: tShell("breadcrumb.home"), href: `/${tenant.slug}` },
          { label: tCatalogue("breadcrumb"), href: `/${tenant.slug}/servizi` },
          { label: group.name },
        ]}
        title={group.name}
        lead={group.description ?? undefined}
      />
      <p className="small fw-semibold text-uppercase text-secondary mb-4">
        {t("label")} · {t("count", { count: group.services.length })}
      </p>
      <section aria-labelledby="group-services-title">
        <h2 id="group-services-title" className="h4 mb-1">
          {t("servicesTitle")}
        </h2>
        <p className="text-secondary mb-3">{t("servicesLead")}</p>
        <ul className="row g-3 list-unstyled mb-0">
          {group.services.map((service) => (
            <ServiceCardItem key={service.id} service={service} tenantSlug={tenant.slug} heading="h3" />
          ))}
        </ul>
      </section>
    </div>
  );
}
