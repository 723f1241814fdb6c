import { getTranslations } from "next-intl/server";
import { EmptyState } from "../empty-state";
import { GroupCardItem } from "./group-card-item";
import { loadCatalogue } from "./load-catalogue";
import { ServiceCardItem } from "./service-card-item";

type THeading = 2 | 3;

// The municipality's services grouped by category: a heading per category, a card per service
// group (its services listed in it) and per other service (name linking to its page, short
// summary, availability). Used on the municipality home
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
            {category.groups.map((group) => (
              <GroupCardItem key={group.id} group={group} tenantSlug={tenantSlug} heading={ServiceHeading} />
            ))}
            {category.services.map((service) => (
              <ServiceCardItem key={service.id} service={service} tenantSlug={tenantSlug} heading={ServiceHeading} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
