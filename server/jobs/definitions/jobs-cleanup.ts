import { z } from "zod";
import type { PrismaClient } from "@/server/db/generated/client";
import { deleteAbandonedMessageUploads } from "@/server/conversation/attachments";
import { db } from "@/server/db/client";
import { defineJob } from "../define";

// Nightly housekeeping of the tables that only grow: finished jobs, fired cron slots, sign-in
// attempts (kept just long enough for rate limiting) and message uploads never sent.

const DAY_MS = 24 * 60 * 60 * 1000;

export const RETENTION = {
  completedJobsDays: 30,
  /** Runs of the every-minute jobs (1,440 a day): a day is enough to see that they run. */
  minuteJobsDays: 1,
  cronSlotsDays: 7,
  loginAttemptsDays: 1,
} as const;

/** Jobs that run every minute; their completed runs are kept for RETENTION.minuteJobsDays. */
export const MINUTE_JOBS = ["services.schedule"] as const;

/** Deletes expired rows; returns how many of each kind. */
export async function deleteExpiredRecords(prisma: PrismaClient, now = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const jobs = await prisma.backgroundJob.deleteMany({
    where: {
      status: "COMPLETED",
      OR: [
        { completedAt: { lt: before(RETENTION.completedJobsDays) } },
        { name: { in: [...MINUTE_JOBS] }, completedAt: { lt: before(RETENTION.minuteJobsDays) } },
      ],
    },
  });
  // Keep each job's latest slot: the scheduler reads it after a restart to catch up a missed slot.
  const cronSlots = await prisma.$executeRaw`
    DELETE FROM "CronSlot" c
    WHERE c."slot" < ${before(RETENTION.cronSlotsDays).toISOString()}::timestamp(3)
      AND c."slot" < (SELECT max(l."slot") FROM "CronSlot" l WHERE l."jobName" = c."jobName")`;
  const loginAttempts = await prisma.loginAttempt.deleteMany({
    where: { createdAt: { lt: before(RETENTION.loginAttemptsDays) } },
  });
  return { jobs: jobs.count, cronSlots, loginAttempts: loginAttempts.count };
}

export const jobsCleanupJob = defineJob({
  id: "jobs.cleanup",
  name: "Delete expired jobs, cron slots, sign-in attempts and unsent message uploads",
  trigger: { cron: "TZ=Europe/Rome 15 3 * * *" },
  schema: z.object({}),
  maxAttempts: 3,
  handler: async ({ step, log }) => {
    const deleted = await step.run("delete-expired-records", async () => deleteExpiredRecords(await db()));
    const abandonedUploads = await step.run("delete-abandoned-message-uploads", async () => deleteAbandonedMessageUploads());
    log.info("cleanup done", { ...deleted, abandonedUploads });
  },
});
