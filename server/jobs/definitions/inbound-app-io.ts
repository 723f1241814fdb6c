import { INBOUND_APP_IO_EVENT, ZInboundAppIoPayload } from "@/server/api/v1/inbound-events";
import { defineJob } from "../define";

// The App IO notice of a message or document an external system pushed into a citizen's area
// (POST /api/v1/citizens/{fiscalCode}/…). Retryable IO failures (429, 5xx, no answer) throw and
// the job runs again; other outcomes are recorded as the step's result.

export const inboundAppIoJob = defineJob({
  id: "inbound.app-io",
  name: "App IO notice of an inbound message or document",
  trigger: { event: INBOUND_APP_IO_EVENT },
  schema: ZInboundAppIoPayload,
  maxAttempts: 8,
  handler: async ({ payload, step, log }) => {
    const { sendInboundAppIo } = await import("@/server/api/v1/inbound-delivery");
    const outcome = await step.run("send-app-io", async () => (await sendInboundAppIo(payload)) ?? { channel: "none", status: "noCitizen" });
    log.info("inbound App IO notice", { ...payload, ...outcome });
  },
});
