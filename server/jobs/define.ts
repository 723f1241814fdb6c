import type { z } from "zod";

// A job is defined once: id, trigger (event or cron), zod payload schema and a handler written
// with durable steps. Providers (server/jobs/providers/*) decide where it runs.

export type TJsonValue = string | number | boolean | null | TJsonValue[] | { [key: string]: TJsonValue };

/** `cron` takes 5 fields (or 6 with seconds, local provider only), optionally prefixed with a
 * time zone as Inngest writes it: "TZ=Europe/Rome 15 3 * * *". Cron jobs receive the payload {}. */
export type TJobTrigger = { event: string } | { cron: string };

/** Durable steps: a step that completed is not run again when the job is retried. */
export type TJobStep = {
  run<T extends TJsonValue | void>(stepId: string, fn: () => Promise<T>): Promise<T>;
  sleep(stepId: string, ms: number): Promise<void>;
};

export type TJobLogger = {
  info: (msg: string, data?: Record<string, unknown>) => void;
  warn: (msg: string, data?: Record<string, unknown>) => void;
  error: (msg: string, data?: Record<string, unknown>) => void;
};

export type TJobContext<P> = {
  payload: P;
  step: TJobStep;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  jobId: string;
  log: TJobLogger;
};

export type TJobDefinition<S extends z.ZodType = z.ZodType> = {
  id: string;
  /** Human-readable name, for logs and the Inngest dashboard. */
  name: string;
  trigger: TJobTrigger;
  schema: S;
  /** Attempts before the job is marked dead (default 5). */
  maxAttempts?: number;
  /** First retry delay of the local provider; doubles on each retry, with jitter (default 5 s). */
  retryBaseMs?: number;
  /** Most runs of this job at once (per worker with the local provider, global with Inngest). */
  concurrency?: number;
  handler: (ctx: TJobContext<z.output<S>>) => Promise<void>;
};

export function defineJob<S extends z.ZodType>(def: TJobDefinition<S>): TJobDefinition<S> {
  return def;
}
