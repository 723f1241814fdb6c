import os from "node:os";
import { randomUUID } from "node:crypto";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import type { TJobDefinition, TJobLogger } from "../../define";
import { createJobLogger, errorMessage } from "../../logger";
import { jobRegistry } from "../../registry";
import { onJobsEnqueued } from "../../wake";
import { inngestRelayJob } from "../inngest/relay-job";
import { claimNextJob, type TClaimedJob } from "./claim";
import { createCronScheduler } from "./cron-scheduler";
import { runClaimedJob } from "./run-job";
import { WakeSignal } from "./signal";

// The local job worker, started inside the app process (instrumentation.ts). It polls the
// BackgroundJob table, runs up to `concurrency` jobs at once and fires cron slots. Several
// workers (threads of one process or other app instances) can run against the same database.

export type TLocalWorkerOptions = {
  /** Jobs run at once by this worker (default 4). */
  concurrency?: number;
  /** Idle poll interval (default 500 ms); a trigger in this process wakes the worker at once. */
  pollMs?: number;
  workerId?: string;
  /** Default: the registry; with JOBS_PROVIDER=inngest only the relay that forwards events. */
  definitions?: readonly TJobDefinition[];
  /** Fire cron jobs (default true). */
  cron?: boolean;
  cronTickMs?: number;
  /** A PROCESSING job locked longer than this is taken over (default 5 min); running jobs renew their lock. */
  lockTimeoutMs?: number;
  /** Overrides every definition's retryBaseMs (tests). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  logger?: TJobLogger;
};

export type TLocalWorker = { stop(): Promise<void> };

function defaultDefinitions(): readonly TJobDefinition[] {
  // With Inngest the jobs run there; this process only relays the outbox rows to it.
  return env().JOBS_PROVIDER === "inngest" ? [inngestRelayJob] : jobRegistry;
}

export function startLocalWorker(opts: TLocalWorkerOptions = {}): TLocalWorker {
  const definitions = opts.definitions ?? defaultDefinitions();
  const byName = new Map(definitions.map((d) => [d.id, d]));
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const pollMs = opts.pollMs ?? 500;
  const lockTimeoutMs = opts.lockTimeoutMs ?? 5 * 60 * 1000;
  const workerId = opts.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const logger = opts.logger ?? createJobLogger({ workerId });

  const wake = new WakeSignal();
  const inflight = new Map<string, { name: string; done: Promise<void> }>();
  const timers: ReturnType<typeof setInterval>[] = [];
  let stopped = false;
  const unsubscribe = onJobsEnqueued(() => wake.notify());

  const runningCount = (name: string) => [...inflight.values()].filter((j) => j.name === name).length;
  // Definitions with a concurrency limit are left out of the claim while at their limit.
  const claimableNames = () =>
    definitions.filter((d) => d.concurrency === undefined || runningCount(d.id) < d.concurrency).map((d) => d.id);

  const start = (job: TClaimedJob, run: () => Promise<unknown>) => {
    const done = run()
      .catch((e: unknown) => logger.error("job run crashed", { jobId: job.id, error: errorMessage(e) }))
      .then(() => {
        inflight.delete(job.id);
        wake.notify();
      });
    inflight.set(job.id, { name: job.name, done });
  };

  let ticking: Promise<unknown> | null = null;

  const loop = (async () => {
    const prisma = await db();
    if (stopped) return;

    // Renew the locks of running jobs, so a long job is not mistaken for an abandoned one.
    timers.push(
      setInterval(() => {
        if (inflight.size === 0) return;
        prisma.backgroundJob
          .updateMany({ where: { id: { in: [...inflight.keys()] }, lockedBy: workerId }, data: { lockedAt: new Date() } })
          .catch((e: unknown) => logger.warn("lock renewal failed", { error: String(e) }));
      }, Math.max(50, Math.floor(lockTimeoutMs / 3))),
    );

    if (opts.cron ?? true) {
      const scheduler = createCronScheduler(prisma, definitions, logger);
      const tick = () => {
        if (ticking || stopped) return;
        ticking = scheduler
          .tick()
          .then((fired) => fired > 0 && wake.notify())
          .finally(() => (ticking = null));
      };
      tick();
      timers.push(setInterval(tick, opts.cronTickMs ?? 1000));
    }

    while (!stopped) {
      try {
        while (!stopped && inflight.size < concurrency) {
          const job = await claimNextJob(prisma, { workerId, names: claimableNames(), lockTimeoutMs });
          if (!job) break;
          const def = byName.get(job.name)!; // claimed by name from this list
          start(job, () => runClaimedJob(prisma, job, def, { workerId, logger, retryBaseMs: opts.retryBaseMs, retryMaxMs: opts.retryMaxMs }));
        }
      } catch (e) {
        if (!stopped) logger.error("job claim failed", { error: errorMessage(e) });
      }
      if (!stopped) await wake.wait(pollMs);
    }
  })().catch((e: unknown) => logger.error("job worker stopped", { error: errorMessage(e) }));

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      for (const t of timers) clearInterval(t);
      wake.notify();
      await loop;
      await ticking;
      // Let running jobs finish: an interrupted one would wait for the lock timeout.
      await Promise.all([...inflight.values()].map((j) => j.done));
    },
  };
}
