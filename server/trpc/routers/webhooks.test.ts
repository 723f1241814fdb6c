import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { callerFor, createSettingsScenario, failureOf } from "@/server/settings/testing";
import { trpcCode } from "@/server/test/trpc";
import { runTenantWebhookJobs, startReceiver, type TReceiver } from "@/server/webhooks/testing";

// The webhooks router: the municipality's administrators and the platform's super-admins manage
// endpoints and read the delivery log; operators, service managers and other municipalities'
// administrators get NOT_FOUND, as if there were nothing; signed out, UNAUTHORIZED.

vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
});

let tenant: Awaited<ReturnType<typeof createSettingsScenario>>["tenant"];
let ids: Awaited<ReturnType<typeof createSettingsScenario>>["ids"];
let receiver: TReceiver;

beforeAll(async () => {
  ({ tenant, ids } = await createSettingsScenario());
  receiver = await startReceiver([500, 200]);
});
afterAll(() => receiver.close());

describe("webhooks router", () => {
  it("lets an administrator create, test, read the log, redeliver, edit, rotate, disable and delete", async () => {
    const slug = tenant.slug;
    const admin = await callerFor(ids.admin, slug);
    const created = await admin.webhooks.create({ tenantSlug: slug, values: { url: receiver.url(), description: "Protocollo", events: ["application.submitted"] } });
    receiver.secret = created.secret;
    expect(created.secret).toMatch(/^whsec_/);
    const endpointId = created.endpoint.id;
    const listed = await admin.webhooks.list({ tenantSlug: slug });
    expect(listed.map((e) => e.id)).toEqual([endpointId]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(JSON.stringify(await admin.webhooks.get({ tenantSlug: slug, endpointId }))).not.toContain("whsec_");

    // Test event: the receiver fails once, so the log shows a pending delivery with one attempt.
    const test = await admin.webhooks.sendTest({ tenantSlug: slug, endpointId });
    await runTenantWebhookJobs(tenant.id);
    expect(receiver.requests).toHaveLength(1);
    let page = await admin.webhooks.listDeliveries({ tenantSlug: slug, endpointId });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: test.deliveryId, status: "PENDING", attempts: 1, lastStatusCode: 500, event: { type: "ping" } });
    expect((await admin.webhooks.listDeliveries({ tenantSlug: slug, endpointId, status: "SUCCEEDED" })).items).toHaveLength(0);

    await admin.webhooks.redeliver({ tenantSlug: slug, deliveryId: test.deliveryId });
    await runTenantWebhookJobs(tenant.id, { names: ["webhooks.deliver"] });
    const detail = await admin.webhooks.getDelivery({ tenantSlug: slug, deliveryId: test.deliveryId });
    expect(detail).toMatchObject({ status: "SUCCEEDED", endpoint: { id: endpointId }, event: { id: test.eventId, type: "ping", payload: { id: test.eventId, type: "ping" } } });
    expect(Object.keys(JSON.parse(detail.event.pretty) as object)).toEqual(["id", "type", "occurredAt", "municipality", "data"]);
    expect(detail.attemptLog.map((a) => [a.trigger, a.statusCode])).toEqual([
      ["auto", 500],
      ["manual", 200],
    ]);
    expect(receiver.requests.every((r) => r.verified.ok)).toBe(true);

    // Pages: newest first, with a cursor.
    await admin.webhooks.sendTest({ tenantSlug: slug, endpointId });
    page = await admin.webhooks.listDeliveries({ tenantSlug: slug, endpointId, limit: 1 });
    expect(page.items[0]!.id).not.toBe(test.deliveryId);
    const next = await admin.webhooks.listDeliveries({ tenantSlug: slug, endpointId, limit: 1, cursor: page.nextCursor });
    expect(next.items.map((d) => d.id)).toEqual([test.deliveryId]);
    expect(next.nextCursor).toBeNull();

    const updated = await admin.webhooks.update({ tenantSlug: slug, endpointId, values: { url: receiver.url("/v2"), events: ["message.created", "payment.updated"] } });
    expect(updated.changed).toEqual(["url", "description", "events"]);
    expect(await failureOf(admin.webhooks.update({ tenantSlug: slug, endpointId, values: { url: "ftp://x", events: ["message.created"] } }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { url: "webhooks.errors.url.scheme" },
    });
    const rotated = await admin.webhooks.rotateSecret({ tenantSlug: slug, endpointId });
    expect(rotated.secret).not.toBe(created.secret);

    expect((await admin.webhooks.setEnabled({ tenantSlug: slug, endpointId, enabled: false })).enabled).toBe(false);
    expect(await failureOf(admin.webhooks.sendTest({ tenantSlug: slug, endpointId }))).toMatchObject({ code: "CONFLICT", messageKey: "webhooks.errors.endpointDisabled" });
    expect(await trpcCode(admin.webhooks.redeliver({ tenantSlug: slug, deliveryId: test.deliveryId }))).toBe("CONFLICT");
    await admin.webhooks.delete({ tenantSlug: slug, endpointId });
    expect(await admin.webhooks.list({ tenantSlug: slug })).toEqual([]);
    expect(await trpcCode(admin.webhooks.getDelivery({ tenantSlug: slug, deliveryId: test.deliveryId }))).toBe("NOT_FOUND");
  });

  it("lets a super-admin in, and nobody else but the municipality's administrators", async () => {
    const slug = tenant.slug;
    const superAdmin = await callerFor(ids.superAdmin, slug);
    const { endpoint } = await superAdmin.webhooks.create({ tenantSlug: slug, values: { url: receiver.url("/super"), events: ["message.created"] } });
    const { deliveryId } = await superAdmin.webhooks.sendTest({ tenantSlug: slug, endpointId: endpoint.id });
    expect((await superAdmin.webhooks.getDelivery({ tenantSlug: slug, deliveryId })).id).toBe(deliveryId);
    const line = await (await db()).auditEvent.findFirstOrThrow({ where: { tenantId: tenant.id, action: "webhook.create", actorId: ids.superAdmin } });
    expect(line.actorRole).toBe("SUPER_ADMIN");

    const endpointId = endpoint.id;
    const values = { url: receiver.url("/x"), events: ["message.created"] };
    const calls = (c: Awaited<ReturnType<typeof callerFor>>) => [
      c.webhooks.list({ tenantSlug: slug }),
      c.webhooks.get({ tenantSlug: slug, endpointId }),
      c.webhooks.create({ tenantSlug: slug, values }),
      c.webhooks.update({ tenantSlug: slug, endpointId, values }),
      c.webhooks.setEnabled({ tenantSlug: slug, endpointId, enabled: false }),
      c.webhooks.delete({ tenantSlug: slug, endpointId }),
      c.webhooks.rotateSecret({ tenantSlug: slug, endpointId }),
      c.webhooks.listDeliveries({ tenantSlug: slug, endpointId }),
      c.webhooks.getDelivery({ tenantSlug: slug, deliveryId }),
      c.webhooks.redeliver({ tenantSlug: slug, deliveryId }),
      c.webhooks.sendTest({ tenantSlug: slug, endpointId }),
    ];
    for (const who of [ids.operator, ids.manager, ids.otherAdmin]) {
      for (const call of calls(await callerFor(who, slug))) expect(await trpcCode(call)).toBe("NOT_FOUND");
    }
    for (const call of calls(await callerFor(null, slug))) expect(await trpcCode(call)).toBe("UNAUTHORIZED");

    // The other municipality's administrator, on their own municipality, does not see this endpoint.
    const otherTenant = await (await db()).membership.findFirstOrThrow({ where: { staffUserId: ids.otherAdmin }, include: { tenant: true } });
    const other = await callerFor(ids.otherAdmin, otherTenant.tenant.slug);
    expect(await other.webhooks.list({ tenantSlug: otherTenant.tenant.slug })).toEqual([]);
    expect(await trpcCode(other.webhooks.get({ tenantSlug: otherTenant.tenant.slug, endpointId }))).toBe("NOT_FOUND");
    expect(await trpcCode(other.webhooks.getDelivery({ tenantSlug: otherTenant.tenant.slug, deliveryId }))).toBe("NOT_FOUND");
    expect(await trpcCode(other.webhooks.redeliver({ tenantSlug: otherTenant.tenant.slug, deliveryId }))).toBe("NOT_FOUND");
    expect(await trpcCode(other.webhooks.sendTest({ tenantSlug: otherTenant.tenant.slug, endpointId }))).toBe("NOT_FOUND");
    expect(await trpcCode(other.webhooks.delete({ tenantSlug: otherTenant.tenant.slug, endpointId }))).toBe("NOT_FOUND");
    expect(await (await db()).webhookEndpoint.count({ where: { id: endpointId, enabled: true } })).toBe(1);
  });
});
