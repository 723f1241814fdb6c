import { listTenantStaff } from "@/server/auth/list-tenant-staff";
import { router, staffProcedure } from "../init";

export const backofficeRouter = router({
  /** The back office's first page: the municipality, the viewer's role and its staff. */
  overview: staffProcedure("OPERATOR").query(async ({ ctx }) => ({
    tenant: { slug: ctx.tenant.slug, name: ctx.tenant.name },
    role: ctx.role,
    staff: await listTenantStaff({ tenantId: ctx.tenant.id }),
  })),
});
