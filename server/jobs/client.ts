import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import type { TJobDefinition } from "./define";
import { DEFAULT_MAX_ATTEMPTS, insertJobRows, type TJobDb, type TJobRow } from "./outbox";
import { INNGEST_RELAY_JOB_ID, INNGEST_RELAY_MAX_ATTEMPTS, type TInngestRelayPayload } from "./providers/inngest/relay-payload";
import { jobRegistry } from "./registry";
import { notifyJobsEnqueued, notifyJobsEnqueuedAfterCommit } from "./wake";

// The one way the app starts background work: triggerJob(event, payload). Every job whose
// trigger is that event gets it. The payload is validated here, so a bad payload fails in the
// caller's request, not later in a worker.

export type TJobProvider = "local" | "inngest";

export type TTriggerJobOptions = {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: TJobDb;
  /** Same key (per job) → enqueued once, e.g. `application-submitted:${applicationId}`. */
  dedupeKey?: string;
  /** Do not start before this time. */
  runAt?: Date;
};

export type TJobClient = {
  triggerJob(event: string, payload: unknown, opts?: TTriggerJobOptions): Promise<void>;
};

/** Payloads travel as JSON (database row or Inngest event): validate exactly what the job will read. */
function toJsonObject(event: string, payload: unknown): Record<string, unknown> {
  const json: unknown = payload === undefined ? undefined : JSON.parse(JSON.stringify(payload));
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new Error(`Payload of event "${event}" must be a JSON object`);
  }
  return json as Record<string, unknown>;
}

export function validatePayload(def: TJobDefinition, event: string, payload: Record<string, unknown>): void {
  const result = def.schema.safeParse(payload);
  if (!result.success) {
    throw new Error(`Invalid payload for job "${def.id}" (event "${event}"):\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
}

export function createJobClient(config: { definitions: readonly TJobDefinition[]; provider: TJobProvider }): TJobClient {
  return {
    async triggerJob(event, payload, opts = {}) {
      const listeners = config.definitions.filter((d) => "event" in d.trigger && d.trigger.event === event);
      if (listeners.length === 0) throw new Error(`No job listens to event "${event}"`);
      const data = toJsonObject(event, payload);
      for (const def of listeners) validatePayload(def, event, data);

      const runAt = opts.runAt ?? new Date();
      const rows: TJobRow[] =
        config.provider === "local"
          ? listeners.map((def) => ({
              name: def.id,
              payload: data as Prisma.InputJsonObject,
              maxAttempts: def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
              runAt,
              dedupeKey: opts.dedupeKey ? `${def.id}:${opts.dedupeKey}` : null,
            }))
          : [relayRow(event, data, runAt, opts.dedupeKey)];

      await insertJobRows(opts.tx ?? (await db()), rows);
      if (opts.tx) notifyJobsEnqueuedAfterCommit();
      else notifyJobsEnqueued();
    },
  };
}

/** Inngest fans an event out to its functions itself: one relay row per event. */
function relayRow(event: string, data: Record<string, unknown>, runAt: Date, dedupeKey?: string): TJobRow {
  const payload: TInngestRelayPayload = {
    eventId: dedupeKey ? `${event}:${dedupeKey}` : randomUUID(),
    event,
    data,
  };
  return {
    name: INNGEST_RELAY_JOB_ID,
    payload: payload as Prisma.InputJsonObject,
    maxAttempts: INNGEST_RELAY_MAX_ATTEMPTS,
    runAt,
    dedupeKey: dedupeKey ? `${INNGEST_RELAY_JOB_ID}:${event}:${dedupeKey}` : null,
  };
}

let defaultClient: TJobClient | undefined;

/**
 * Starts every job listening to `event`. Throws (and enqueues nothing) when the payload fails a
 * listening job's schema or no job listens. Pass `tx` to enqueue atomically with your writes.
 */
export function triggerJob(event: string, payload: unknown, opts?: TTriggerJobOptions): Promise<void> {
  defaultClient ??= createJobClient({ definitions: jobRegistry, provider: env().JOBS_PROVIDER });
  return defaultClient.triggerJob(event, payload, opts);
}
