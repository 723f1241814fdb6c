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

/** A citizen submitted an application (1900); its registration (1900 → 3000) follows as a status change. */
export const APPLICATION_SUBMITTED_EVENT = "application.submitted";
export const ZApplicationSubmittedPayload = z.object({ tenantId: z.string().min(1), applicationId: z.string().min(1) });

/** A payment position changed state. No payments module exists yet: the future one triggers this
 * job event (triggerJob(PAYMENT_UPDATED_EVENT, payload, { tx })) and the webhooks follow. */
export const PAYMENT_UPDATED_EVENT = "payment.updated";
export const PAYMENT_STATES = [
  "CREATION_PENDING",
  "CREATION_FAILED",
  "PAYMENT_PENDING",
  "PAYMENT_STARTED",
  "COMPLETE",
  "PAYMENT_FAILED",
  "CANCELED",
  "EXPIRED",
] as const;
export const ZPaymentUpdatedPayload = z.object({
  tenantId: z.string().min(1),
  paymentId: z.string().min(1),
  applicationId: z.string().min(1).optional(),
  status: z.enum(PAYMENT_STATES),
});
export type TPaymentUpdatedPayload = z.infer<typeof ZPaymentUpdatedPayload>;

/** Not a subscription: the test event an administrator sends to one endpoint ("Invia evento di prova"). */
export const WEBHOOK_PING_TYPE = "ping";

export function isWebhookEventType(value: string): value is TWebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
