import { z } from "zod";
import { defineJob } from "../define";

// Every night: remind applicants of drafts that will be deleted in 30 days, and delete the
// drafts whose date has passed (server/applications/draft-retention.ts). The run's time is a
// step, so a retried run works with the same date as the first attempt.

export const draftsRetentionJob = defineJob({
  id: "drafts.retention",
  name: "Remind and delete expiring drafts",
  trigger: { cron: "TZ=Europe/Rome 45 3 * * *" },
  schema: z.object({}),
  maxAttempts: 3,
  handler: async ({ step, log }) => {
    // Loaded lazily: the registry is imported by every caller of triggerJob.
    const { runDraftRetention } = await import("@/server/applications/draft-retention");
    const startedAt = await step.run("started-at", async () => new Date().toISOString());
    const totals = await runDraftRetention({ now: new Date(startedAt), step, log });
    log.info("drafts retention done", totals);
  },
});
