import { createHash } from "node:crypto";
import { APPLICATION_SUMMARY_SELECT, toApplicationSummary } from "@/server/api/v1/application-summary";
import { iso, type TApplicationSummary } from "@/server/api/v1/schemas";
import { db } from "@/server/db/client";
import type { ActorKind, Prisma } from "@/server/db/generated/client";
import { triggerJob } from "@/server/jobs/client";
import type { TPaymentUpdatedPayload, TWebhookEventType } from "./events";

// Fan-out: one thing happened (a job event), so build ONE WebhookEvent — the JSON body every
// endpoint and every retry receives, with the same id — then one WebhookDelivery per enabled
// endpoint of the municipality subscribed to its type, each sent by the "webhooks.deliver" job.
//
// Body: { id, type, occurredAt, municipality: { slug }, data }. data.application is the
// application as GET /api/v1/applications/{id} summarises it (ApplicationSummary), as it is when
// the event is built; data.statusChange / data.message / data.payment say what happened.
// Message bodies are not in events: receivers fetch them through the API.
//
// A retried fan-out job (it crashed half-way) makes the same event: its id is derived from the
// job's own id, and (eventId, endpointId) is unique, so nothing is created or sent twice.

export const WEBHOOK_DELIVER_EVENT = "webhooks.deliver";

export type TWebhookEventBody = {
  id: string;
  type: string;
  occurredAt: string;
  municipality: { slug: string };
  data: Record<string, unknown>;
};

/** As the API writes it (ApplicationStatusChange.actorKind): CITIZEN, STAFF, SYSTEM, API. */
const actorKind = (kind: ActorKind): ActorKind => kind;

/** A UUID-shaped id derived from `key` (version nibble 8: "custom"), stable across retries. */
export function derivedEventId(key: string): string {
  const h = createHash("sha256").update(`sportello/webhook-event/${key}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The body with its keys in the documented order (the stored JSON may come back reordered). */
export function eventBodyText(payload: Prisma.JsonValue): string {
  const p = payload as TWebhookEventBody;
  return JSON.stringify({ id: p.id, type: p.type, occurredAt: p.occurredAt, municipality: p.municipality, data: p.data });
}

async function applicationSummary(client: Prisma.TransactionClient, tenantId: string, applicationId: string): Promise<TApplicationSummary | null> {
  const row = await client.application.findFirst({ where: { id: applicationId, tenantId }, select: APPLICATION_SUMMARY_SELECT });
  return row ? toApplicationSummary(row) : null;
}

type TBuilt = { occurredAt: Date; subjectId: string | null; data: Record<string, unknown> };

// ---------------------------------------------------------------------------------------------
// What each event says. null: nothing to tell (the row is gone, or is not for receivers).

export async function buildApplicationSubmitted(tenantId: string, applicationId: string): Promise<TBuilt | null> {
  const prisma = await db();
  const row = await prisma.application.findFirst({ where: { id: applicationId, tenantId }, select: APPLICATION_SUMMARY_SELECT });
  if (!row || !row.submittedAt) return null;
  return { occurredAt: row.submittedAt, subjectId: row.id, data: { application: toApplicationSummary(row) } };
}

export async function buildStatusChanged(tenantId: string, statusChangeId: string): Promise<TBuilt | null> {
  const prisma = await db();
  const change = await prisma.applicationStatusChange.findFirst({ where: { id: statusChangeId, tenantId } });
  if (!change) return null;
  const application = await applicationSummary(prisma, tenantId, change.applicationId);
  if (!application) return null;
  return {
    occurredAt: change.createdAt,
    subjectId: change.applicationId,
    data: {
      application,
      statusChange: { from: change.fromStatus, to: change.toStatus, reason: change.reason, at: iso(change.createdAt), actorKind: actorKind(change.actorKind) },
    },
  };
}

export async function buildMessageCreated(tenantId: string, messageId: string): Promise<TBuilt | null> {
  const prisma = await db();
  const message = await prisma.message.findFirst({
    where: { id: messageId, tenantId },
    select: { id: true, applicationId: true, subject: true, authorKind: true, source: true, sourceLabel: true, internal: true, createdAt: true },
  });
  // Internal notes never leave the office.
  if (!message || message.internal) return null;
  const application = message.applicationId ? await applicationSummary(prisma, tenantId, message.applicationId) : null;
  return {
    occurredAt: message.createdAt,
    subjectId: message.applicationId ?? message.id,
    data: {
      application,
      message: {
        id: message.id,
        applicationId: message.applicationId,
        subject: message.subject,
        authorKind: actorKind(message.authorKind),
        source: message.source,
        sourceLabel: message.sourceLabel,
        createdAt: iso(message.createdAt),
      },
    },
  };
}

export async function buildPaymentUpdated(payload: TPaymentUpdatedPayload, now: Date = new Date()): Promise<TBuilt | null> {
  const prisma = await db();
  const application = payload.applicationId ? await applicationSummary(prisma, payload.tenantId, payload.applicationId) : null;
  return {
    occurredAt: now,
    subjectId: payload.applicationId ?? payload.paymentId,
    data: { application, payment: { id: payload.paymentId, applicationId: payload.applicationId ?? null, status: payload.status } },
  };
}

// ---------------------------------------------------------------------------------------------

export type TFanOutResult = { eventId: string | null; deliveries: number };

/**
 * Builds the event (once: `sourceKey` names the occurrence, e.g. the fan-out job's id) and queues
 * one delivery per enabled endpoint of the municipality subscribed to `type`. No subscriber: no
 * event is stored at all.
 */
export async function fanOutWebhookEvent(input: {
  tenantId: string;
  type: TWebhookEventType;
  sourceKey: string;
  build: () => Promise<TBuilt | null>;
}): Promise<TFanOutResult> {
  const prisma = await db();
  const endpoints = await prisma.webhookEndpoint.findMany({
    where: { tenantId: input.tenantId, enabled: true, events: { has: input.type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return { eventId: null, deliveries: 0 };

  const eventId = derivedEventId(`${input.tenantId}/${input.type}/${input.sourceKey}`);
  const existing = await prisma.webhookEvent.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!existing) {
    const built = await input.build();
    if (!built) return { eventId: null, deliveries: 0 };
    const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: input.tenantId }, select: { slug: true } });
    const body: TWebhookEventBody = {
      id: eventId,
      type: input.type,
      occurredAt: built.occurredAt.toISOString(),
      municipality: { slug: tenant.slug },
      data: built.data,
    };
    await prisma.webhookEvent.createMany({
      data: [{ id: eventId, tenantId: input.tenantId, type: input.type, subjectId: built.subjectId, payload: body as unknown as Prisma.InputJsonObject }],
      skipDuplicates: true,
    });
  }
  return queueDeliveries(input.tenantId, eventId, endpoints.map((e) => e.id));
}

/** One delivery per endpoint (existing ones kept), each with its delivery job (queued once). */
export async function queueDeliveries(tenantId: string, eventId: string, endpointIds: string[]): Promise<TFanOutResult> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await tx.webhookDelivery.createMany({
      data: endpointIds.map((endpointId) => ({ tenantId, eventId, endpointId, nextAttemptAt: new Date() })),
      skipDuplicates: true,
    });
    const deliveries = await tx.webhookDelivery.findMany({ where: { tenantId, eventId, endpointId: { in: endpointIds } }, select: { id: true } });
    for (const d of deliveries) {
      await triggerJob(WEBHOOK_DELIVER_EVENT, { tenantId, deliveryId: d.id }, { tx, dedupeKey: `${d.id}:auto` });
    }
    return { eventId, deliveries: deliveries.length };
  });
}
