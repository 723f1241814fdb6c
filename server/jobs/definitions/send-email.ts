import { z } from "zod";
import { defineJob } from "../define";

// Delivers one OutboundEmail row (queued by queueEmail in server/email/send.ts). A failed SMTP
// delivery throws, so the job is retried with backoff; the row records every attempt.

export const SEND_EMAIL_MAX_ATTEMPTS = 8;

export const sendEmailJob = defineJob({
  id: "email.send",
  name: "Send an email",
  trigger: { event: "email.send" },
  schema: z.object({ emailId: z.string().min(1) }),
  maxAttempts: SEND_EMAIL_MAX_ATTEMPTS,
  handler: async ({ payload, step, attempt, log }) => {
    // Loaded lazily: the job registry is imported by every caller of triggerJob, and rendering
    // pulls in React Email and nodemailer.
    const { deliverQueuedEmail } = await import("@/server/email/deliver");
    const result = await step.run("deliver", async () =>
      deliverQueuedEmail({ emailId: payload.emailId, isLastAttempt: attempt >= SEND_EMAIL_MAX_ATTEMPTS }),
    );
    log.info(`email ${result.status}`, { emailId: payload.emailId, ...result });
  },
});
