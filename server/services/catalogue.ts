import type { Prisma, Service, ServiceAccessLevel } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { isServiceOpen, type TServiceWindow } from "@/server/applications/service-window";
import { AppError } from "@/server/errors";
import { tenantWhere } from "@/server/tenant";
import { isGroupVisible } from "./groups-values";

// The public catalogue of a municipality. Citizens see every service that is not a DRAFT: a
// suspended, closed or not-yet-open service stays listed so its card can say so (and when it
// opens), but only an open one can be started.
//
// A service group ("Asilo nido") is ONE entry of the catalogue, in the category of its first
// visible member, listing its visible members in the group's order. It is shown only while at
// least one member is PUBLISHED (isGroupVisible); a group of only scheduled, suspended or closed
// services is hidden together with its members (their cards stay reachable by address). In a
// category the groups come first, in the administrator's order, then the other services by name.

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

/** A service group as citizens see it: its visible members in order. */
export type TCatalogueGroup = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  services: TCatalogueService[];
};

export type TCatalogueCategory = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  /** The groups whose first visible member is in this category, in the groups' order. */
  groups: TCatalogueGroup[];
  /** The services in no group, by name. */
  services: TCatalogueService[];
};

export type TServiceCard = TCatalogueService &
  Pick<Service, "audience" | "howTo" | "cost" | "maxProcessingDays" | "documentsNeeded" | "contacts" | "privacyNotice" | "opensAt" | "closesAt"> & {
    category: { slug: string; name: string };
    /** The group it belongs to, when the group is in the catalogue. */
    group: { slug: string; name: string } | null;
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

type TSearchable = Pick<Service, "name" | "summary" | "audience">;

const searchText = (service: TSearchable) => `${service.name}\n${service.summary}\n${service.audience}`;

/** Every word of the query appears in the text (folded). */
function matchesText(text: string, words: string[]): boolean {
  const haystack = foldForSearch(text);
  return words.every((w) => haystack.includes(w));
}

/** Every word of the query appears in the service's name, summary or audience. */
function matches(service: TSearchable, words: string[]): boolean {
  return matchesText(searchText(service), words);
}

/** Every word appears in the group's name or description together with one member's text
 * ("asilo iscrizione"), or in the group's alone; words are not gathered across members. */
function groupMatches(group: { name: string; description: string | null }, members: TSearchable[], words: string[]): boolean {
  const own = `${group.name}\n${group.description ?? ""}`;
  return matchesText(own, words) || members.some((m) => matchesText(`${own}\n${searchText(m)}`, words));
}

const serviceSelect = {
  id: true,
  slug: true,
  name: true,
  summary: true,
  audience: true,
  accessLevel: true,
  status: true,
  opensAt: true,
  closesAt: true,
} as const;

function toCatalogueService(
  s: Pick<Service, "id" | "slug" | "name" | "summary" | "accessLevel" | "status" | "opensAt" | "closesAt">,
  now: Date,
): TCatalogueService {
  return { id: s.id, slug: s.slug, name: s.name, summary: s.summary, accessLevel: s.accessLevel, availability: serviceAvailability(s, now) };
}

/** The order of a group's members (ties, such as seeded rows, broken by name). */
export const GROUP_MEMBER_ORDER = [{ groupPosition: "asc" }, { name: "asc" }, { id: "asc" }] satisfies Prisma.ServiceOrderByWithRelationInput[];

/** A group's members citizens can see, in the group's order. */
const visibleMembers = (tenantId: string) => ({
  where: tenantWhere(tenantId, { status: { in: [...VISIBLE_STATUSES] } }),
  orderBy: GROUP_MEMBER_ORDER,
  select: { ...serviceSelect, categoryId: true } as const,
});

function searchWords(query: string | undefined): string[] {
  return foldForSearch(query ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10);
}

/**
 * Categories (by position) with the groups and services citizens can see, each service with its
 * availability. Empty categories are left out; `total` counts entries (a group is one).
 * `query` filters by name, summary and audience (and a group's name and description), ignoring
 * case and accents. A municipality has tens of services, so the search runs in memory: that gives
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
  const [categories, groups] = await Promise.all([
    prisma.serviceCategory.findMany({
      where: tenantWhere(tenantId),
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: {
        id: true,
        slug: true,
        name: true,
        description: true,
        services: {
          where: tenantWhere(tenantId, { status: { in: [...VISIBLE_STATUSES] }, groupId: null }),
          orderBy: { name: "asc" },
          select: serviceSelect,
        },
      },
    }),
    prisma.serviceGroup.findMany({
      where: tenantWhere(tenantId),
      orderBy: [{ position: "asc" }, { name: "asc" }, { id: "asc" }],
      select: { id: true, slug: true, name: true, description: true, services: visibleMembers(tenantId) },
    }),
  ]);
  const words = searchWords(query);
  const groupsByCategory = new Map<string, TCatalogueGroup[]>();
  for (const { services, ...group } of groups) {
    if (!isGroupVisible(services) || !groupMatches(group, services, words)) continue;
    const categoryId = services[0]!.categoryId;
    const list = groupsByCategory.get(categoryId) ?? [];
    list.push({ ...group, services: services.map((s) => toCatalogueService(s, now)) });
    groupsByCategory.set(categoryId, list);
  }
  const result: TCatalogueCategory[] = [];
  let total = 0;
  for (const { services, ...category } of categories) {
    const categoryGroups = groupsByCategory.get(category.id) ?? [];
    const visible = services.filter((s) => matches(s, words)).map((s) => toCatalogueService(s, now));
    if (visible.length === 0 && categoryGroups.length === 0) continue;
    total += categoryGroups.length + visible.length;
    result.push({ ...category, groups: categoryGroups, services: visible });
  }
  return { categories: result, total };
}

/** A public page's address in the municipality; `now` decides availability. */
type TBySlug = { tenantId: string; slug: string; now?: Date };

/** A group's public page: its visible members in order. NOT_FOUND when the group is not in the
 * catalogue (no published member) or is another municipality's. */
export async function getCatalogueGroup({ tenantId, slug, now = new Date() }: TBySlug): Promise<TCatalogueGroup> {
  const prisma = await db();
  const group = await prisma.serviceGroup.findFirst({
    where: tenantWhere(tenantId, { slug }),
    select: { id: true, slug: true, name: true, description: true, services: visibleMembers(tenantId) },
  });
  if (!group || !isGroupVisible(group.services)) throw new AppError("NOT_FOUND", "catalogue.errors.groupNotFound");
  return { ...group, services: group.services.map((s) => toCatalogueService(s, now)) };
}

/** The card of one service in the fixed format; drafts and other tenants' services are NOT_FOUND. */
export async function getServiceCard({ tenantId, slug, now = new Date() }: TBySlug): Promise<TServiceCard> {
  const prisma = await db();
  const service = await prisma.service.findFirst({
    where: tenantWhere(tenantId, { slug, status: { in: [...VISIBLE_STATUSES] } }),
    include: {
      category: { select: { slug: true, name: true } },
      group: { select: { slug: true, name: true, services: { where: { status: "PUBLISHED" }, select: { status: true }, take: 1 } } },
    },
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
    group: service.group && isGroupVisible(service.group.services) ? { slug: service.group.slug, name: service.group.name } : null,
  };
}
