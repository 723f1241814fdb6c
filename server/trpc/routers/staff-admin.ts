import { z } from "zod";
import {
  disableStaffMember,
  enableStaffMember,
  getStaffMember,
  inviteStaff,
  listAssignableServices,
  listStaff,
  resendInvitation,
  updateStaffMember,
} from "@/server/staff/admin";
import { ZInviteForm, ZMemberForm } from "@/server/staff/schemas";
import type { TEffectiveRole } from "@/server/auth/roles";
import { router, staffProcedure } from "../init";

// Staff administration (server/staff/admin.ts): the municipality's administrators list, invite,
// change role and services, disable and enable its staff. Everyone else gets NOT_FOUND, and so
// does any person without a membership here.

const ZTenant = z.object({ tenantSlug: z.string().min(1).max(64).optional() });
const ZTarget = ZTenant.extend({ staffUserId: z.string().min(1).max(64) });

type TAdminCtx = { tenant: { id: string; slug: string }; staff: { id: string; name: string }; role: TEffectiveRole; ip: string | null };

const who = (ctx: TAdminCtx) => ({ tenantId: ctx.tenant.id, tenantSlug: ctx.tenant.slug, actor: { id: ctx.staff.id, name: ctx.staff.name, role: ctx.role }, ip: ctx.ip });

const admin = staffProcedure("TENANT_ADMIN");

export const staffAdminRouter = router({
  list: admin.input(ZTenant).query(({ ctx }) => listStaff({ tenantId: ctx.tenant.id })),

  get: admin.input(ZTarget).query(({ ctx, input }) => getStaffMember({ tenantId: ctx.tenant.id, staffUserId: input.staffUserId })),

  /** The municipality's services, for the "Servizi gestiti" checkboxes. */
  services: admin.input(ZTenant).query(({ ctx }) => listAssignableServices({ tenantId: ctx.tenant.id })),

  invite: admin
    .input(ZTenant.extend(ZInviteForm.shape))
    .mutation(async ({ ctx, input }) => {
      const r = await inviteStaff({ ...who(ctx), name: input.name, email: input.email, role: input.role, serviceIds: input.serviceIds });
      return { staffUserId: r.staffUserId, kind: r.kind, newAccount: r.newAccount };
    }),

  resendInvitation: admin.input(ZTarget).mutation(({ ctx, input }) => resendInvitation({ ...who(ctx), staffUserId: input.staffUserId })),

  update: admin
    .input(ZTarget.extend(ZMemberForm.shape))
    .mutation(({ ctx, input }) => updateStaffMember({ ...who(ctx), staffUserId: input.staffUserId, role: input.role, serviceIds: input.serviceIds })),

  disable: admin.input(ZTarget).mutation(({ ctx, input }) => disableStaffMember({ ...who(ctx), staffUserId: input.staffUserId })),

  enable: admin.input(ZTarget).mutation(({ ctx, input }) => enableStaffMember({ ...who(ctx), staffUserId: input.staffUserId })),
});
