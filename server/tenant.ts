import { cache } from "react";
import { db } from "./db/client";
import { AppError } from "./errors";
import { TENANT_SLUG_PATTERN } from "./tenants/slug";

// Tenant resolution and scoping. Everything tenant-owned is read through tenantWhere()/
// the tenant id resolved here; a deliberately cross-tenant query is named unsafe… .

export type TTenant = NonNullable<Awaited<ReturnType<typeof unsafeFindTenantBySlug>>>;

/** Slugs that are routes of the platform, never municipalities. */
export const RESERVED_SLUGS = new Set(["api", "admin", "dev", "oidc", "_next", "verifica", "static", "public", "sviluppatori"]);

/** Looks a tenant up by slug; cross-tenant by nature (it is how a request finds its tenant). */
export async function unsafeFindTenantBySlug(slug: string) {
  if (!TENANT_SLUG_PATTERN.test(slug) || RESERVED_SLUGS.has(slug)) return null;
  const prisma = await db();
  return prisma.tenant.findUnique({ where: { slug } });
}

/** The request's tenant, resolved once per request (React cache), or a NOT_FOUND AppError. */
export const getTenantOrThrow = cache(async (slug: string): Promise<TTenant> => {
  const tenant = await unsafeFindTenantBySlug(slug);
  if (!tenant) throw new AppError("NOT_FOUND", "errors.tenantNotFound");
  return tenant;
});

/** The where clause every tenant-owned query starts from. */
export function tenantWhere<T extends object>(tenantId: string, where?: T): T & { tenantId: string } {
  return { ...(where ?? ({} as T)), tenantId };
}

/** Lists municipalities for the platform home page (public data only). */
export async function listTenantsForHome() {
  const prisma = await db();
  return prisma.tenant.findMany({
    orderBy: { name: "asc" },
    select: { slug: true, name: true, area: true },
  });
}
