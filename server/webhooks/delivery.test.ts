import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { assignProtocolNumber } from "@/server/applications/protocol";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { createApplicationInStatus, createTestService } from "@/server/applications/testing";
import { takeInCharge } from "@/server/backoffice/work";
import { replyToApplication } from "@/server/conversation/replies";
import { createConversationScenario } from "@/server/conversation/testing";
import { db } from "@/server/db/client";
import { triggerJob } from "@/server/jobs/client";
import { createStaff, createTenant } from "@/server/test/factories";
import { redeliver, sendTestEvent } from "./deliveries";
import { createWebhookEndpoint, setWebhookEndpointEnabled, type TWebhookAdminInput } from "./endpoints";
import { PAYMENT_UPDATED_EVENT, WEBHOOK_EVENT_TYPES, type TWebhookEventType } from "./events";
import { deliveryJob, runTenantWebhookJobs, startReceiver, type TReceiver } from "./testing";

// Webhooks end to end, against a real HTTP receiver on this machine (so private addresses are
// allowed for this file): an operator's or citizen's action makes an event, the event is signed
// and delivered to the subscribed endpoints of that municipality only, retried with growing
// delays until the receiver accepts it, and every attempt is in the log.

vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
});

const receivers: TReceiver[] = [];
async function receiver(statuses?: number[]) {
  const r = await startReceiver(statuses);
  receivers.push(r);
  return r;
}
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});
afterEach(() => {
  vi.useRealTimers();
});

async function adminOf(tenantId: string): Promise<TWebhookAdminInput> {
  const admin = (await createStaff({ tenantId, role: "TENANT_ADMIN" })).user;
  return { tenantId, actor: { id: admin.id, role: "TENANT_ADMIN" }, ip: "203.0.113.9" };
}

async function endpointFor(admin: TWebhookAdminInput, r: TReceiver, events: readonly TWebhookEventType[] = WEBHOOK_EVENT_TYPES, path = "/hook") {
  const { endpoint, secret } = await createWebhookEndpoint({ ...admin, values: { url: r.url(path), events: [...events] } });
  r.secret = secret;
  return endpoint;
}

const parse = (body: string) => JSON.parse(body) as { id: string; type: string; occurredAt: string; municipality: { slug: string }; data: { application: { protocolNumber: string | null } } & Record<string, unknown> };

describe("webhook delivery", () => {
  let scenario: Awaited<ReturnType<typeof createConversationScenario>>;
  let admin: TWebhookAdminInput;

  beforeAll(async () => {
    scenario = await createConversationScenario({ status: S.REGISTERED });
    await (await db()).application.update({ where: { id: scenario.application.id }, data: { assignedStaffId: null, takenInChargeAt: null } });
    admin = await adminOf(scenario.tenant.id);
  });

  it("delivers an operator's transition, retrying with growing delays until the receiver accepts it", async () => {
    const prisma = await db();
    const r = await receiver([500, 500, 200]);
    const endpoint = await endpointFor(admin, r, ["application.status_changed"]);
    const { tenant, application, staff } = scenario;

    // Real action: the operator takes the registered application in charge (3000 → 4000).
    await takeInCharge({ tenantId: tenant.id, applicationId: application.id, staff, ip: null, expectedVersion: application.version });

    const start = new Date();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    await runTenantWebhookJobs(tenant.id);
    expect(r.requests).toHaveLength(1);
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });

    // Not due yet: nothing happens; at the retry time, the next attempt.
    const delays: number[] = [];
    for (const expected of [2, 3]) {
      const job = await deliveryJob(delivery.id);
      delays.push(job.runAt.getTime() - Date.now());
      vi.setSystemTime(new Date(job.runAt.getTime() - 1000));
      await runTenantWebhookJobs(tenant.id);
      expect(r.requests).toHaveLength(expected - 1);
      vi.setSystemTime(new Date(job.runAt.getTime() + 1000));
      await runTenantWebhookJobs(tenant.id);
      expect(r.requests).toHaveLength(expected);
    }
    // Backoff: about 30 s, then about a minute (each randomised over the upper half).
    expect(delays[0]).toBeGreaterThanOrEqual(15_000);
    expect(delays[0]).toBeLessThanOrEqual(30_000);
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    expect(delays[1]).toBeLessThanOrEqual(60_000);

    // Every request verifies with the secret shown once, and carries the same event.
    expect(r.requests.map((q) => q.verified.ok)).toEqual([true, true, true]);
    expect(new Set(r.requests.map((q) => q.body)).size).toBe(1);
    expect(new Set(r.requests.map((q) => q.headers["webhook-id"])).size).toBe(1);
    expect(r.requests[0]!.headers).toMatchObject({ "content-type": "application/json", "user-agent": "Sportello-Webhooks/1" });
    const event = parse(r.requests[0]!.body);
    expect(event).toMatchObject({
      id: r.requests[0]!.headers["webhook-id"],
      type: "application.status_changed",
      municipality: { slug: tenant.slug },
      data: {
        application: { id: application.id, status: S.TAKEN_IN_CHARGE, statusName: "TAKEN_IN_CHARGE", protocolNumber: application.protocolNumber },
        statusChange: { from: S.REGISTERED, to: S.TAKEN_IN_CHARGE, actorKind: "STAFF", reason: null },
      },
    });
    expect(Object.keys(event)).toEqual(["id", "type", "occurredAt", "municipality", "data"]);

    const done = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id }, include: { log: { orderBy: { attempt: "asc" } } } });
    expect(done).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    expect(done.log.map((a) => [a.attempt, a.trigger, a.statusCode, a.responseBody])).toEqual([
      [1, "auto", 500, "failure 1"],
      [2, "auto", 500, "failure 2"],
      [3, "auto", 200, "ok"],
    ]);
    const gaps = [1, 2].map((i) => done.log[i]!.createdAt.getTime() - done.log[i - 1]!.createdAt.getTime());
    expect(gaps[1]).toBeGreaterThan(gaps[0]!);
    expect((await deliveryJob(delivery.id)).status).toBe("COMPLETED");
    vi.useRealTimers();

    // "Reinvia": the same event again, as a manual attempt on the same delivery.
    await redeliver({ ...admin, deliveryId: delivery.id });
    await runTenantWebhookJobs(tenant.id);
    expect(r.requests).toHaveLength(4);
    expect(r.requests[3]!.body).toBe(r.requests[0]!.body);
    expect(r.requests[3]!.verified.ok).toBe(true);
    const again = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id }, include: { log: { orderBy: { attempt: "asc" } } } });
    expect(again).toMatchObject({ status: "SUCCEEDED", attempts: 4 });
    expect(again.log.at(-1)).toMatchObject({ attempt: 4, trigger: "manual", statusCode: 200 });
    expect(await prisma.auditEvent.count({ where: { tenantId: tenant.id, action: "webhook.redeliver" } })).toBe(1);
  });

  it("delivers a citizen's reply as message.created, without the message body", async () => {
    const { tenant, application, citizen } = await createConversationScenario();
    const a = await adminOf(tenant.id);
    const r = await receiver();
    await endpointFor(a, r, ["message.created"]);
    const reply = await replyToApplication({ tenantId: tenant.id, citizenId: citizen.id, applicationId: application.id, body: "Testo riservato della risposta" });
    await runTenantWebhookJobs(tenant.id);
    expect(r.requests).toHaveLength(1);
    expect(r.requests[0]!.verified.ok).toBe(true);
    expect(r.requests[0]!.body).not.toContain("Testo riservato");
    expect(parse(r.requests[0]!.body)).toMatchObject({
      type: "message.created",
      data: { application: { id: application.id }, message: { id: reply.id, applicationId: application.id, authorKind: "CITIZEN", source: "citizen", sourceLabel: null } },
    });
  });

  it("sends only subscribed types, nothing to disabled endpoints, and never to another municipality's", async () => {
    const prisma = await db();
    const tenant = await createTenant();
    const a = await adminOf(tenant.id);
    const service = await createTestService({ tenantId: tenant.id });
    const messagesOnly = await receiver();
    const disabled = await receiver();
    const everything = await receiver();
    const elsewhere = await receiver();
    await endpointFor(a, messagesOnly, ["message.created"]);
    const off = await endpointFor(a, disabled);
    await setWebhookEndpointEnabled({ ...a, endpointId: off.id, enabled: false });
    await endpointFor(a, everything);
    const other = await createTenant();
    await endpointFor(await adminOf(other.id), elsewhere);

    // The registration of a submitted application (1900 → 3000) is a status change too.
    const app = await createApplicationInStatus({ tenantId: tenant.id, service, status: S.SUBMITTED });
    await assignProtocolNumber({ tenantId: tenant.id, applicationId: app.id });
    await runTenantWebhookJobs(tenant.id);
    await runTenantWebhookJobs(other.id);

    expect(everything.requests).toHaveLength(1);
    const event = parse(everything.requests[0]!.body);
    expect(event).toMatchObject({ type: "application.status_changed", data: { statusChange: { from: S.SUBMITTED, to: S.REGISTERED, actorKind: "SYSTEM" } } });
    expect(event.data.application.protocolNumber).toMatch(new RegExp(`^${tenant.protocolPrefix}-`));
    expect(messagesOnly.requests).toHaveLength(0);
    expect(disabled.requests).toHaveLength(0);
    expect(elsewhere.requests).toHaveLength(0);
    expect(await prisma.webhookDelivery.count({ where: { endpointId: off.id } })).toBe(0);
    expect(await prisma.webhookEvent.count({ where: { tenantId: other.id } })).toBe(0);
  });

  it("stops quietly when the endpoint is disabled before a retry", async () => {
    const prisma = await db();
    const tenant = await createTenant();
    const a = await adminOf(tenant.id);
    const r = await receiver([503]);
    const endpoint = await endpointFor(a, r, ["payment.updated"]);
    // Nothing fires payment.updated yet: the payments module will, with this payload.
    await triggerJob(PAYMENT_UPDATED_EVENT, { tenantId: tenant.id, paymentId: "pay-1", status: "COMPLETE" });
    await runTenantWebhookJobs(tenant.id);
    expect(r.requests).toHaveLength(1);
    expect(parse(r.requests[0]!.body).data).toEqual({ application: null, payment: { id: "pay-1", applicationId: null, status: "COMPLETE" } });
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery.status).toBe("PENDING");

    await setWebhookEndpointEnabled({ ...a, endpointId: endpoint.id, enabled: false });
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(Date.now() + 10 * 60_000) });
    await runTenantWebhookJobs(tenant.id);
    vi.useRealTimers();
    expect(r.requests).toHaveLength(1);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "FAILED", attempts: 1 });
    expect((await deliveryJob(delivery.id)).status).toBe("COMPLETED");
  });

  it("gives up after the last attempt: the delivery is FAILED", async () => {
    const prisma = await db();
    const tenant = await createTenant();
    const a = await adminOf(tenant.id);
    const r = await receiver([500]);
    const endpoint = await endpointFor(a, r);
    await sendTestEvent({ ...a, endpointId: endpoint.id });
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    for (let i = 0; i < 8; i++) {
      await runTenantWebhookJobs(tenant.id);
      vi.setSystemTime(new Date(Date.now() + 2 * 60 * 60_000));
    }
    vi.useRealTimers();
    expect(r.requests).toHaveLength(8);
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 8, lastStatusCode: 500, nextAttemptAt: null });
  });

  it("sends the test event to the chosen endpoint only", async () => {
    const tenant = await createTenant();
    const a = await adminOf(tenant.id);
    const chosen = await receiver();
    const sibling = await receiver();
    const endpoint = await endpointFor(a, chosen, ["message.created"]);
    await endpointFor(a, sibling);
    const { eventId } = await sendTestEvent({ ...a, endpointId: endpoint.id });
    await runTenantWebhookJobs(tenant.id);
    expect(sibling.requests).toHaveLength(0);
    expect(chosen.requests).toHaveLength(1);
    expect(chosen.requests[0]!.verified).toMatchObject({ ok: true, id: eventId });
    expect(parse(chosen.requests[0]!.body)).toMatchObject({ id: eventId, type: "ping", municipality: { slug: tenant.slug }, data: { endpoint: { id: endpoint.id } } });
  });

  it("does not follow redirects", async () => {
    const prisma = await db();
    const tenant = await createTenant();
    const a = await adminOf(tenant.id);
    const r = await receiver([302]);
    const endpoint = await endpointFor(a, r);
    await sendTestEvent({ ...a, endpointId: endpoint.id });
    await runTenantWebhookJobs(tenant.id);
    expect(r.requests).toHaveLength(1);
    expect(await prisma.webhookAttempt.findFirstOrThrow({ where: { delivery: { endpointId: endpoint.id } } })).toMatchObject({
      statusCode: 302,
      error: "HTTP 302: redirects are not followed",
    });
  });
});
