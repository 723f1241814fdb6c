import { z } from "zod";
import { defineJob } from "../define";

// After every status change of an application (server/applications/transitions.ts): tell the
// citizen in the personal area and by email, for the actions the status table marks as
// notified. App IO and operator notifications will be further steps or jobs on the same event.

export const applicationStatusChangedJob = defineJob({
  id: "application.status_changed",
  name: "Notify an application's status change",
  trigger: { event: "application.status_changed" },
  schema: z.object({
    tenantId: z.string().min(1),
    applicationId: z.string().min(1),
    statusChangeId: z.string().min(1),
    from: z.number().int(),
    to: z.number().int(),
    action: z.string().min(1),
  }),
  maxAttempts: 10,
  handler: async ({ payload, step, log }) => {
    // Loaded lazily: the registry is imported by every caller of triggerJob (transitions.ts too).
    const { postStatusChangeMessage, queueStatusChangeEmail } = await import("@/server/applications/status-notification");
    const ref = { tenantId: payload.tenantId, statusChangeId: payload.statusChangeId, action: payload.action };
    const message = await step.run("post-area-message", () => postStatusChangeMessage(ref));
    const email = await step.run("queue-email", () => queueStatusChangeEmail(ref));
    log.info("application status change notified", { ...payload, ...message, ...email });
  },
});
