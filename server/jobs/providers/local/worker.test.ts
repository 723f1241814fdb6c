import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/server/db/client";
import { createJobClient } from "../../client";
import { defineJob, type TJobDefinition } from "../../define";
import { silentJobLogger } from "../../logger";
import { uniqueJobId, waitFor } from "../../testing";
import { startLocalWorker, type TLocalWorker, type TLocalWorkerOptions } from "./worker";

// Open (and migrate) the database under the hook timeout, not a test's.
beforeAll(async () => {
  await db();
});

const workers: TLocalWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

function start(definitions: TJobDefinition[], opts: TLocalWorkerOptions = {}) {
  const worker = startLocalWorker({ definitions, pollMs: 20, retryBaseMs: 5, cron: false, logger: silentJobLogger, ...opts });
  workers.push(worker);
  return worker;
}

async function trigger(def: TJobDefinition, payload: unknown) {
  await createJobClient({ definitions: [def], provider: "local" }).triggerJob(def.id, payload);
}

async function jobsOf(def: TJobDefinition) {
  return (await db()).backgroundJob.findMany({ where: { name: def.id }, include: { steps: true } });
}

async function settled(def: TJobDefinition, status: "COMPLETED" | "DEAD", count = 1) {
  await waitFor(async () => (await jobsOf(def)).filter((j) => j.status === status).length === count, `${count} ${status} job(s)`);
  return jobsOf(def);
}

describe("local worker", () => {
  it("retries a handler that fails twice, then completes it without re-running finished steps", async () => {
    let handlerRuns = 0;
    let firstStepRuns = 0;
    const id = uniqueJobId("flaky");
    const def = defineJob({
      id,
      name: "flaky",
      trigger: { event: id },
      schema: z.object({ to: z.string() }),
      handler: async ({ step, attempt }) => {
        handlerRuns++;
        const rendered = await step.run("render", async () => {
          firstStepRuns++;
          return { subject: "Ricevuta" };
        });
        expect(rendered).toEqual({ subject: "Ricevuta" });
        if (attempt < 3) throw new Error(`SMTP down (attempt ${attempt})`);
      },
    });
    await trigger(def, { to: "a@example.test" });
    start([def]);

    const [job] = await settled(def, "COMPLETED");
    expect(job!.attempts).toBe(3);
    expect(job!.completedAt).not.toBeNull();
    expect(job!.lastError).toBeNull();
    expect(handlerRuns).toBe(3);
    expect(firstStepRuns).toBe(1);
    expect(job!.steps.map((s) => s.stepId)).toEqual(["render"]);
  });

  it("marks a job that always fails DEAD after maxAttempts, with the last error", async () => {
    let runs = 0;
    const id = uniqueJobId("doomed");
    const def = defineJob({
      id,
      name: "doomed",
      trigger: { event: id },
      schema: z.object({}),
      maxAttempts: 3,
      handler: async () => {
        runs++;
        throw new Error(`mailbox unavailable #${runs}`);
      },
    });
    await trigger(def, {});
    start([def]);

    const [job] = await settled(def, "DEAD");
    expect(job!.attempts).toBe(3);
    expect(job!.lastError).toContain("mailbox unavailable #3");
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBe(3);
  });

  it("runs each of 50 jobs exactly once with two workers competing", async () => {
    const executions: number[] = [];
    const id = uniqueJobId("many");
    const def = defineJob({
      id,
      name: "many",
      trigger: { event: id },
      schema: z.object({ i: z.number() }),
      handler: async ({ payload, step }) => {
        await step.run("work", async () => {
          await new Promise((r) => setTimeout(r, 2));
          executions.push(payload.i);
        });
      },
    });
    const client = createJobClient({ definitions: [def], provider: "local" });
    for (let i = 0; i < 50; i++) await client.triggerJob(id, { i });
    start([def], { workerId: "worker-a", concurrency: 4 });
    start([def], { workerId: "worker-b", concurrency: 4 });

    await settled(def, "COMPLETED", 50);
    expect(executions).toHaveLength(50);
    expect(new Set(executions).size).toBe(50);
    expect((await jobsOf(def)).every((j) => j.attempts === 1)).toBe(true);
  });

  it("never runs more copies of a job at once than its concurrency allows", async () => {
    let running = 0;
    let maxRunning = 0;
    const id = uniqueJobId("serial");
    const def = defineJob({
      id,
      name: "serial",
      trigger: { event: id },
      schema: z.object({ i: z.number() }),
      concurrency: 1,
      handler: async () => {
        maxRunning = Math.max(maxRunning, ++running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
      },
    });
    const client = createJobClient({ definitions: [def], provider: "local" });
    for (let i = 0; i < 5; i++) await client.triggerJob(id, { i });
    start([def], { concurrency: 4 });
    await settled(def, "COMPLETED", 5);
    expect(maxRunning).toBe(1);
  });

  it("sleeps by rescheduling the job, not by holding the worker", async () => {
    const id = uniqueJobId("sleepy");
    const otherId = uniqueJobId("other");
    let beforeRuns = 0;
    const def = defineJob({
      id,
      name: "sleepy",
      trigger: { event: id },
      schema: z.object({}),
      handler: async ({ step }) => {
        await step.run("before", async () => void beforeRuns++);
        await step.sleep("reminder-delay", 1_000);
        await step.run("after", async () => {});
      },
    });
    const other = defineJob({ id: otherId, name: "other", trigger: { event: otherId }, schema: z.object({}), handler: async () => {} });
    await trigger(def, {});
    start([def, other], { concurrency: 1 });

    await waitFor(async () => (await jobsOf(def))[0]?.status === "PENDING" && (await jobsOf(def))[0]!.steps.length === 2, "the job to sleep");
    // The only slot of the worker is free while the first job sleeps.
    await trigger(other, {});
    await settled(other, "COMPLETED");
    expect((await jobsOf(def))[0]!.status).toBe("PENDING");

    const [job] = await settled(def, "COMPLETED");
    expect(job!.attempts).toBe(1);
    expect(beforeRuns).toBe(1);
    expect(job!.steps.map((s) => s.stepId).sort()).toEqual(["after", "before", "reminder-delay"]);
  });

  it("takes over a job whose worker died while running it", async () => {
    const id = uniqueJobId("orphan");
    const def = defineJob({ id, name: "orphan", trigger: { event: id }, schema: z.object({}), handler: async () => {} });
    const prisma = await db();
    await prisma.backgroundJob.create({
      data: { name: id, payload: {}, status: "PROCESSING", attempts: 1, lockedBy: "crashed", lockedAt: new Date(Date.now() - 60_000) },
    });
    start([def], { lockTimeoutMs: 30_000 });

    const [job] = await settled(def, "COMPLETED");
    expect(job!.attempts).toBe(2);
  });

  it("gives up on a job whose worker died during its last attempt, instead of looping", async () => {
    const id = uniqueJobId("crasher");
    let runs = 0;
    const def = defineJob({ id, name: "crasher", trigger: { event: id }, schema: z.object({}), maxAttempts: 2, handler: async () => void runs++ });
    const prisma = await db();
    await prisma.backgroundJob.create({
      data: { name: id, payload: {}, status: "PROCESSING", attempts: 2, maxAttempts: 2, lockedBy: "crashed", lockedAt: new Date(Date.now() - 60_000) },
    });
    start([def], { lockTimeoutMs: 30_000 });

    const [job] = await settled(def, "DEAD");
    expect(job!.lastError).toContain("Worker stopped during the last attempt");
    expect(runs).toBe(0);
  });

  it("leaves a freshly locked job to its worker", async () => {
    const id = uniqueJobId("busy");
    let runs = 0;
    const def = defineJob({ id, name: "busy", trigger: { event: id }, schema: z.object({}), handler: async () => void runs++ });
    const prisma = await db();
    await prisma.backgroundJob.create({
      data: { name: id, payload: {}, status: "PROCESSING", attempts: 1, lockedBy: "alive", lockedAt: new Date() },
    });
    start([def], { lockTimeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toBe(0);
  });

  it("starts a job triggered in the same process at once, without waiting for the next poll", async () => {
    const id = uniqueJobId("prompt");
    const def = defineJob({ id, name: "prompt", trigger: { event: id }, schema: z.object({}), handler: async () => {} });
    start([def], { pollMs: 60_000 });
    await new Promise((r) => setTimeout(r, 200)); // the worker found nothing and waits for a minute
    const t0 = Date.now();
    await trigger(def, {});
    await settled(def, "COMPLETED");
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it("fires a cron job from the worker's scheduler", async () => {
    const id = uniqueJobId("every-second");
    let runs = 0;
    const def = defineJob({ id, name: "every second", trigger: { cron: "* * * * * *" }, schema: z.object({}), handler: async () => void runs++ });
    start([def], { cron: true, cronTickMs: 50 });
    await waitFor(async () => runs >= 1, "a cron run", 5_000);
    const slots = await (await db()).cronSlot.findMany({ where: { jobName: id } });
    expect(slots.length).toBeGreaterThanOrEqual(1);
  });
});
