import { db } from "@/server/db/client";
import { tenantWhere } from "@/server/tenant";

/** The staff of one municipality with their role there (no super-admins unless members). */
export async function listTenantStaff({ tenantId }: { tenantId: string }) {
  const prisma = await db();
  const memberships = await prisma.membership.findMany({
    where: tenantWhere(tenantId),
    select: { role: true, disabledAt: true, staffUser: { select: { id: true, name: true, email: true, disabledAt: true } } },
    orderBy: { staffUser: { name: "asc" } },
  });
  return memberships.map((m) => ({
    id: m.staffUser.id,
    name: m.staffUser.name,
    email: m.staffUser.email,
    role: m.role,
    // Disabled here by the municipality, or the whole account.
    disabled: m.disabledAt !== null || m.staffUser.disabledAt !== null,
  }));
}
