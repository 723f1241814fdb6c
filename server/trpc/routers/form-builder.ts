import {
  discardFormDraft,
  getFormEditor,
  importFormDraft,
  publishFormDraft,
  saveFormDraft,
  ZDiscardInput,
  ZFormTarget,
  ZImportInput,
  ZPublishInput,
  ZSaveDraftInput,
} from "@/server/services/form-versions";
import { router, staffProcedure } from "../init";

// The form builder of a service (server/services/form-versions.ts): the municipality's
// administrators only; anyone below (service managers included) gets NOT_FOUND from the ladder.
// The JSON download is a route: app/api/[tenant]/backoffice/servizi/[id]/modulo.json.

const admin = staffProcedure("TENANT_ADMIN");

type TCtx = { tenant: { id: string }; staff: { id: string }; role: Parameters<typeof saveFormDraft>[0]["actor"]["role"] };
const scope = (ctx: TCtx, input: { serviceId: string }) => ({ tenantId: ctx.tenant.id, serviceId: input.serviceId, actor: { id: ctx.staff.id, role: ctx.role } });

export const formBuilderRouter = router({
  /** The draft (or the current form), the versions, who saved last. */
  get: admin.input(ZFormTarget).query(({ ctx, input }) => getFormEditor({ tenantId: ctx.tenant.id, serviceId: input.serviceId })),

  saveDraft: admin.input(ZSaveDraftInput).mutation(({ ctx, input }) => saveFormDraft({ ...scope(ctx, input), schema: input.schema, expectedUpdatedAt: input.expectedUpdatedAt })),

  publish: admin.input(ZPublishInput).mutation(({ ctx, input }) => publishFormDraft({ ...scope(ctx, input), schema: input.schema, expectedUpdatedAt: input.expectedUpdatedAt })),

  discardDraft: admin.input(ZDiscardInput).mutation(async ({ ctx, input }) => {
    await discardFormDraft({ tenantId: ctx.tenant.id, serviceId: input.serviceId, expectedUpdatedAt: input.expectedUpdatedAt });
    return { ok: true as const };
  }),

  import: admin.input(ZImportInput).mutation(({ ctx, input }) => importFormDraft({ ...scope(ctx, input), json: input.json, expectedUpdatedAt: input.expectedUpdatedAt })),
});
