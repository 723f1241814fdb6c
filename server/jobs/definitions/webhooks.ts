import { defineJob } from "../define";
import { MESSAGE_CREATED_EVENT, ZMessageCreatedPayload } from "@/server/webhooks/events";

// Webhooks: fan-out of events to the subscribed endpoints, and delivery. (Being built.)

export const messageCreatedWebhookJob = defineJob({
  id: "webhooks.message-created",
  name: "Webhooks: message.created",
  trigger: { event: MESSAGE_CREATED_EVENT },
  schema: ZMessageCreatedPayload,
  handler: async () => {},
});
