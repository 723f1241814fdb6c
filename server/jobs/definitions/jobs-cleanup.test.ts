import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { uniqueJobId } from "../testing";
import { deleteExpiredRecords, MINUTE_JOBS } from "./jobs-cleanup";

// Open (and migrate) the database under the hook timeout, not a test's.
beforeAll(async () => {
  await db();
});

const DAY = 24 * 60 * 60 * 1000;

describe("jobs.cleanup", () => {
  it("deletes completed jobs after 30 days, old cron slots and sign-in attempts, and keeps the rest", async () => {
    const prisma = await db();
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const name = uniqueJobId("cleanup-target");
    await prisma.backgroundJob.createMany({
      data: [
        { name, payload: { keep: false }, status: "COMPLETED", completedAt: ago(31) },
        { name, payload: { keep: "recent" }, status: "COMPLETED", completedAt: ago(29) },
        { name, payload: { keep: "dead jobs stay for inspection" }, status: "DEAD", createdAt: ago(90) },
      ],
    });
    const cron = uniqueJobId("cleanup-cron");
    await prisma.cronSlot.createMany({ data: [{ jobName: cron, slot: ago(30) }, { jobName: cron, slot: ago(8) }, { jobName: cron, slot: ago(6) }] });
    const lonely = uniqueJobId("monthly");
    await prisma.cronSlot.create({ data: { jobName: lonely, slot: ago(20) } });
    const emailHash = uniqueJobId("hash");
    await prisma.loginAttempt.createMany({
      data: [
        { emailHash, success: false, createdAt: ago(2) },
        { emailHash, success: false, createdAt: new Date(now.getTime() - 60_000) },
      ],
    });

    const deleted = await deleteExpiredRecords(prisma, now);

    expect(deleted.jobs).toBeGreaterThanOrEqual(1);
    const jobs = await prisma.backgroundJob.findMany({ where: { name } });
    expect(jobs.map((j) => (j.payload as { keep: unknown }).keep).sort()).toEqual(["dead jobs stay for inspection", "recent"]);
    const slots = await prisma.cronSlot.findMany({ where: { jobName: cron } });
    expect(slots.map((s) => s.slot.getTime())).toEqual([ago(6).getTime()]);
    // A job's latest slot survives: after a restart the scheduler still knows when it last ran.
    expect(await prisma.cronSlot.count({ where: { jobName: lonely } })).toBe(1);
    expect(await prisma.loginAttempt.count({ where: { emailHash } })).toBe(1);
  });

  it("keeps the runs of the every-minute jobs for a day only", async () => {
    const prisma = await db();
    const now = new Date();
    const ago = (hours: number) => new Date(now.getTime() - hours * 60 * 60 * 1000);
    const marker = uniqueJobId("minute-run");
    await prisma.backgroundJob.createMany({
      data: [
        { name: MINUTE_JOBS[0], payload: { marker, keep: false }, status: "COMPLETED", completedAt: ago(25) },
        { name: MINUTE_JOBS[0], payload: { marker, keep: "recent" }, status: "COMPLETED", completedAt: ago(23) },
        { name: MINUTE_JOBS[0], payload: { marker, keep: "failed runs stay" }, status: "DEAD", createdAt: ago(48) },
      ],
    });

    await deleteExpiredRecords(prisma, now);

    const left = await prisma.backgroundJob.findMany({ where: { name: MINUTE_JOBS[0], payload: { path: ["marker"], equals: marker } } });
    expect(left.map((j) => (j.payload as { keep: unknown }).keep).sort()).toEqual(["failed runs stay", "recent"]);
  });
});
