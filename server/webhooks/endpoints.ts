import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "@/server/audit/record";
import type { TEffectiveRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import type { Prisma, WebhookDeliveryStatus } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { decryptSecret, encryptSecret } from "@/server/secrets";
import { ZWebhookEndpointValues, type TWebhookEndpointValuesInput } from "./schemas";
import { webhookUrlProblem } from "./url-guard";

// A municipality's webhook endpoints (model WebhookEndpoint), managed by its administrators:
// create, edit, enable/disable, delete, rotate the signing secret. The secret ("whsec_" + 32
// random bytes, base64url) is returned once, by create and rotate; it is stored encrypted
// (server/secrets.ts, bound to the endpoint's id) because signing needs it back. Every change is
// an audit line; the secret never is. Another municipality's endpoint is NOT_FOUND.

export const WEBHOOK_SECRET_PREFIX = "whsec_";

export type TWebhookActor = { id: string; role: TEffectiveRole };
export type TWebhookAdminInput = { tenantId: string; actor: TWebhookActor; ip: string | null };

export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString("base64url");
}

const secretContext = (endpointId: string) => `webhookEndpoint:${endpointId}:secret`;

export function encryptEndpointSecret(endpointId: string, secret: string): string {
  return encryptSecret(secret, { context: secretContext(endpointId) });
}

/** The endpoint's signing secret in clear (to sign a delivery). */
export function decryptEndpointSecret(endpoint: { id: string; secret: string }): string {
  return decryptSecret(endpoint.secret, { context: secretContext(endpoint.id) });
}

const notFound = () => new AppError("NOT_FOUND", "webhooks.errors.endpointNotFound");

const ENDPOINT_SELECT = {
  id: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.WebhookEndpointSelect;

export type TWebhookEndpointView = Prisma.WebhookEndpointGetPayload<{ select: typeof ENDPOINT_SELECT }> & {
  lastDelivery: { status: WebhookDeliveryStatus; createdAt: Date } | null;
};

/** The form's values, checked: BAD_REQUEST with fields (url, events, description) otherwise. */
function checkedValues(raw: TWebhookEndpointValuesInput) {
  const parsed = ZWebhookEndpointValues.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      fields[key] ??= issue.message.startsWith("webhooks.") ? issue.message : "webhooks.errors.invalid";
    }
    throw new AppError("BAD_REQUEST", "webhooks.errors.invalid", { fields });
  }
  const problem = webhookUrlProblem(parsed.data.url);
  if (problem) throw new AppError("BAD_REQUEST", `webhooks.errors.url.${problem}`, { fields: { url: `webhooks.errors.url.${problem}` } });
  return { ...parsed.data, events: [...new Set(parsed.data.events)] };
}

async function audit(
  input: TWebhookAdminInput,
  action: string,
  details: Prisma.InputJsonObject,
  tx?: Prisma.TransactionClient,
): Promise<void> {
  await recordAuditEvent({
    tenantId: input.tenantId,
    actorKind: "STAFF",
    actorId: input.actor.id,
    actorRole: input.actor.role,
    action,
    ip: input.ip,
    details,
    tx,
  });
}

/** The endpoint of this municipality, or NOT_FOUND. */
export async function findEndpoint(client: Prisma.TransactionClient, tenantId: string, endpointId: string) {
  const endpoint = await client.webhookEndpoint.findFirst({ where: { id: endpointId, tenantId } });
  if (!endpoint) throw notFound();
  return endpoint;
}

async function withLastDelivery(
  client: Prisma.TransactionClient,
  tenantId: string,
  endpoints: Prisma.WebhookEndpointGetPayload<{ select: typeof ENDPOINT_SELECT }>[],
): Promise<TWebhookEndpointView[]> {
  return Promise.all(
    endpoints.map(async (e) => ({
      ...e,
      lastDelivery: await client.webhookDelivery.findFirst({
        where: { tenantId, endpointId: e.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { status: true, createdAt: true },
      }),
    })),
  );
}

export async function listWebhookEndpoints({ tenantId }: { tenantId: string }): Promise<TWebhookEndpointView[]> {
  const prisma = await db();
  const endpoints = await prisma.webhookEndpoint.findMany({ where: { tenantId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: ENDPOINT_SELECT });
  return withLastDelivery(prisma, tenantId, endpoints);
}

export async function getWebhookEndpoint({ tenantId, endpointId }: { tenantId: string; endpointId: string }): Promise<TWebhookEndpointView> {
  const prisma = await db();
  const endpoint = await prisma.webhookEndpoint.findFirst({ where: { id: endpointId, tenantId }, select: ENDPOINT_SELECT });
  if (!endpoint) throw notFound();
  return (await withLastDelivery(prisma, tenantId, [endpoint]))[0]!;
}

/** A new endpoint, enabled, with its secret: the only time the secret is returned. */
export async function createWebhookEndpoint(
  input: TWebhookAdminInput & { values: TWebhookEndpointValuesInput },
): Promise<{ endpoint: TWebhookEndpointView; secret: string }> {
  const values = checkedValues(input.values);
  const secret = generateWebhookSecret();
  const prisma = await db();
  const endpoint = await prisma.$transaction(async (tx) => {
    // The id is known only once the row exists, and the ciphertext is bound to it.
    const created = await tx.webhookEndpoint.create({
      data: { tenantId: input.tenantId, ...values, secret: "", createdById: input.actor.id },
      select: { id: true },
    });
    const row = await tx.webhookEndpoint.update({
      where: { id: created.id },
      data: { secret: encryptEndpointSecret(created.id, secret) },
      select: ENDPOINT_SELECT,
    });
    await audit(input, "webhook.create", { endpointId: row.id, url: row.url, events: row.events, description: row.description }, tx);
    return row;
  });
  return { endpoint: { ...endpoint, lastDelivery: null }, secret };
}

/** Changes URL, description and events; audits what changed with the previous values. */
export async function updateWebhookEndpoint(
  input: TWebhookAdminInput & { endpointId: string; values: TWebhookEndpointValuesInput },
): Promise<{ endpoint: TWebhookEndpointView; changed: string[] }> {
  const values = checkedValues(input.values);
  const prisma = await db();
  const changed = await prisma.$transaction(async (tx) => {
    const before = await findEndpoint(tx, input.tenantId, input.endpointId);
    const changed: string[] = [];
    const previous: Record<string, Prisma.InputJsonValue | null> = {};
    const note = (field: string, value: Prisma.InputJsonValue | null) => {
      changed.push(field);
      previous[field] = value;
    };
    if (before.url !== values.url) note("url", before.url);
    if ((before.description ?? null) !== values.description) note("description", before.description);
    if ([...before.events].sort().join() !== [...values.events].sort().join()) note("events", before.events);
    if (changed.length === 0) return changed;
    await tx.webhookEndpoint.update({ where: { id: before.id }, data: values });
    await audit(input, "webhook.update", { endpointId: before.id, changed, previous, url: values.url, events: values.events }, tx);
    return changed;
  });
  return { endpoint: await getWebhookEndpoint({ tenantId: input.tenantId, endpointId: input.endpointId }), changed };
}

/** Disabled: nothing more is sent to it (pending retries stop quietly); enabled again: new events go. */
export async function setWebhookEndpointEnabled(input: TWebhookAdminInput & { endpointId: string; enabled: boolean }): Promise<TWebhookEndpointView> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const before = await findEndpoint(tx, input.tenantId, input.endpointId);
    if (before.enabled === input.enabled) return;
    await tx.webhookEndpoint.update({ where: { id: before.id }, data: { enabled: input.enabled } });
    await audit(input, input.enabled ? "webhook.enable" : "webhook.disable", { endpointId: before.id, url: before.url }, tx);
  });
  return getWebhookEndpoint({ tenantId: input.tenantId, endpointId: input.endpointId });
}

/** Deletes the endpoint with its delivery log (pending deliveries stop quietly). */
export async function deleteWebhookEndpoint(input: TWebhookAdminInput & { endpointId: string }): Promise<{ deleted: true }> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const before = await findEndpoint(tx, input.tenantId, input.endpointId);
    await tx.webhookEndpoint.delete({ where: { id: before.id } });
    await audit(input, "webhook.delete", { endpointId: before.id, url: before.url, events: before.events }, tx);
  });
  return { deleted: true };
}

/** A new secret replaces the old one at once (deliveries from now on are signed with it). */
export async function rotateWebhookSecret(input: TWebhookAdminInput & { endpointId: string }): Promise<{ secret: string }> {
  const secret = generateWebhookSecret();
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const before = await findEndpoint(tx, input.tenantId, input.endpointId);
    await tx.webhookEndpoint.update({ where: { id: before.id }, data: { secret: encryptEndpointSecret(before.id, secret) } });
    await audit(input, "webhook.rotateSecret", { endpointId: before.id, url: before.url }, tx);
  });
  return { secret };
}
