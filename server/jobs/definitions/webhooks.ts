import { z } from "zod";
import { defineJob, type TJobDefinition } from "../define";
import { ZStatusChangedPayload } from "./application-status-changed";
import {
  APPLICATION_SUBMITTED_EVENT,
  MESSAGE_CREATED_EVENT,
  PAYMENT_UPDATED_EVENT,
  ZApplicationSubmittedPayload,
  ZMessageCreatedPayload,
  ZPaymentUpdatedPayload,
  type TWebhookEventType,
} from "@/server/webhooks/events";

// Webhooks (server/webhooks/): one fan-out job per event type builds the event once and queues a
// delivery per subscribed endpoint (fanout.ts); "webhooks.deliver" sends one delivery, retried
// with exponential backoff (deliver.ts). The webhooks modules are loaded lazily: this file is
// imported by the registry, which every caller of triggerJob imports.

type TFanOut = typeof import("@/server/webhooks/fanout");
type TBuild = (f: TFanOut) => ReturnType<TFanOut["buildMessageCreated"]>;

async function fanOut(type: TWebhookEventType, tenantId: string, jobId: string, build: TBuild) {
  const f = await import("@/server/webhooks/fanout");
  // The job's id names this occurrence: a retry builds the same event (fanout.ts).
  return f.fanOutWebhookEvent({ tenantId, type, sourceKey: jobId, build: () => build(f) });
}

export const applicationSubmittedWebhookJob = defineJob({
  id: "webhooks.application-submitted",
  name: "Webhooks: application.submitted",
  trigger: { event: APPLICATION_SUBMITTED_EVENT },
  schema: ZApplicationSubmittedPayload,
  maxAttempts: 10,
  handler: async ({ payload, jobId, log }) => {
    const r = await fanOut("application.submitted", payload.tenantId, jobId, (f) => f.buildApplicationSubmitted(payload.tenantId, payload.applicationId));
    log.info("webhook event fanned out", { ...payload, ...r });
  },
});

export const statusChangedWebhookJob = defineJob({
  id: "webhooks.application-status-changed",
  name: "Webhooks: application.status_changed",
  trigger: { event: "application.status_changed" },
  schema: ZStatusChangedPayload,
  maxAttempts: 10,
  handler: async ({ payload, jobId, log }) => {
    const r = await fanOut("application.status_changed", payload.tenantId, jobId, (f) => f.buildStatusChanged(payload.tenantId, payload.statusChangeId));
    log.info("webhook event fanned out", { ...payload, ...r });
  },
});

export const messageCreatedWebhookJob = defineJob({
  id: "webhooks.message-created",
  name: "Webhooks: message.created",
  trigger: { event: MESSAGE_CREATED_EVENT },
  schema: ZMessageCreatedPayload,
  maxAttempts: 10,
  handler: async ({ payload, jobId, log }) => {
    const r = await fanOut("message.created", payload.tenantId, jobId, (f) => f.buildMessageCreated(payload.tenantId, payload.messageId));
    log.info("webhook event fanned out", { ...payload, ...r });
  },
});

/** Nothing triggers payment.updated yet: the payments module will (ZPaymentUpdatedPayload). */
export const paymentUpdatedWebhookJob = defineJob({
  id: "webhooks.payment-updated",
  name: "Webhooks: payment.updated",
  trigger: { event: PAYMENT_UPDATED_EVENT },
  schema: ZPaymentUpdatedPayload,
  maxAttempts: 10,
  handler: async ({ payload, jobId, log }) => {
    const r = await fanOut("payment.updated", payload.tenantId, jobId, (f) => f.buildPaymentUpdated(payload));
    log.info("webhook event fanned out", { ...payload, ...r });
  },
});

export const WEBHOOK_DELIVERY_MAX_ATTEMPTS = 8;
export const WEBHOOK_RETRY_BASE_MS = 30_000;

export const ZWebhookDeliverPayload = z.object({
  tenantId: z.string().min(1),
  deliveryId: z.string().min(1),
  /** "manual": an administrator's redelivery (its own series of attempts). */
  trigger: z.enum(["auto", "manual"]).default("auto"),
  requestedAt: z.iso.datetime().optional(),
});

/** One delivery: an HTTP attempt per run; a failure throws, and the job retries ~30 s, 1 min, 2 min… (8 attempts, about an hour). */
export const webhookDeliverJob = defineJob({
  id: "webhooks.deliver",
  name: "Webhooks: deliver",
  trigger: { event: "webhooks.deliver" },
  schema: ZWebhookDeliverPayload,
  maxAttempts: WEBHOOK_DELIVERY_MAX_ATTEMPTS,
  retryBaseMs: WEBHOOK_RETRY_BASE_MS,
  concurrency: 8,
  handler: async ({ payload, attempt, log }) => {
    const { deliverWebhook } = await import("@/server/webhooks/deliver");
    const outcome = await deliverWebhook({
      tenantId: payload.tenantId,
      deliveryId: payload.deliveryId,
      trigger: payload.trigger,
      seriesAttempt: attempt,
      maxAttempts: WEBHOOK_DELIVERY_MAX_ATTEMPTS,
      requestedAt: payload.requestedAt ? new Date(payload.requestedAt) : undefined,
    });
    if (outcome === "failedFinal") log.warn("webhook delivery failed for good", payload);
    else log.info(`webhook delivery ${outcome}`, payload);
  },
});

/** The registry's entries (server/jobs/registry.ts). */
export const webhookJobs: readonly TJobDefinition[] = [
  applicationSubmittedWebhookJob,
  statusChangedWebhookJob,
  messageCreatedWebhookJob,
  paymentUpdatedWebhookJob,
  webhookDeliverJob,
];
