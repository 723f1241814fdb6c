import type { Application } from "@/server/db/generated/client";
import type { TEffectiveRole } from "@/server/auth/roles";
import { decide, listAssignees, reassign, release, takeInCharge } from "@/server/backoffice/work";
import { ZDecideInput, ZReassignInput, ZWorkTarget } from "@/server/backoffice/work-values";
import { router, staffProcedure } from "../init";

// The operator's work actions on one application (server/backoffice/work.ts): take in charge,
// hand over, give back, decide. Staff of this municipality only (others get NOT_FOUND); the
// rules on who holds the application and which role may decide are the service's.

type TWorkCtx = { tenant: { id: string }; staff: { id: string }; role: TEffectiveRole; ip: string | null };

const who = (ctx: TWorkCtx) => ({ tenantId: ctx.tenant.id, staff: { id: ctx.staff.id, role: ctx.role }, ip: ctx.ip });

/** What the page needs to know after an action (it refreshes for the rest). */
const outcome = (a: Application) => ({ status: a.status, version: a.version, assignedStaffId: a.assignedStaffId });

export const workRouter = router({
  takeInCharge: staffProcedure("OPERATOR")
    .input(ZWorkTarget)
    .mutation(async ({ ctx, input }) => outcome(await takeInCharge({ ...who(ctx), ...input }))),

  reassign: staffProcedure("OPERATOR")
    .input(ZReassignInput)
    .mutation(async ({ ctx, input }) => outcome(await reassign({ ...who(ctx), ...input }))),

  release: staffProcedure("OPERATOR")
    .input(ZWorkTarget)
    .mutation(async ({ ctx, input }) => outcome(await release({ ...who(ctx), ...input }))),

  decide: staffProcedure("OPERATOR")
    .input(ZDecideInput)
    .mutation(async ({ ctx, input }) => outcome(await decide({ ...who(ctx), ...input }))),

  /** The municipality's active staff, for the "hand over to" select. */
  assignees: staffProcedure("OPERATOR").query(({ ctx }) => listAssignees({ tenantId: ctx.tenant.id })),
});
