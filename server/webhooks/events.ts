import { z } from "zod";

// The events a municipality's systems can subscribe to with a webhook. Each is a job event too:
// whoever makes one happen calls triggerJob(<event>, payload, { tx }) in the transaction that
// makes it happen; the webhooks' fan-out job (server/jobs/definitions/webhooks.ts) builds the
// event once and delivers it to every endpoint subscribed to it.

export const WEBHOOK_EVENT_TYPES = ["application.submitted", "application.status_changed", "message.created", "payment.updated"] as const;
export type TWebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A message posted in a citizen's area or an application's conversation (not internal notes). */
export const MESSAGE_CREATED_EVENT = "message.created";
export const ZMessageCreatedPayload = z.object({ tenantId: z.string().min(1), messageId: z.string().min(1) });
export type TMessageCreatedPayload = z.infer<typeof ZMessageCreatedPayload>;
