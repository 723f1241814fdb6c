import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ServiceCatalog } from "@/components/services/service-catalog";
import { ServiceSearchForm } from "@/components/services/service-search-form";
import { TenantContacts } from "@/components/tenant/tenant-contacts";
import { getViewer } from "@/server/auth/session";
import { getTenantOr404 } from "./get-tenant";

// GET /{tenant} — the municipality's home: who it is, its online services, how to reach it.
export default async function TenantHomePage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await getTenantOr404((await params).tenant);
  const [t, viewer] = await Promise.all([getTranslations("municipality"), getViewer()]);
  return (
    <>
      <section className="tenant-hero py-5" aria-labelledby="tenant-title">
        <div className="container">
          <p className="text-uppercase fw-semibold small mb-2">{t("hero.eyebrow")}</p>
          <h1 id="tenant-title" className="text-white mb-3">
            {tenant.name}
          </h1>
          <p className="lead text-white mb-4">{t("hero.lead", { name: tenant.name })}</p>
          {viewer?.kind === "citizen" ? (
            <Link className="btn btn-light" href={`/${tenant.slug}/area-personale`}>
              {t("hero.ctaSignedIn")}
            </Link>
          ) : viewer ? null : (
            <Link className="btn btn-light" href={`/${tenant.slug}/accedi`}>
              {t("hero.cta")}
            </Link>
          )}
        </div>
      </section>
      <div className="container py-5">
        <section id="servizi" aria-labelledby="services-title" className="mb-5">
          <h2 id="services-title" className="mb-3">
            {t("services.title")}
          </h2>
          <ServiceSearchForm tenantSlug={tenant.slug} id="home-service-search" />
          <ServiceCatalog tenantId={tenant.id} tenantSlug={tenant.slug} />
        </section>
        <section id="contatti" aria-labelledby="contacts-title">
          <h2 id="contacts-title" className="mb-2">
            {t("contacts.title")}
          </h2>
          <p>{t("contacts.lead")}</p>
          <TenantContacts tenant={tenant} />
        </section>
      </div>
    </>
  );
}
