import type { TEffectiveRole } from "@/server/auth/roles";
import {
  changeServiceStatus,
  createService,
  deleteDraftService,
  duplicateService,
  getServiceForStaff,
  listActiveStaff,
  listServiceCategories,
  listServicesForStaff,
  serviceHistoryForStaff,
  setServiceDates,
  setServiceOperators,
  updateService,
} from "@/server/services/admin";
import {
  ZChangeStatusInput,
  ZCreateServiceInput,
  ZDuplicateServiceInput,
  ZHistoryInput,
  ZListServicesInput,
  ZServiceRef,
  ZServiceTarget,
  ZSetDatesInput,
  ZSetOperatorsInput,
  ZUpdateServiceInput,
} from "@/server/services/admin-values";
import type { Service } from "@/server/db/generated/client";
import { serviceListPermissions } from "@/server/services/permissions";
import { router, staffProcedure } from "../init";

// The back office's configuration of services (server/services/admin.ts). Service managers and
// up (operators: NOT_FOUND); what a manager may do on each service, and what only
// administrators may, is checked by the service functions (permissions.ts): FORBIDDEN with the
// reason. Every mutation takes the Service.version the page showed and answers the new one.

type TCtx = { tenant: { id: string }; staff: { id: string }; role: TEffectiveRole; ip: string | null };

const who = (ctx: TCtx) => ({ tenantId: ctx.tenant.id, staff: { id: ctx.staff.id, role: ctx.role } });

/** What the page needs after a change (it refreshes for the rest). */
const outcome = (s: Service) => ({ id: s.id, slug: s.slug, status: s.status, version: s.version });

const manager = () => staffProcedure("SERVICE_MANAGER");

export const serviceAdminRouter = router({
  list: manager()
    .input(ZListServicesInput)
    .query(async ({ ctx, input }) => ({
      services: await listServicesForStaff({ ...who(ctx), status: input?.status }),
      permissions: serviceListPermissions({ role: ctx.role }),
    })),

  get: manager()
    .input(ZServiceRef)
    .query(({ ctx, input }) => getServiceForStaff({ ...who(ctx), serviceId: input.serviceId })),

  categories: manager().query(({ ctx }) => listServiceCategories({ tenantId: ctx.tenant.id })),

  /** Candidates for "who handles this service" (administrators only set it). */
  staff: staffProcedure("TENANT_ADMIN").query(({ ctx }) => listActiveStaff({ tenantId: ctx.tenant.id })),

  history: manager()
    .input(ZHistoryInput)
    .query(({ ctx, input }) => serviceHistoryForStaff({ ...who(ctx), serviceId: input.serviceId, before: input.before })),

  create: manager()
    .input(ZCreateServiceInput)
    .mutation(async ({ ctx, input }) => outcome(await createService({ ...who(ctx), values: input }))),

  update: manager()
    .input(ZUpdateServiceInput)
    .mutation(async ({ ctx, input }) => outcome(await updateService({ ...who(ctx), ...input }))),

  setDates: manager()
    .input(ZSetDatesInput)
    .mutation(async ({ ctx, input }) => outcome(await setServiceDates({ ...who(ctx), ...input }))),

  changeStatus: manager()
    .input(ZChangeStatusInput)
    .mutation(async ({ ctx, input }) => outcome(await changeServiceStatus({ ...who(ctx), ...input }))),

  setOperators: manager()
    .input(ZSetOperatorsInput)
    .mutation(async ({ ctx, input }) => outcome(await setServiceOperators({ ...who(ctx), ...input }))),

  duplicate: manager()
    .input(ZDuplicateServiceInput)
    .mutation(async ({ ctx, input }) => outcome(await duplicateService({ ...who(ctx), ...input }))),

  delete: manager()
    .input(ZServiceTarget)
    .mutation(async ({ ctx, input }) => {
      await deleteDraftService({ ...who(ctx), ...input, ip: ctx.ip });
      return { deleted: true };
    }),
});
