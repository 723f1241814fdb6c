import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { db } from "@/server/db/client";
import type { WebhookDeliveryStatus } from "@/server/db/generated/client";
import { env } from "@/server/env";
import { WEBHOOK_DELIVERY_MAX_ATTEMPTS, WEBHOOK_RETRY_BASE_MS } from "@/server/jobs/definitions/webhooks";
import { DEFAULT_RETRY_MAX_MS } from "@/server/jobs/providers/local/backoff";
import { decryptEndpointSecret } from "./endpoints";
import { eventBodyText } from "./fanout";
import { webhookSignatureHeaders } from "./signature";
import { guardedLookup, isPrivateAddress, PrivateAddressError, privateUrlsAllowed } from "./url-guard";

// One HTTP attempt of a webhook delivery: POST the event's JSON, signed (signature.ts), to the
// endpoint's URL. 2xx is success; anything else (another status, a redirect — never followed —,
// a timeout after WEBHOOK_TIMEOUT_MS, a refused connection, a private address) is a failure.
// Every attempt is a WebhookAttempt row (status, error, duration, the first 1,000 characters of
// the answer) and updates the delivery. A failure throws, so the "webhooks.deliver" job retries
// with exponential backoff; after the series' last attempt the delivery is FAILED. An endpoint
// disabled or deleted meanwhile: the delivery stops quietly (no request).

export const WEBHOOK_USER_AGENT = "Sportello-Webhooks/1";
const RESPONSE_KEEP_CHARS = 1000;
const RESPONSE_READ_BYTES = 8 * 1024;

export { WEBHOOK_DELIVERY_MAX_ATTEMPTS, WEBHOOK_RETRY_BASE_MS };

export type TWebhookTrigger = "auto" | "manual";

export class WebhookDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookDeliveryError";
  }
}

type THttpResult = { statusCode: number | null; error: string | null; responseBody: string | null; durationMs: number };

/** POSTs `body` to `url`; never throws (failures are in `error`). */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, opts: { timeoutMs: number; allowPrivate: boolean }): Promise<THttpResult> {
  const started = performance.now();
  const done = (r: Omit<THttpResult, "durationMs">): THttpResult => ({ ...r, durationMs: Math.round(performance.now() - started) });
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return done({ statusCode: null, error: "Invalid URL", responseBody: null });
  }
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (!opts.allowPrivate) {
    if (target.protocol !== "https:") return done({ statusCode: null, error: "Only https URLs are allowed", responseBody: null });
    // An IP literal is connected to without a lookup: check it here.
    if (isIP(literal) && isPrivateAddress(literal)) return done({ statusCode: null, error: new PrivateAddressError(literal, literal).message, responseBody: null });
  }
  const client = target.protocol === "https:" ? https : http;
  return new Promise<THttpResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<THttpResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(r));
    };
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup(opts.allowPrivate) as unknown as typeof import("node:dns").lookup,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < RESPONSE_READ_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_READ_BYTES) response.destroy();
        });
        const end = () => {
          const statusCode = response.statusCode ?? null;
          const text = Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_KEEP_CHARS);
          const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
          const redirect = statusCode !== null && statusCode >= 300 && statusCode < 400;
          finish({
            statusCode,
            error: ok ? null : redirect ? `HTTP ${statusCode}: redirects are not followed` : `HTTP ${statusCode}`,
            responseBody: text || null,
          });
        };
        response.on("end", end);
        response.on("close", end);
        response.on("error", end);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ statusCode: null, error: `No answer within ${opts.timeoutMs} ms`, responseBody: null });
    }, opts.timeoutMs);
    request.on("error", (e: NodeJS.ErrnoException) => {
      finish({ statusCode: null, error: e instanceof PrivateAddressError ? e.message : `${e.code ? `${e.code}: ` : ""}${e.message}`, responseBody: null });
    });
    request.end(body);
  });
}

/** About when the job's next retry runs (the local provider waits base·2^(n-1), randomised over its upper half). */
export function estimatedRetryAt(now: Date, seriesAttempt: number): Date {
  const ceiling = Math.min(DEFAULT_RETRY_MAX_MS, WEBHOOK_RETRY_BASE_MS * 2 ** Math.max(0, seriesAttempt - 1));
  return new Date(now.getTime() + Math.round(ceiling * 0.75));
}

export type TDeliverInput = {
  tenantId: string;
  deliveryId: string;
  trigger: TWebhookTrigger;
  /** This run's attempt within its series (the job's attempt, from 1). */
  seriesAttempt: number;
  maxAttempts?: number;
  /** A manual series: when it was asked for (a delivery that succeeded after that is not sent again). */
  requestedAt?: Date;
};

export type TDeliverOutcome = "succeeded" | "failedFinal" | "skipped";

/** One attempt; throws WebhookDeliveryError when it failed and the series may retry. */
export async function deliverWebhook(input: TDeliverInput): Promise<TDeliverOutcome> {
  const prisma = await db();
  const delivery = await prisma.webhookDelivery.findFirst({
    where: { id: input.deliveryId, tenantId: input.tenantId },
    include: { endpoint: { select: { id: true, url: true, secret: true, enabled: true } }, event: { select: { id: true, payload: true } } },
  });
  // Deleted with its endpoint meanwhile.
  if (!delivery) return "skipped";
  if (!delivery.endpoint.enabled) {
    if (delivery.status === "PENDING") {
      await prisma.webhookDelivery.updateMany({
        where: { id: delivery.id, status: "PENDING" },
        data: { status: "FAILED", lastError: "Endpoint disabled: not sent", nextAttemptAt: null },
      });
    }
    return "skipped";
  }
  if (delivery.status === "SUCCEEDED" && (input.trigger === "auto" || !input.requestedAt || (delivery.deliveredAt && delivery.deliveredAt >= input.requestedAt))) {
    return "skipped";
  }

  const body = eventBodyText(delivery.event.payload);
  const now = new Date();
  const timestamp = Math.floor(now.getTime() / 1000);
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": WEBHOOK_USER_AGENT,
    ...webhookSignatureHeaders({ secret: decryptEndpointSecret(delivery.endpoint), id: delivery.event.id, timestamp, body }),
  };
  const result = await postWebhook(delivery.endpoint.url, body, headers, { timeoutMs: env().WEBHOOK_TIMEOUT_MS, allowPrivate: privateUrlsAllowed() });
  const finishedAt = new Date(now.getTime() + result.durationMs);
  const succeeded = result.error === null;
  const last = input.seriesAttempt >= (input.maxAttempts ?? WEBHOOK_DELIVERY_MAX_ATTEMPTS);
  const status: WebhookDeliveryStatus = succeeded ? "SUCCEEDED" : last ? "FAILED" : "PENDING";

  await prisma.$transaction(async (tx) => {
    const updated = await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: { increment: 1 },
        status,
        lastAttemptAt: finishedAt,
        lastStatusCode: result.statusCode,
        lastError: result.error,
        ...(succeeded ? { deliveredAt: finishedAt } : {}),
        nextAttemptAt: status === "PENDING" ? estimatedRetryAt(finishedAt, input.seriesAttempt) : null,
      },
      select: { attempts: true },
    });
    await tx.webhookAttempt.create({
      data: {
        tenantId: input.tenantId,
        deliveryId: delivery.id,
        attempt: updated.attempts,
        trigger: input.trigger,
        statusCode: result.statusCode,
        error: result.error,
        responseBody: result.responseBody,
        durationMs: result.durationMs,
        createdAt: now,
      },
    });
  });

  if (succeeded) return "succeeded";
  if (last) return "failedFinal";
  throw new WebhookDeliveryError(`Webhook delivery ${delivery.id} failed: ${result.error}`);
}
