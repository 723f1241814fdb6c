import { postStaffMessage } from "@/server/conversation/staff-messages";
import { replyToApplication } from "@/server/conversation/replies";
import { requestIntegration, resumeIntegration, submitIntegration } from "@/server/conversation/integration";
import { ZPostStaffMessageInput, ZReplyInput, ZRequestIntegrationInput, ZResumeIntegrationInput, ZSubmitIntegrationInput } from "@/server/conversation/schemas";
import { citizenProcedure, router, staffProcedure } from "../init";

// Messages, internal notes and integration requests between the office and the citizen
// (server/conversation/). Staff of the municipality write on any of its submitted applications;
// a citizen only on their own. The services re-check everything; these only say who is asking.

const staffRef = (ctx: { tenant: { id: string }; staff: { id: string }; role: Parameters<typeof postStaffMessage>[0]["staff"]["role"]; ip: string | null }) => ({
  tenantId: ctx.tenant.id,
  staff: { id: ctx.staff.id, role: ctx.role },
  ip: ctx.ip,
});

/** What the client needs back from a transition: the new status and version. */
const transitionResult = ({ application }: { application: { status: number; version: number } }) => ({ status: application.status, version: application.version });

export const conversationRouter = router({
  /** A message to the citizen or an internal note (kind). */
  post: staffProcedure("OPERATOR")
    .input(ZPostStaffMessageInput)
    .mutation(({ ctx, input }) => postStaffMessage({ ...staffRef(ctx), ...input })),

  requestIntegration: staffProcedure("OPERATOR")
    .input(ZRequestIntegrationInput)
    .mutation(async ({ ctx, input }) => transitionResult(await requestIntegration({ ...staffRef(ctx), ...input }))),

  resumeIntegration: staffProcedure("OPERATOR")
    .input(ZResumeIntegrationInput)
    .mutation(async ({ ctx, input }) => transitionResult(await resumeIntegration({ ...staffRef(ctx), ...input }))),

  /** The citizen writes to the office. */
  reply: citizenProcedure.input(ZReplyInput).mutation(async ({ ctx, input }) => {
    const { id } = await replyToApplication({ tenantId: ctx.tenant.id, citizenId: ctx.citizen.id, ...input });
    return { id };
  }),

  /** The citizen answers the open integration request. */
  submitIntegration: citizenProcedure
    .input(ZSubmitIntegrationInput)
    .mutation(async ({ ctx, input }) => transitionResult(await submitIntegration({ tenantId: ctx.tenant.id, citizenId: ctx.citizen.id, ...input }))),
});
