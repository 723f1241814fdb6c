import { z } from "zod";
import { defineJob } from "../define";

// Every minute: open the scheduled services whose opening time has come and close those whose
// closing time has passed (server/services/scheduler.ts). A service set to open at 09:00 is
// PUBLISHED by the 09:00 run (the local worker fires a slot within a second of its minute); the
// citizens' checks don't wait for it (service-window.ts judges by the dates themselves).

export const servicesScheduleJob = defineJob({
  id: "services.schedule",
  name: "Open and close services at their scheduled dates",
  trigger: { cron: "TZ=Europe/Rome * * * * *" },
  schema: z.object({}),
  maxAttempts: 2,
  // One run at a time: a slow run is never overtaken by the next minute's.
  concurrency: 1,
  handler: async ({ step, log }) => {
    // Loaded lazily: the registry is imported by every caller of triggerJob.
    const { runServiceSchedule } = await import("@/server/services/scheduler");
    const result = await step.run("open-and-close", async () => runServiceSchedule({ now: new Date() }));
    if (result.opened > 0 || result.closed > 0) log.info("services schedule done", result);
  },
});
