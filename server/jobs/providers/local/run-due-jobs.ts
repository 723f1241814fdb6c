import { db } from "@/server/db/client";
import type { TJobDefinition, TJobLogger } from "../../define";
import { createJobLogger } from "../../logger";
import { jobRegistry } from "../../registry";
import { inngestRelayJob } from "../inngest/relay-job";
import { claimNextJob } from "./claim";
import { runClaimedJob, type TJobOutcome } from "./run-job";

// Runs jobs in the calling process, for tests and scripts that need a job's effect (an email in
// the sink) without starting a worker.

type TRunOptions = { definitions?: readonly TJobDefinition[]; retryBaseMs?: number; logger?: TJobLogger };

const LOCK_TIMEOUT_MS = 5 * 60 * 1000;

function setup(opts: TRunOptions) {
  const definitions = opts.definitions ?? [...jobRegistry, inngestRelayJob];
  return {
    byName: new Map(definitions.map((d) => [d.id, d])),
    logger: opts.logger ?? createJobLogger({ workerId: "in-process" }),
    workerId: `in-process:${process.pid}`,
  };
}

/** Runs every due job (of `definitions`, default all) one after the other; returns their outcomes. */
export async function runDueJobs(opts: TRunOptions & { limit?: number } = {}): Promise<TJobOutcome[]> {
  const prisma = await db();
  const { byName, logger, workerId } = setup(opts);
  const outcomes: TJobOutcome[] = [];
  while (outcomes.length < (opts.limit ?? 1000)) {
    const job = await claimNextJob(prisma, { workerId, names: [...byName.keys()], lockTimeoutMs: LOCK_TIMEOUT_MS });
    if (!job) break;
    outcomes.push(await runClaimedJob(prisma, job, byName.get(job.name)!, { workerId, logger, retryBaseMs: opts.retryBaseMs }));
  }
  return outcomes;
}

/** Runs one job now, even if it is scheduled later or waiting to retry; null if it is not runnable
 * (completed, dead, running elsewhere) or unknown. */
export async function runJobNow(jobId: string, opts: TRunOptions = {}): Promise<TJobOutcome | null> {
  const prisma = await db();
  const { byName, logger, workerId } = setup(opts);
  const job = await claimNextJob(prisma, { workerId, id: jobId, lockTimeoutMs: LOCK_TIMEOUT_MS });
  if (!job) return null;
  const def = byName.get(job.name);
  if (!def) {
    // Give the claim back untouched: this process does not know the job.
    await prisma.backgroundJob.updateMany({
      where: { id: job.id, lockedBy: workerId },
      data: { status: "PENDING", attempts: { decrement: 1 }, lockedAt: null, lockedBy: null },
    });
    return null;
  }
  return runClaimedJob(prisma, job, def, { workerId, logger, retryBaseMs: opts.retryBaseMs });
}
