import { db } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import { upsertDefaultCategories } from "@/server/db/seed-services";
import { AppError } from "@/server/errors";
import { changeTenant, recordTenantCreated, tenantData } from "@/server/settings/tenant-settings";
import type { TTenantBaseValues } from "@/server/settings/settings-values";
import { RESERVED_SLUGS } from "@/server/tenant";
import type { TCreateTenantValues } from "./tenant-values";

// The platform's municipalities, as its super-admins manage them (/admin): the list, a new
// municipality with its default service categories, the base fields (name, area, protocol
// prefix, contact email). Cross-tenant by nature: only superAdminProcedure calls these. The
// first administrator is then invited from the municipality's back office (/{slug}/backoffice/operatori),
// which a super-admin may open in every municipality.

export type TPlatformActor = { id: string };

const SUPER_ADMIN = "SUPER_ADMIN" as const;
const slugTaken = () => new AppError("CONFLICT", "admin.errors.slugTaken", { fields: { slug: "admin.errors.slugTaken" } });

export async function listTenantsForAdmin() {
  const prisma = await db();
  return prisma.tenant.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      area: true,
      protocolPrefix: true,
      contactEmail: true,
      createdAt: true,
      _count: { select: { memberships: true, services: true } },
    },
  });
}

export async function getTenantForAdmin({ slug }: { slug: string }) {
  const prisma = await db();
  const tenant = await prisma.tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, area: true, protocolPrefix: true, contactEmail: true, updatedAt: true },
  });
  if (!tenant) throw new AppError("NOT_FOUND", "errors.tenantNotFound");
  return tenant;
}

/** A new municipality with its default service categories, and the audit line of its creation. */
export async function createTenant({ actor, values, ip }: { actor: TPlatformActor; values: TCreateTenantValues; ip?: string | null }) {
  if (RESERVED_SLUGS.has(values.slug)) throw new AppError("BAD_REQUEST", "admin.errors.slugReserved", { fields: { slug: "admin.errors.slugReserved" } });
  const prisma = await db();
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.tenant.findUnique({ where: { slug: values.slug }, select: { id: true } })) throw slugTaken();
      const tenant = await tx.tenant.create({ data: { slug: values.slug, ...tenantData(values) }, select: { id: true, slug: true, name: true } });
      const categories = await upsertDefaultCategories(tx, tenant.id);
      await recordTenantCreated(
        tx,
        { tenantId: tenant.id, actor: { id: actor.id, role: SUPER_ADMIN }, ip },
        { slug: tenant.slug, changed: ["name", "area", "protocolPrefix", "contactEmail"], categories: categories.size },
      );
      return tenant;
    });
  } catch (e) {
    // Two super-admins creating the same address at once: one wins.
    if (isUniqueViolation(e)) throw slugTaken();
    throw e;
  }
}

/** The base fields, changed by a super-admin (audited in the municipality's trail like its own administrators' changes). */
export function updateTenantBase({
  actor,
  tenantId,
  values,
  expectedUpdatedAt,
  ip,
}: {
  actor: TPlatformActor;
  tenantId: string;
  values: TTenantBaseValues;
  expectedUpdatedAt: Date;
  ip?: string | null;
}) {
  return changeTenant({ tenantId, actor: { id: actor.id, role: SUPER_ADMIN }, ip, data: tenantData(values), expectedUpdatedAt });
}
