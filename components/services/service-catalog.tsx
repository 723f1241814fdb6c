import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "../empty-state";
import { AvailabilityBadge } from "./availability-badge";
import { loadCatalogue } from "./load-catalogue";

type THeading = 2 | 3;

// The municipality's services grouped by category: a heading per category, a card per service
// (name linking to its page, short summary, availability). Used on the municipality home
// (headingLevel 3, under "Servizi online") and on /{tenant}/servizi (headingLevel 2).
export async function ServiceCatalog({
  tenantId,
  tenantSlug,
  query,
  headingLevel = 3,
}: {
  tenantId: string;
  tenantSlug: string;
  query?: string;
  headingLevel?: THeading;
}) {
  const [{ categories }, t] = await Promise.all([loadCatalogue(tenantId, query), getTranslations("catalogue")]);
  if (categories.length === 0) {
    return query ? (
      <EmptyState icon="it-search" title={t("empty.searchTitle")} headingLevel={headingLevel}>
        {t("empty.searchBody")}
      </EmptyState>
    ) : (
      <EmptyState icon="it-box" title={t("empty.title")} headingLevel={headingLevel}>
        {t("empty.body")}
      </EmptyState>
    );
  }
  const CategoryHeading = headingLevel === 2 ? "h2" : "h3";
  const ServiceHeading = headingLevel === 2 ? "h3" : "h4";
  return (
    <div className="service-catalog">
      {categories.map((category) => (
        <section key={category.id} aria-labelledby={`category-${category.slug}`} className="mb-4">
          <CategoryHeading id={`category-${category.slug}`} className="h4 mb-1">
            {category.name}
          </CategoryHeading>
          {category.description ? <p className="text-secondary mb-3">{category.description}</p> : null}
          <ul className="row g-3 list-unstyled mb-0">
            {category.services.map((service) => (
              <li key={service.id} className="col-12 col-md-6 col-lg-4">
                <div className="card shadow-sm rounded h-100">
                  <div className="card-body d-flex flex-column">
                    <ServiceHeading className="card-title h5 mb-2">
                      <Link href={`/${tenantSlug}/servizi/${service.slug}`}>{service.name}</Link>
                    </ServiceHeading>
                    <p className="mb-3">{service.summary}</p>
                    <p className="mt-auto mb-0">
                      <AvailabilityBadge availability={service.availability} />
                    </p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
