import { z } from "zod";
import { INBOX_MAX_PAGE_SIZE, INBOX_SORTS, ZInboxFilters, countsByStatus, listInbox, listInboxServices } from "@/server/backoffice/inbox";
import { router, staffProcedure } from "../init";

// The operator's inbox (server/backoffice/inbox.ts): a page of applications, the counts per
// status, the services for the filter. Staff of this municipality only; others get NOT_FOUND.

const scope = (ctx: { tenant: { id: string }; staff: { id: string } }) => ({ tenantId: ctx.tenant.id, staffUserId: ctx.staff.id });

export const inboxRouter = router({
  list: staffProcedure("OPERATOR")
    .input(
      z.object({
        filters: ZInboxFilters.optional(),
        sort: z.enum(INBOX_SORTS).optional(),
        cursor: z.string().max(512).nullish(),
        limit: z.number().int().min(1).max(INBOX_MAX_PAGE_SIZE).optional(),
      }),
    )
    .query(({ ctx, input }) => listInbox({ ...scope(ctx), ...input })),

  counts: staffProcedure("OPERATOR")
    .input(z.object({ filters: ZInboxFilters.omit({ status: true }).optional() }))
    .query(({ ctx, input }) => countsByStatus({ ...scope(ctx), filters: input.filters })),

  services: staffProcedure("OPERATOR").query(({ ctx }) => listInboxServices({ tenantId: ctx.tenant.id })),
});
