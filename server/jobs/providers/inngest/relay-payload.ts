import { z } from "zod";

// With JOBS_PROVIDER=inngest, triggerJob writes one outbox row per event under this job name;
// the local worker (in relay mode) forwards it to Inngest with inngest.send. Kept apart from
// relay-job.ts so that triggering a job does not load the Inngest SDK.

export const INNGEST_RELAY_JOB_ID = "inngest.relay";
/** With backoff capped at an hour: about half a day of Inngest being unreachable before DEAD. */
export const INNGEST_RELAY_MAX_ATTEMPTS = 20;

export const ZInngestRelayPayloadSchema = z.object({
  /** Inngest event id: Inngest ignores a second event with the same id (24 h), so a relay that
   * crashed after sending and retries does not deliver twice. */
  eventId: z.string().min(1),
  event: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});

export type TInngestRelayPayload = z.infer<typeof ZInngestRelayPayloadSchema>;
