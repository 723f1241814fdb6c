import type { Service, ServiceAccessLevel } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { isServiceOpen, type TServiceWindow } from "@/server/applications/service-window";
import { AppError } from "@/server/errors";
import { tenantWhere } from "@/server/tenant";

// The public catalogue of a municipality. Citizens see every service that is not a DRAFT: a
// suspended, closed or not-yet-open service stays listed so its card can say so (and when it
// opens), but only an open one can be started.

export type TAvailability =
  | { kind: "open"; closesAt: Date | null }
  | { kind: "notYetOpen"; opensAt: Date }
  | { kind: "closed"; closedSince: Date | null }
  | { kind: "suspended" };

export type TCatalogueService = {
  id: string;
  slug: string;
  name: string;
  summary: string;
  accessLevel: ServiceAccessLevel;
  availability: TAvailability;
};

export type TCatalogueCategory = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  services: TCatalogueService[];
};

export type TServiceCard = TCatalogueService &
  Pick<Service, "audience" | "howTo" | "cost" | "maxProcessingDays" | "documentsNeeded" | "contacts" | "privacyNotice" | "opensAt" | "closesAt"> & {
    category: { slug: string; name: string };
  };

const VISIBLE_STATUSES = ["SCHEDULED", "PUBLISHED", "SUSPENDED", "CLOSED"] as const;

/** Whether a citizen can apply now, and if not, what to tell them. */
export function serviceAvailability(service: TServiceWindow, now = new Date()): TAvailability {
  if (isServiceOpen(service, now)) return { kind: "open", closesAt: service.closesAt };
  if (service.status === "SUSPENDED" || service.status === "DRAFT") return { kind: "suspended" };
  const windowEnded = service.closesAt !== null && now >= service.closesAt;
  if (service.status === "CLOSED" || windowEnded) return { kind: "closed", closedSince: windowEnded ? service.closesAt : null };
  // PUBLISHED or SCHEDULED, not open and its window has not ended: it opens later.
  if (!service.opensAt) return { kind: "suspended" };
  return { kind: "notYetOpen", opensAt: service.opensAt };
}

/** Lower-case, without accents: "Mobilità" and "mobilita" match. */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** Every word of the query appears in the service's name, summary or audience. */
function matches(service: Pick<Service, "name" | "summary" | "audience">, words: string[]): boolean {
  const haystack = foldForSearch(`${service.name}\n${service.summary}\n${service.audience}`);
  return words.every((w) => haystack.includes(w));
}

function searchWords(query: string | undefined): string[] {
  return foldForSearch(query ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10);
}

/**
 * Categories (by position) with the services citizens can see, each with its availability.
 * Empty categories are left out. `query` filters by name, summary and audience, ignoring case
 * and accents. A municipality has tens of services, so the search runs in memory: that gives
 * accent-insensitive matching without the `unaccent` extension, on PostgreSQL and PGlite alike.
 */
export async function listCatalogue({
  tenantId,
  query,
  now = new Date(),
}: {
  tenantId: string;
  query?: string;
  now?: Date;
}): Promise<{ categories: TCatalogueCategory[]; total: number }> {
  const prisma = await db();
  const categories = await prisma.serviceCategory.findMany({
    where: tenantWhere(tenantId),
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      services: {
        where: tenantWhere(tenantId, { status: { in: [...VISIBLE_STATUSES] } }),
        orderBy: { name: "asc" },
        select: {
          id: true,
          slug: true,
          name: true,
          summary: true,
          audience: true,
          accessLevel: true,
          status: true,
          opensAt: true,
          closesAt: true,
        },
      },
    },
  });
  const words = searchWords(query);
  const result: TCatalogueCategory[] = [];
  let total = 0;
  for (const { services, ...category } of categories) {
    const visible = services
      .filter((s) => matches(s, words))
      .map((s) => ({
        id: s.id,
        slug: s.slug,
        name: s.name,
        summary: s.summary,
        accessLevel: s.accessLevel,
        availability: serviceAvailability(s, now),
      }));
    if (visible.length === 0) continue;
    total += visible.length;
    result.push({ ...category, services: visible });
  }
  return { categories: result, total };
}

/** The card of one service in the fixed format; drafts and other tenants' services are NOT_FOUND. */
export async function getServiceCard({
  tenantId,
  slug,
  now = new Date(),
}: {
  tenantId: string;
  slug: string;
  now?: Date;
}): Promise<TServiceCard> {
  const prisma = await db();
  const service = await prisma.service.findFirst({
    where: tenantWhere(tenantId, { slug, status: { in: [...VISIBLE_STATUSES] } }),
    include: { category: { select: { slug: true, name: true } } },
  });
  if (!service) throw new AppError("NOT_FOUND", "catalogue.errors.serviceNotFound");
  return {
    id: service.id,
    slug: service.slug,
    name: service.name,
    summary: service.summary,
    accessLevel: service.accessLevel,
    availability: serviceAvailability(service, now),
    audience: service.audience,
    howTo: service.howTo,
    cost: service.cost,
    maxProcessingDays: service.maxProcessingDays,
    documentsNeeded: service.documentsNeeded,
    contacts: service.contacts,
    privacyNotice: service.privacyNotice,
    opensAt: service.opensAt,
    closesAt: service.closesAt,
    category: service.category,
  };
}
