import { createTenant, getTenantForAdmin, listTenantsForAdmin, updateTenantBase } from "@/server/tenants/tenants";
import { ZCreateTenantInput, ZTenantBySlugInput, ZUpdateTenantInput } from "@/server/tenants/tenant-values";
import { router, superAdminProcedure } from "../init";

// The platform's administration (/admin): its super-admins list, create and edit municipalities
// (server/tenants/). Anyone else: FORBIDDEN (signed out: UNAUTHORIZED).

export const platformRouter = router({
  list: superAdminProcedure.query(() => listTenantsForAdmin()),

  get: superAdminProcedure.input(ZTenantBySlugInput).query(({ input }) => getTenantForAdmin(input)),

  create: superAdminProcedure
    .input(ZCreateTenantInput)
    .mutation(({ ctx, input }) => createTenant({ actor: { id: ctx.staff.id }, values: input.values, ip: ctx.ip })),

  update: superAdminProcedure.input(ZUpdateTenantInput).mutation(({ ctx, input }) => updateTenantBase({ actor: { id: ctx.staff.id }, ip: ctx.ip, ...input })),
});
