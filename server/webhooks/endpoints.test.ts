import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createStaff, createTenant } from "@/server/test/factories";
import { appErrorOf } from "@/server/test/app-error";
import { postWebhook } from "./deliver";
import {
  createWebhookEndpoint,
  decryptEndpointSecret,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type TWebhookAdminInput,
} from "./endpoints";
import { startReceiver, type TReceiver } from "./testing";
import { isPrivateAddress, webhookUrlProblem } from "./url-guard";

// Endpoints as an administrator manages them, with WEBHOOK_ALLOW_PRIVATE_URLS off (production):
// only public HTTPS URLs are accepted, the secret is shown once and kept encrypted, every change
// is audited without the secret, and a request to a private address is refused when it connects.

let admin: TWebhookAdminInput;
let receiver: TReceiver;

beforeAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_URLS;
  const tenant = await createTenant();
  const staff = (await createStaff({ tenantId: tenant.id, role: "TENANT_ADMIN" })).user;
  admin = { tenantId: tenant.id, actor: { id: staff.id, role: "TENANT_ADMIN" }, ip: "203.0.113.5" };
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const auditOf = async (tenantId: string) =>
  (await db()).auditEvent.findMany({ where: { tenantId, action: { startsWith: "webhook." } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("webhook endpoints", () => {
  it("creates an endpoint with a secret shown once, stored encrypted, audited without it", async () => {
    const { endpoint, secret } = await createWebhookEndpoint({
      ...admin,
      values: { url: "https://hooks.example.org/sportello", description: "Gestionale", events: ["message.created", "message.created", "application.submitted"] },
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).toMatchObject({ url: "https://hooks.example.org/sportello", description: "Gestionale", enabled: true, lastDelivery: null });
    expect([...endpoint.events].sort()).toEqual(["application.submitted", "message.created"]);
    const row = await (await db()).webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.secret).not.toContain(secret.slice(6));
    expect(decryptEndpointSecret(row)).toBe(secret);
    // The list never carries the secret.
    expect(JSON.stringify(await listWebhookEndpoints({ tenantId: admin.tenantId }))).not.toMatch(/whsec_|v1:/);

    const { secret: rotated } = await rotateWebhookSecret({ ...admin, endpointId: endpoint.id });
    expect(rotated).not.toBe(secret);
    expect(decryptEndpointSecret(await (await db()).webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } }))).toBe(rotated);

    const updated = await updateWebhookEndpoint({ ...admin, endpointId: endpoint.id, values: { url: "https://hooks.example.org/v2", events: ["payment.updated"] } });
    expect(updated.changed).toEqual(["url", "description", "events"]);
    await deleteWebhookEndpoint({ ...admin, endpointId: endpoint.id });
    expect(await (await db()).webhookEndpoint.count({ where: { id: endpoint.id } })).toBe(0);

    const lines = await auditOf(admin.tenantId);
    expect(lines.map((l) => l.action)).toEqual(["webhook.create", "webhook.rotateSecret", "webhook.update", "webhook.delete"]);
    expect(lines[0]).toMatchObject({ actorKind: "STAFF", actorId: admin.actor.id, actorRole: "TENANT_ADMIN", ip: "203.0.113.5" });
    expect(lines[2]!.details).toMatchObject({ previous: { url: "https://hooks.example.org/sportello", description: "Gestionale" } });
    expect(JSON.stringify(lines)).not.toMatch(/whsec_|v1:/);
  });

  it("refuses plain http, private and local addresses, credentials, and bad event lists", async () => {
    const refused = async (url: string, events: string[] = ["message.created"]) =>
      appErrorOf(createWebhookEndpoint({ ...admin, values: { url, events: events as never } }));
    expect(await refused("http://hooks.example.org/x")).toMatchObject({ code: "BAD_REQUEST", fields: { url: "webhooks.errors.url.scheme" } });
    for (const url of ["https://127.0.0.1/x", "https://10.1.2.3/x", "https://169.254.169.254/latest", "https://[::1]/x", "https://[::ffff:192.168.1.1]/x", "https://localhost/x", "https://intranet/x"]) {
      expect(await refused(url), url).toMatchObject({ code: "BAD_REQUEST", fields: { url: "webhooks.errors.url.privateAddress" } });
    }
    expect(await refused("https://user:pw@hooks.example.org/x")).toMatchObject({ fields: { url: "webhooks.errors.url.credentials" } });
    expect(await refused("not a url")).toMatchObject({ fields: { url: "webhooks.errors.url.invalid" } });
    expect(await refused("https://hooks.example.org/x", [])).toMatchObject({ fields: { events: "webhooks.errors.eventsRequired" } });
    expect(await refused("https://hooks.example.org/x", ["application.deleted"])).toMatchObject({ code: "BAD_REQUEST", fields: { events: expect.any(String) } });
    expect(await (await db()).webhookEndpoint.count({ where: { tenantId: admin.tenantId } })).toBe(0);
  });

  it("knows private addresses, and allows anything local when WEBHOOK_ALLOW_PRIVATE_URLS is on", () => {
    for (const ip of ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.1.1", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1"]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ["93.184.216.34", "8.8.8.8", "2a00:1450:4002:402::200e", "172.32.0.1"]) expect(isPrivateAddress(ip), ip).toBe(false);
    expect(webhookUrlProblem("http://localhost:3390/hook", true)).toBeNull();
    expect(webhookUrlProblem("ftp://example.org/x", true)).toBe("scheme");
    expect(webhookUrlProblem("https://hooks.example.org/x", false)).toBeNull();
  });

  it("refuses to connect to a private address at delivery time, even behind a host name", async () => {
    const headers = { "Content-Type": "application/json" };
    const byName = await postWebhook(receiver.url().replace("http://127.0.0.1", "https://localhost"), "{}", headers, { timeoutMs: 2000, allowPrivate: false });
    expect(byName.error).toMatch(/private or loopback address/);
    const literal = await postWebhook(receiver.url().replace("http://", "https://"), "{}", headers, { timeoutMs: 2000, allowPrivate: false });
    expect(literal.error).toMatch(/private or loopback address/);
    expect(receiver.requests).toHaveLength(0);
    // Allowed (development): the same receiver answers.
    expect(await postWebhook(receiver.url(), "{}", headers, { timeoutMs: 2000, allowPrivate: true })).toMatchObject({ statusCode: 200, error: null, responseBody: "ok" });
    expect(receiver.requests).toHaveLength(1);
  });
});
