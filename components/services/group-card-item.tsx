import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TCatalogueGroup } from "@/server/services/catalogue";
import { AvailabilityBadge } from "./availability-badge";

// A service group as one entry of the catalogue: labelled as a group, its name linking to the
// group's page, its description, and its services in order, each with its own link and
// availability, so a citizen who knows what they need goes straight to the service.
export async function GroupCardItem({ group, tenantSlug, heading: Heading }: { group: TCatalogueGroup; tenantSlug: string; heading: "h3" | "h4" }) {
  const t = await getTranslations("catalogue.group");
  return (
    <li className="col-12 col-md-6 col-lg-4">
      <div className="card shadow-sm rounded h-100 service-group-card">
        <div className="card-body d-flex flex-column">
          <p className="small fw-semibold text-uppercase text-secondary mb-1">
            {t("label")} · {t("count", { count: group.services.length })}
          </p>
          <Heading className="card-title h5 mb-2">
            <Link href={`/${tenantSlug}/servizi/gruppi/${group.slug}`}>{group.name}</Link>
          </Heading>
          {group.description ? <p className="mb-3">{group.description}</p> : null}
          <ul className="list-unstyled mt-auto mb-0" aria-label={t("membersLabel", { name: group.name })}>
            {group.services.map((service) => (
              <li key={service.id} className="d-flex flex-wrap align-items-center justify-content-between gap-2 border-top py-2">
                <Link href={`/${tenantSlug}/servizi/${service.slug}`}>{service.name}</Link>
                <AvailabilityBadge availability={service.availability} />
              </li>
            ))}
          </ul>
        </div>
      </div>
    </li>
  );
}
