import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/server/db/client";
import { webhookJobs } from "@/server/jobs/definitions/webhooks";
import { runJobNow } from "@/server/jobs/providers/local/run-due-jobs";
import type { TJobOutcome } from "@/server/jobs/providers/local/run-job";
import { verifyWebhookSignature, type TVerifyResult } from "./signature";

// Test helpers: a real HTTP receiver on an ephemeral port that verifies every request's
// signature, and a runner of one municipality's webhook jobs (tests share the database and run
// in parallel: each runs only its own tenant's jobs).

export type TReceivedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  verified: TVerifyResult;
  at: Date;
};

export type TReceiver = {
  url: (path?: string) => string;
  requests: TReceivedRequest[];
  /** The secret requests are verified with (set once the endpoint exists). */
  secret: string;
  close: () => Promise<void>;
};

/** Answers each request with the next of `statuses` (the last one repeats); default 200. */
export async function startReceiver(statuses: number[] = [200]): Promise<TReceiver> {
  const requests: TReceivedRequest[] = [];
  const receiver: TReceiver = { url: () => "", requests, secret: "", close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body,
        verified: verifyWebhookSignature(receiver.secret, req.headers, body),
        at: new Date(),
      });
      const status = statuses[Math.min(requests.length - 1, statuses.length - 1)] ?? 200;
      res.writeHead(status, { "Content-Type": "text/plain" }).end(status < 300 ? "ok" : `failure ${requests.length}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = (path = "/hook") => `http://127.0.0.1:${port}${path}`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

const WEBHOOK_JOB_NAMES = webhookJobs.map((j) => j.id);

/** Runs the municipality's due webhook jobs (fan-out, then deliveries) until none is due "now"
 * (Date may be faked); returns the outcomes in order. */
export async function runTenantWebhookJobs(tenantId: string, opts: { names?: string[] } = {}): Promise<TJobOutcome[]> {
  const prisma = await db();
  const outcomes: TJobOutcome[] = [];
  for (let round = 0; round < 50; round++) {
    const due = await prisma.backgroundJob.findMany({
      where: {
        name: { in: opts.names ?? WEBHOOK_JOB_NAMES },
        status: { in: ["PENDING", "FAILED"] },
        runAt: { lte: new Date() },
        payload: { path: ["tenantId"], equals: tenantId },
      },
      orderBy: { runAt: "asc" },
      select: { id: true },
    });
    if (due.length === 0) break;
    for (const job of due) {
      const outcome = await runJobNow(job.id, { definitions: webhookJobs, logger: quietLogger });
      if (outcome) outcomes.push(outcome);
    }
  }
  return outcomes;
}

const quietLogger = { info: () => {}, warn: () => {}, error: (msg: string, data?: Record<string, unknown>) => console.error(msg, data) };

/** The retry time of a delivery's job (the local provider's runAt). */
export async function deliveryJob(deliveryId: string) {
  const prisma = await db();
  return prisma.backgroundJob.findFirstOrThrow({ where: { name: "webhooks.deliver", payload: { path: ["deliveryId"], equals: deliveryId } }, orderBy: { createdAt: "asc" } });
}
