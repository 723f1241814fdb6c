import { createTestService } from "@/server/applications/testing";
import { db } from "@/server/db/client";
import type { ServiceStatus } from "@/server/db/generated/client";
import { createStaff, createTenant } from "@/server/test/factories";
import type { TServiceStaff } from "./permissions";

// Test data for the configuration of services: a municipality with a published service and its
// staff at every rung (administrator, the service's manager, another service's manager,
// operator), and an administrator of another municipality.

export async function createServiceAdminScenario(opts: { status?: ServiceStatus; opensAt?: Date | null; closesAt?: Date | null } = {}) {
  const prisma = await db();
  const tenant = await createTenant();
  const other = await createTenant();
  const service = await createTestService({ tenantId: tenant.id, status: opts.status, opensAt: opts.opensAt, closesAt: opts.closesAt });
  const otherService = await createTestService({ tenantId: tenant.id });
  const [admin, manager, otherManager, operator, stranger, superAdmin] = await Promise.all([
    createStaff({ tenantId: tenant.id, role: "TENANT_ADMIN" }),
    createStaff({ tenantId: tenant.id, role: "SERVICE_MANAGER" }),
    createStaff({ tenantId: tenant.id, role: "SERVICE_MANAGER" }),
    createStaff({ tenantId: tenant.id, role: "OPERATOR" }),
    createStaff({ tenantId: other.id, role: "TENANT_ADMIN" }),
    createStaff({ isSuperAdmin: true }),
  ]);
  await prisma.serviceOperator.createMany({
    data: [
      { tenantId: tenant.id, serviceId: service.id, staffUserId: manager.user.id },
      { tenantId: tenant.id, serviceId: service.id, staffUserId: operator.user.id },
      { tenantId: tenant.id, serviceId: otherService.id, staffUserId: otherManager.user.id },
    ],
  });
  const ref = (user: { id: string }, role: TServiceStaff["role"]): TServiceStaff => ({ id: user.id, role });
  return {
    tenant,
    other,
    service,
    otherService,
    users: { admin: admin.user, manager: manager.user, otherManager: otherManager.user, operator: operator.user, stranger: stranger.user, superAdmin: superAdmin.user },
    staff: {
      admin: ref(admin.user, "TENANT_ADMIN"),
      manager: ref(manager.user, "SERVICE_MANAGER"),
      otherManager: ref(otherManager.user, "SERVICE_MANAGER"),
      operator: ref(operator.user, "OPERATOR"),
    },
  };
}

/** The service's history, oldest first. */
export async function historyOf(serviceId: string) {
  const prisma = await db();
  return prisma.serviceChange.findMany({ where: { serviceId }, orderBy: { id: "asc" } });
}
