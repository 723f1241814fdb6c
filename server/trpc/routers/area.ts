import { z } from "zod";
import { ZConfirmContactVerificationInput, ZStartContactVerificationInput } from "@/server/area/contact-values";
import { confirmContactVerification, startContactVerification } from "@/server/area/contact-verification";
import { countUnreadMessages, markMessageRead } from "@/server/area/messages";
import { LOCALES } from "@/server/i18n/config";
import { citizenProcedure, router } from "../init";

// The personal area's client-side parts: unread count, marking a message read, confirming new
// contact details. Pages read everything else through server/area directly.

const ref = (ctx: { tenant: { id: string }; citizen: { id: string } }) => ({ tenantId: ctx.tenant.id, citizenId: ctx.citizen.id });

export const areaRouter = router({
  unreadCount: citizenProcedure.query(({ ctx }) => countUnreadMessages(ref(ctx))),

  markMessageRead: citizenProcedure
    .input(z.object({ messageId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => markMessageRead({ ...ref(ctx), messageId: input.messageId })),

  /** Sends a 6-digit code to a new email address or phone number. */
  startContactVerification: citizenProcedure
    .input(ZStartContactVerificationInput.extend({ locale: z.enum(LOCALES).optional() }))
    .mutation(({ ctx, input }) => startContactVerification({ ...ref(ctx), channel: input.channel, value: input.value, locale: input.locale })),

  /** The code typed back: the new value becomes the citizen's, verified. */
  confirmContactVerification: citizenProcedure
    .input(ZConfirmContactVerificationInput)
    .mutation(({ ctx, input }) => confirmContactVerification({ citizenId: ctx.citizen.id, channel: input.channel, code: input.code })),
});
