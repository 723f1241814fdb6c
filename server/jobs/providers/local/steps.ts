import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import type { TJobStep, TJsonValue } from "../../define";

// Durable steps for the local provider. A completed step.run is stored in BackgroundJobStep and
// returns its stored result when the job runs again (retry or after a sleep). step.sleep stores
// its wake-up time and ends the run; the worker reschedules the job for then.

type TSleepRecord = { sleepUntil: string };

export class JobSleepSignal extends Error {
  constructor(readonly until: Date) {
    super(`Job sleeps until ${until.toISOString()}`);
    this.name = "JobSleepSignal";
  }
}

export type TDurableStep = {
  step: TJobStep;
  /** Set when the handler asked to sleep (even if it swallowed the signal). */
  sleepUntil: () => Date | null;
};

export async function loadStepResults(prisma: PrismaClient, jobId: string): Promise<Map<string, unknown>> {
  const rows = await prisma.backgroundJobStep.findMany({ where: { jobId }, select: { stepId: true, result: true } });
  return new Map(rows.map((r) => [r.stepId, r.result]));
}

export function createDurableStep(prisma: PrismaClient, jobId: string, memo: Map<string, unknown>): TDurableStep {
  let sleepUntil: Date | null = null;
  const seen = new Map<string, number>();

  // Like Inngest, a step id used again in the same run (a loop) becomes "id:1", "id:2"…
  const uniqueId = (stepId: string) => {
    const n = seen.get(stepId) ?? 0;
    seen.set(stepId, n + 1);
    return n === 0 ? stepId : `${stepId}:${n}`;
  };

  const save = async (stepId: string, result: unknown) => {
    const json = result === undefined ? Prisma.DbNull : result === null ? Prisma.JsonNull : (result as Prisma.InputJsonValue);
    // skipDuplicates: a worker that lost its lock may race the one that took the job over.
    await prisma.backgroundJobStep.createMany({ data: [{ jobId, stepId, result: json }], skipDuplicates: true });
    memo.set(stepId, result ?? null);
  };

  const step: TJobStep = {
    async run<T extends TJsonValue | void>(stepId: string, fn: () => Promise<T>): Promise<T> {
      const id = uniqueId(stepId);
      if (memo.has(id)) return memo.get(id) as T;
      const result = await fn();
      // Store what a replay would read back (JSON), so both paths return the same value.
      const json: unknown = result === undefined ? undefined : JSON.parse(JSON.stringify(result));
      await save(id, json);
      return json as T;
    },
    async sleep(stepId: string, ms: number): Promise<void> {
      const id = uniqueId(stepId);
      const stored = memo.get(id) as TSleepRecord | undefined;
      const until = stored ? new Date(stored.sleepUntil) : new Date(Date.now() + ms);
      if (until.getTime() <= Date.now()) return;
      if (!stored) await save(id, { sleepUntil: until.toISOString() } satisfies TSleepRecord);
      sleepUntil = until;
      throw new JobSleepSignal(until);
    },
  };
  return { step, sleepUntil: () => sleepUntil };
}
