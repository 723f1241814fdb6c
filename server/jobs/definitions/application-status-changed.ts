import { z } from "zod";
import { defineJob } from "../define";

// After every status change of an application (server/applications/transitions.ts): tell the
// citizen in the personal area, by email and on App IO, for the actions the status table marks
// as notified. Operator notifications will be further steps or jobs on the same event.

/** The event's payload, as applyTransition sends it; every job on this event reads it. */
export const ZStatusChangedPayload = z.object({
  tenantId: z.string().min(1),
  applicationId: z.string().min(1),
  statusChangeId: z.string().min(1),
  from: z.number().int(),
  to: z.number().int(),
  action: z.string().min(1),
});

export const applicationStatusChangedJob = defineJob({
  id: "application.status_changed",
  name: "Notify an application's status change",
  trigger: { event: "application.status_changed" },
  schema: ZStatusChangedPayload,
  maxAttempts: 10,
  handler: async ({ payload, step, log }) => {
    // Loaded lazily: the registry is imported by every caller of triggerJob (transitions.ts too).
    const { postStatusChangeMessage, queueStatusChangeEmail } = await import("@/server/applications/status-notification");
    const ref = { tenantId: payload.tenantId, statusChangeId: payload.statusChangeId, action: payload.action };
    const message = await step.run("post-area-message", () => postStatusChangeMessage(ref));
    const email = await step.run("queue-email", () => queueStatusChangeEmail(ref));
    // App IO: a 429/5xx throws (the job retries from here); anything else is recorded as the result.
    const { sendStatusChangeToAppIo } = await import("@/server/appio/status-change");
    const appIo = await step.run("send-app-io", () => sendStatusChangeToAppIo(ref));
    if (appIo.status === "rejected" || appIo.status === "keyUnreadable") log.warn("App IO refused the notice for good", { ...ref, ...appIo });
    log.info("application status change notified", { ...payload, ...message, ...email, appIo: `${appIo.channel}:${appIo.status}` });
  },
});
