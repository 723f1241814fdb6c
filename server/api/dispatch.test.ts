import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTenant } from "@/server/test/factories";
import { callApiChecked, createTestApiKey } from "./testing";

describe("API v1 front door", () => {
  let tenantId: string;
  let key: string;
  beforeAll(async () => {
    const tenant = await createTenant();
    tenantId = tenant.id;
    key = (await createTestApiKey(tenantId, ["services:read"], { rateLimitPerMinute: 3 })).key;
  });

  it("serves the OpenAPI 3.1 document without a key", async () => {
    const { status, response } = await callApiChecked("GET", "/openapi.json");
    expect(status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/key"].get.security).toEqual([{ apiKey: [] }]);
  });

  it("points to its description at /api/v1", async () => {
    const { status, body } = await callApiChecked("GET", "/");
    expect(status).toBe(200);
    expect(body.openapi).toBe("/api/v1/openapi.json");
  });

  it("answers 401 problem+json without a key, with an unknown key, with a revoked or expired key", async () => {
    const missing = await callApiChecked("GET", "/key");
    expect(missing.status).toBe(401);
    expect(missing.response.headers.get("www-authenticate")).toContain("Bearer");
    expect(missing.body.detail).toMatch(/Authorization/);

    const unknown = await callApiChecked("GET", "/key", { key: "spk_nope" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe("api.problems.invalidKey");

    const revoked = await createTestApiKey(tenantId, ["services:read"]);
    const prisma = await db();
    await prisma.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expect((await callApiChecked("GET", "/key", { key: revoked.key })).status).toBe(401);

    const expired = await createTestApiKey(tenantId, ["services:read"], { expiresAt: new Date(Date.now() - 1000) });
    expect((await callApiChecked("GET", "/key", { key: expired.key })).status).toBe(401);
  });

  it("translates problems into the caller's language", async () => {
    const en = await callApiChecked("GET", "/key", { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(en.body.title).toBe("Unauthenticated");
    const de = await callApiChecked("GET", "/key", { headers: { "accept-language": "de" } });
    expect(de.body.title).toBe("Nicht authentifiziert");
  });

  it("describes the calling key and stamps its last use", async () => {
    const { status, body, response } = await callApiChecked("GET", "/key", { key, now: new Date("2026-01-01T10:00:00Z") });
    expect(status).toBe(200);
    expect(body.scopes).toEqual(["services:read"]);
    expect(key.startsWith(body.prefix)).toBe(true);
    expect(response.headers.get("ratelimit-limit")).toBe("3");
    const prisma = await db();
    const row = await prisma.apiKey.findFirstOrThrow({ where: { prefix: body.prefix } });
    expect(row.lastUsedAt?.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(row.keyHash).not.toContain(key.slice(4));
  });

  it("limits each key's requests per minute with 429 and Retry-After, then lets it through in the next minute", async () => {
    const limited = (await createTestApiKey(tenantId, ["services:read"], { rateLimitPerMinute: 2 })).key;
    const t0 = new Date("2026-02-01T10:00:00Z");
    expect((await callApiChecked("GET", "/key", { key: limited, now: t0 })).status).toBe(200);
    expect((await callApiChecked("GET", "/key", { key: limited, now: new Date(t0.getTime() + 1000) })).status).toBe(200);
    const third = await callApiChecked("GET", "/key", { key: limited, now: new Date(t0.getTime() + 20_000) });
    expect(third.status).toBe(429);
    expect(third.response.headers.get("retry-after")).toBe("40");
    expect(third.body.retryAfterSeconds).toBe(40);
    expect((await callApiChecked("GET", "/key", { key: limited, now: new Date(t0.getTime() + 61_000) })).status).toBe(200);
  });

  it("answers unknown paths with 404 and wrong methods with 405", async () => {
    const unknown = await callApiChecked("GET", "/nothing-here", { key });
    expect(unknown.status).toBe(404);
    const wrong = await callApiChecked("DELETE", "/key", { key });
    expect(wrong.status).toBe(405);
    expect(wrong.response.headers.get("allow")).toBe("GET");
  });
});
