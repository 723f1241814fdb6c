import { createHmac, timingSafeEqual } from "node:crypto";

// How a webhook request is signed, and how a receiver checks it.
//
// Every request carries three headers:
//   Webhook-Id         the event's id: the same on every retry (receivers deduplicate on it)
//   Webhook-Timestamp  when this attempt was sent, in Unix seconds
//   Webhook-Signature  "v1=<hex>" where <hex> is HMAC-SHA256 with the endpoint's secret as key (the
//                      whole "whsec_…" string, UTF-8) over `${id}.${timestamp}.${body}`, body being
//                      the raw request body exactly as received (do not parse and re-serialise it).
//                      Several space-separated entries may appear ("v1=… v1=…"): one matching is
//                      enough; entries with another version prefix are ignored.
// A receiver recomputes the HMAC, compares in constant time, and refuses a timestamp more than
// five minutes away from its clock (a captured request replayed later fails). Same id again:
// already processed, answer 2xx and do nothing.

export const WEBHOOK_ID_HEADER = "Webhook-Id";
export const WEBHOOK_TIMESTAMP_HEADER = "Webhook-Timestamp";
export const WEBHOOK_SIGNATURE_HEADER = "Webhook-Signature";
export const WEBHOOK_SIGNATURE_VERSION = "v1";
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type TSignInput = { secret: string; id: string; timestamp: number; body: string };

function hmacHex({ secret, id, timestamp, body }: TSignInput): string {
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(`${id}.${timestamp}.${body}`, "utf8").digest("hex");
}

/** The Webhook-Signature value for one request: "v1=<hex>". */
export function signWebhook(input: TSignInput): string {
  return `${WEBHOOK_SIGNATURE_VERSION}=${hmacHex(input)}`;
}

/** The three signature headers of a request (Content-Type and User-Agent are the sender's). */
export function webhookSignatureHeaders(input: TSignInput): Record<string, string> {
  return {
    [WEBHOOK_ID_HEADER]: input.id,
    [WEBHOOK_TIMESTAMP_HEADER]: String(input.timestamp),
    [WEBHOOK_SIGNATURE_HEADER]: signWebhook(input),
  };
}

/** Headers as a Fetch `Headers`, or Node's IncomingHttpHeaders / a plain object (any case). */
export type THeadersLike = Headers | Record<string, string | string[] | undefined>;

function header(headers: THeadersLike, name: string): string | null {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value.join(" ") : value;
  }
  return null;
}

export type TVerifyFailure = "missingHeaders" | "invalidTimestamp" | "timestampOutOfTolerance" | "signatureMismatch";
export type TVerifyResult = { ok: true; id: string; timestamp: number } | { ok: false; reason: TVerifyFailure };

/**
 * Checks a received webhook request: signature over the raw body, and a timestamp within
 * `toleranceSeconds` of `now` (either way: replays and clocks far ahead both fail).
 */
export function verifyWebhookSignature(
  secret: string,
  headers: THeadersLike,
  rawBody: string | Buffer,
  opts: { toleranceSeconds?: number; now?: Date } = {},
): TVerifyResult {
  const id = header(headers, WEBHOOK_ID_HEADER);
  const timestampText = header(headers, WEBHOOK_TIMESTAMP_HEADER);
  const signatures = header(headers, WEBHOOK_SIGNATURE_HEADER);
  if (!id || !timestampText || !signatures) return { ok: false, reason: "missingHeaders" };
  if (!/^\d{1,12}$/.test(timestampText.trim())) return { ok: false, reason: "invalidTimestamp" };
  const timestamp = Number(timestampText.trim());
  const nowSeconds = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > (opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    return { ok: false, reason: "timestampOutOfTolerance" };
  }
  const body = typeof rawBody === "string" ? rawBody : rawBody.toString("utf8");
  const expected = Buffer.from(hmacHex({ secret, id, timestamp, body }), "hex");
  for (const entry of signatures.split(/\s+/)) {
    const [version, hex] = entry.split("=", 2);
    if (version !== WEBHOOK_SIGNATURE_VERSION || !hex || !/^[0-9a-f]{64}$/i.test(hex)) continue;
    if (timingSafeEqual(expected, Buffer.from(hex, "hex"))) return { ok: true, id, timestamp };
  }
  return { ok: false, reason: "signatureMismatch" };
}
