import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature, webhookSignatureHeaders } from "./signature";

// What a receiver checks: the HMAC over id, timestamp and the raw body, in constant time, and a
// timestamp near its own clock.

const secret = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA";
const body = JSON.stringify({ id: "evt-1", type: "ping", data: { a: 1 } });
const now = new Date("2026-03-02T10:00:00Z");
const timestamp = Math.floor(now.getTime() / 1000);

describe("webhook signatures", () => {
  it("verifies a request signed with the endpoint's secret, with Node or Fetch headers", () => {
    const headers = webhookSignatureHeaders({ secret, id: "evt-1", timestamp, body });
    expect(headers["Webhook-Signature"]).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, headers, body, { now })).toEqual({ ok: true, id: "evt-1", timestamp });
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(verifyWebhookSignature(secret, lower, Buffer.from(body), { now }).ok).toBe(true);
    expect(verifyWebhookSignature(secret, new Headers(headers), body, { now }).ok).toBe(true);
  });

  it("refuses a tampered body, another id, another secret or a forged signature", () => {
    const headers = webhookSignatureHeaders({ secret, id: "evt-1", timestamp, body });
    expect(verifyWebhookSignature(secret, headers, body.replace('"a":1', '"a":2'), { now })).toEqual({ ok: false, reason: "signatureMismatch" });
    expect(verifyWebhookSignature(secret, { ...headers, "Webhook-Id": "evt-2" }, body, { now }).ok).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, headers, body, { now }).ok).toBe(false);
    expect(verifyWebhookSignature(secret, { ...headers, "Webhook-Signature": `v1=${"0".repeat(64)}` }, body, { now }).ok).toBe(false);
    expect(verifyWebhookSignature(secret, { ...headers, "Webhook-Signature": "v1=short" }, body, { now }).ok).toBe(false);
    // A signature of another scheme version is not accepted in place of v1.
    expect(verifyWebhookSignature(secret, { ...headers, "Webhook-Signature": headers["Webhook-Signature"]!.replace("v1=", "v0=") }, body, { now }).ok).toBe(false);
  });

  it("refuses stale and future timestamps (replays), within the tolerance", () => {
    const at = (seconds: number) => webhookSignatureHeaders({ secret, id: "evt-1", timestamp: timestamp + seconds, body });
    expect(verifyWebhookSignature(secret, at(-301), body, { now })).toEqual({ ok: false, reason: "timestampOutOfTolerance" });
    expect(verifyWebhookSignature(secret, at(301), body, { now })).toEqual({ ok: false, reason: "timestampOutOfTolerance" });
    expect(verifyWebhookSignature(secret, at(-299), body, { now }).ok).toBe(true);
    expect(verifyWebhookSignature(secret, at(-3600), body, { now, toleranceSeconds: 7200 }).ok).toBe(true);
    expect(verifyWebhookSignature(secret, { ...at(0), "Webhook-Timestamp": "yesterday" }, body, { now })).toEqual({ ok: false, reason: "invalidTimestamp" });
  });

  it("accepts any one matching entry of several (secret rotation), and names missing headers", () => {
    const good = signWebhook({ secret, id: "evt-1", timestamp, body });
    const other = signWebhook({ secret: "whsec_old", id: "evt-1", timestamp, body });
    const headers = { "Webhook-Id": "evt-1", "Webhook-Timestamp": String(timestamp), "Webhook-Signature": `${other} ${good}` };
    expect(verifyWebhookSignature(secret, headers, body, { now }).ok).toBe(true);
    expect(verifyWebhookSignature(secret, { "Webhook-Id": "evt-1" }, body, { now })).toEqual({ ok: false, reason: "missingHeaders" });
  });
});
