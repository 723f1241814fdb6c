import Link from "next/link";
import type { TCatalogueService } from "@/server/services/catalogue";
import { AvailabilityBadge } from "./availability-badge";

// One service of the catalogue as a card in a grid list: its name linking to its page, the short
// summary, the availability. Used by the catalogue and by a group's page.
export function ServiceCardItem({ service, tenantSlug, heading: Heading }: { service: TCatalogueService; tenantSlug: string; heading: "h3" | "h4" }) {
  return (
    <li className="col-12 col-md-6 col-lg-4">
      <div className="card shadow-sm rounded h-100">
        <div className="card-body d-flex flex-column">
          <Heading className="card-title h5 mb-2">
            <Link href={`/${tenantSlug}/servizi/${service.slug}`}>{service.name}</Link>
          </Heading>
          <p className="mb-3">{service.summary}</p>
          <p className="mt-auto mb-0">
            <AvailabilityBadge availability={service.availability} />
          </p>
        </div>
      </div>
    </li>
  );
}
