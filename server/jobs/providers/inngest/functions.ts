import { NonRetriableError, type Inngest } from "inngest";
import type { TJobDefinition, TJobLogger, TJobStep, TJsonValue } from "../../define";
import { DEFAULT_MAX_ATTEMPTS } from "../../outbox";

// One Inngest function per job definition: same id, trigger, retries and handler; our durable
// steps map one-to-one onto Inngest's step.run / step.sleep, which memoise them on Inngest's side.

type TRetries = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20;

/** Inngest counts retries (per step), we count attempts (per job). */
function toRetries(maxAttempts = DEFAULT_MAX_ATTEMPTS): TRetries {
  return Math.min(20, Math.max(0, maxAttempts - 1)) as TRetries;
}

type TInngestStep = {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
  sleep: (id: string, time: number) => Promise<void>;
};

type TInngestLogger = Record<"info" | "warn" | "error", (...args: unknown[]) => void>;

function toJobStep(step: TInngestStep): TJobStep {
  return {
    run: <T extends TJsonValue | void>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T>,
    sleep: (id, ms) => step.sleep(id, ms),
  };
}

function toJobLogger(logger: TInngestLogger): TJobLogger {
  return {
    info: (msg, data) => logger.info(msg, data ?? {}),
    warn: (msg, data) => logger.warn(msg, data ?? {}),
    error: (msg, data) => logger.error(msg, data ?? {}),
  };
}

export function createInngestFunction(client: Inngest, def: TJobDefinition) {
  const trigger = "cron" in def.trigger ? { cron: def.trigger.cron } : { event: def.trigger.event };
  return client.createFunction(
    {
      id: def.id,
      name: def.name,
      triggers: [trigger],
      retries: toRetries(def.maxAttempts),
      ...(def.concurrency ? { concurrency: { limit: def.concurrency } } : {}),
    },
    async ({ event, step, attempt, runId, logger }) => {
      // Cron runs receive {} like with the local provider.
      const parsed = def.schema.safeParse("cron" in def.trigger ? {} : event.data);
      if (!parsed.success) throw new NonRetriableError(`Invalid payload for job "${def.id}"`, { cause: parsed.error });
      await def.handler({
        payload: parsed.data,
        step: toJobStep(step as unknown as TInngestStep),
        attempt: attempt + 1,
        jobId: runId,
        log: toJobLogger(logger as unknown as TInngestLogger),
      });
    },
  );
}

export function createInngestFunctions(client: Inngest, definitions: readonly TJobDefinition[]) {
  return definitions.map((def) => createInngestFunction(client, def));
}
