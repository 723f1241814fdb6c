import { defineJob } from "../../define";
import { inngest } from "./client";
import { INNGEST_RELAY_JOB_ID, INNGEST_RELAY_MAX_ATTEMPTS, ZInngestRelayPayloadSchema } from "./relay-payload";

// With JOBS_PROVIDER=inngest the local worker runs only this job: it forwards each outbox row
// written by triggerJob to Inngest. The row commits with the business write and stays until
// Inngest accepted the event, so an Inngest outage delays notifications instead of losing them.
export const inngestRelayJob = defineJob({
  id: INNGEST_RELAY_JOB_ID,
  name: "Forward an event to Inngest",
  // Never triggered by an event name: triggerJob writes these rows directly.
  trigger: { event: `${INNGEST_RELAY_JOB_ID}.internal` },
  schema: ZInngestRelayPayloadSchema,
  maxAttempts: INNGEST_RELAY_MAX_ATTEMPTS,
  handler: async ({ payload }) => {
    await inngest.send({ id: payload.eventId, name: payload.event, data: payload.data });
  },
});
