import type { PrismaClient } from "@/server/db/generated/client";
import type { TJobDefinition, TJobLogger } from "../../define";
import { childLogger, errorMessage } from "../../logger";
import { DEFAULT_RETRY_BASE_MS, DEFAULT_RETRY_MAX_MS, retryDelayMs } from "./backoff";
import type { TClaimedJob } from "./claim";
import { createDurableStep, loadStepResults } from "./steps";

// Runs one claimed job to its next state: COMPLETED, FAILED (retry later with backoff), DEAD
// (attempts used up) or PENDING again (it asked to sleep). Every update is fenced on
// lockedBy = this worker, so a worker whose lock expired cannot overwrite the job's new owner.

export type TJobOutcome = "completed" | "retry" | "dead" | "sleeping";

export type TRunJobOptions = {
  workerId: string;
  logger: TJobLogger;
  /** Overrides every definition's retryBaseMs (tests). */
  retryBaseMs?: number;
  retryMaxMs?: number;
};

export async function runClaimedJob(
  prisma: PrismaClient,
  job: TClaimedJob,
  def: TJobDefinition,
  opts: TRunJobOptions,
): Promise<TJobOutcome> {
  const log = childLogger(opts.logger, { jobId: job.id, job: job.name, attempt: job.attempts });
  const owned = { id: job.id, lockedBy: opts.workerId, status: "PROCESSING" as const };
  const release = { lockedAt: null, lockedBy: null };

  const fail = async (error: unknown, retriable: boolean): Promise<TJobOutcome> => {
    const lastError = errorMessage(error);
    if (!retriable || job.attempts >= job.maxAttempts) {
      await prisma.backgroundJob.updateMany({ where: owned, data: { status: "DEAD", lastError, ...release } });
      log.error("job dead", { error: lastError });
      return "dead";
    }
    const delay = retryDelayMs(
      job.attempts,
      opts.retryBaseMs ?? def.retryBaseMs ?? DEFAULT_RETRY_BASE_MS,
      opts.retryMaxMs ?? DEFAULT_RETRY_MAX_MS,
    );
    await prisma.backgroundJob.updateMany({
      where: owned,
      data: { status: "FAILED", lastError, runAt: new Date(Date.now() + delay), ...release },
    });
    log.warn("job failed, will retry", { error: lastError, retryInMs: delay });
    return "retry";
  };

  // A job that was claimed again after its worker died on the last attempt (for instance the
  // handler crashes the process) must not loop forever.
  if (job.attempts > job.maxAttempts) return fail(new Error("Worker stopped during the last attempt"), false);

  const parsed = def.schema.safeParse(job.payload);
  if (!parsed.success) return fail(parsed.error, false);

  const durable = createDurableStep(prisma, job.id, await loadStepResults(prisma, job.id));
  let error: unknown = null;
  try {
    await def.handler({ payload: parsed.data, step: durable.step, attempt: job.attempts, jobId: job.id, log });
  } catch (e) {
    error = e ?? new Error("Job handler threw a nullish value");
  }

  const sleepUntil = durable.sleepUntil();
  if (sleepUntil) {
    // Sleeping is not a failed attempt: give the attempt back.
    await prisma.backgroundJob.updateMany({
      where: owned,
      data: { status: "PENDING", runAt: sleepUntil, attempts: { decrement: 1 }, ...release },
    });
    return "sleeping";
  }
  if (error !== null) return fail(error, true);

  await prisma.backgroundJob.updateMany({
    where: owned,
    data: { status: "COMPLETED", completedAt: new Date(), lastError: null, ...release },
  });
  log.info("job completed");
  return "completed";
}
