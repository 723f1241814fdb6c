import { recordAuditEvent } from "@/server/audit/record";
import { db } from "@/server/db/client";
import type { Prisma, WebhookDeliveryStatus } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { triggerJob } from "@/server/jobs/client";
import { findEndpoint, type TWebhookAdminInput } from "./endpoints";
import { WEBHOOK_PING_TYPE } from "./events";
import { eventBodyText, WEBHOOK_DELIVER_EVENT, type TWebhookEventBody } from "./fanout";

// The administrators' delivery log of an endpoint (newest first, by status), one delivery with
// its event and attempts, a manual redelivery (a new series of attempts on the same delivery,
// logged as "manual"), and the test event ("ping") sent to one endpoint only.

export const DELIVERIES_PAGE_SIZE = 20;

const deliveryNotFound = () => new AppError("NOT_FOUND", "webhooks.errors.deliveryNotFound");
const endpointDisabled = () => new AppError("CONFLICT", "webhooks.errors.endpointDisabled");

const DELIVERY_LIST_SELECT = {
  id: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastError: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
  deliveredAt: true,
  createdAt: true,
  event: { select: { id: true, type: true, subjectId: true } },
} as const satisfies Prisma.WebhookDeliverySelect;

export type TDeliveryListItem = Prisma.WebhookDeliveryGetPayload<{ select: typeof DELIVERY_LIST_SELECT }>;

export async function listDeliveries(input: {
  tenantId: string;
  endpointId: string;
  status?: WebhookDeliveryStatus | null;
  cursor?: string | null;
  limit?: number;
}): Promise<{ items: TDeliveryListItem[]; nextCursor: string | null }> {
  const prisma = await db();
  await findEndpoint(prisma, input.tenantId, input.endpointId);
  const limit = Math.min(Math.max(input.limit ?? DELIVERIES_PAGE_SIZE, 1), 100);
  const where: Prisma.WebhookDeliveryWhereInput = { tenantId: input.tenantId, endpointId: input.endpointId, ...(input.status ? { status: input.status } : {}) };
  if (input.cursor) {
    const after = await prisma.webhookDelivery.findFirst({ where: { id: input.cursor, tenantId: input.tenantId, endpointId: input.endpointId }, select: { createdAt: true, id: true } });
    if (!after) throw new AppError("BAD_REQUEST", "webhooks.errors.badCursor");
    where.OR = [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }];
  }
  const rows = await prisma.webhookDelivery.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1, select: DELIVERY_LIST_SELECT });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

export async function getDelivery({ tenantId, deliveryId }: { tenantId: string; deliveryId: string }) {
  const prisma = await db();
  const delivery = await prisma.webhookDelivery.findFirst({
    where: { id: deliveryId, tenantId },
    select: {
      ...DELIVERY_LIST_SELECT,
      endpoint: { select: { id: true, url: true, enabled: true } },
      event: { select: { id: true, type: true, subjectId: true, payload: true, createdAt: true } },
      log: {
        orderBy: [{ attempt: "asc" }, { createdAt: "asc" }],
        select: { id: true, attempt: true, trigger: true, statusCode: true, error: true, responseBody: true, durationMs: true, createdAt: true },
      },
    },
  });
  if (!delivery) throw deliveryNotFound();
  const { log, ...rest } = delivery;
  // The body as sent (keys in their documented order), pretty-printed for the page.
  const pretty = JSON.stringify(JSON.parse(eventBodyText(delivery.event.payload)), null, 2);
  return { ...rest, event: { ...delivery.event, payload: delivery.event.payload as unknown as TWebhookEventBody, pretty }, attemptLog: log };
}

/** A manual series has its own job (it may run beside the automatic one); its attempts are "manual". */
async function queueManualSeries(tx: Prisma.TransactionClient, tenantId: string, deliveryId: string, requestedAt: Date): Promise<void> {
  await triggerJob(WEBHOOK_DELIVER_EVENT, { tenantId, deliveryId, trigger: "manual", requestedAt: requestedAt.toISOString() }, { tx });
}

/** "Reinvia": the same event again to the same endpoint, as a new series of attempts. */
export async function redeliver(input: TWebhookAdminInput & { deliveryId: string }): Promise<{ deliveryId: string }> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: input.deliveryId, tenantId: input.tenantId },
      select: { id: true, eventId: true, endpoint: { select: { id: true, enabled: true, url: true } } },
    });
    if (!delivery) throw deliveryNotFound();
    if (!delivery.endpoint.enabled) throw endpointDisabled();
    const now = new Date();
    await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "PENDING", nextAttemptAt: now } });
    await queueManualSeries(tx, input.tenantId, delivery.id, now);
    await recordAuditEvent({
      tenantId: input.tenantId,
      actorKind: "STAFF",
      actorId: input.actor.id,
      actorRole: input.actor.role,
      action: "webhook.redeliver",
      ip: input.ip,
      details: { endpointId: delivery.endpoint.id, deliveryId: delivery.id, eventId: delivery.eventId },
      tx,
    });
  });
  return { deliveryId: input.deliveryId };
}

/** "Invia evento di prova": a "ping" event, to this endpoint only (whatever it subscribes to). */
export async function sendTestEvent(input: TWebhookAdminInput & { endpointId: string }): Promise<{ deliveryId: string; eventId: string }> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, input.tenantId, input.endpointId);
    if (!endpoint.enabled) throw endpointDisabled();
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: input.tenantId }, select: { slug: true } });
    const now = new Date();
    const event = await tx.webhookEvent.create({ data: { tenantId: input.tenantId, type: WEBHOOK_PING_TYPE, payload: {}, createdAt: now }, select: { id: true } });
    const body: TWebhookEventBody = {
      id: event.id,
      type: WEBHOOK_PING_TYPE,
      occurredAt: now.toISOString(),
      municipality: { slug: tenant.slug },
      data: { endpoint: { id: endpoint.id, url: endpoint.url }, message: "Test event sent from Sportello's back office." },
    };
    await tx.webhookEvent.update({ where: { id: event.id }, data: { payload: body as unknown as Prisma.InputJsonObject } });
    const delivery = await tx.webhookDelivery.create({
      data: { tenantId: input.tenantId, eventId: event.id, endpointId: endpoint.id, nextAttemptAt: now, createdAt: now },
      select: { id: true },
    });
    // Its first delivery, like any event's: retried automatically if the receiver fails.
    await triggerJob(WEBHOOK_DELIVER_EVENT, { tenantId: input.tenantId, deliveryId: delivery.id }, { tx, dedupeKey: `${delivery.id}:auto` });
    await recordAuditEvent({
      tenantId: input.tenantId,
      actorKind: "STAFF",
      actorId: input.actor.id,
      actorRole: input.actor.role,
      action: "webhook.test",
      ip: input.ip,
      details: { endpointId: endpoint.id, deliveryId: delivery.id, eventId: event.id },
      tx,
    });
    return { deliveryId: delivery.id, eventId: event.id };
  });
}
