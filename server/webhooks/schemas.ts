import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./events";

// The webhook endpoint form's values, checked the same way in the browser and on the server
// (the server adds the address checks of url-guard.ts). Messages are i18n keys of "webhooks".

export const WEBHOOK_DESCRIPTION_MAX = 200;

export const ZWebhookEndpointValues = z.object({
  url: z.string().trim().min(1, "webhooks.errors.urlRequired").max(2000, "webhooks.errors.urlTooLong"),
  description: z
    .string()
    .trim()
    .max(WEBHOOK_DESCRIPTION_MAX, "webhooks.errors.descriptionTooLong")
    .optional()
    .transform((v) => v || null),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "webhooks.errors.eventsRequired"),
});
export type TWebhookEndpointValuesInput = z.input<typeof ZWebhookEndpointValues>;
export type TWebhookEndpointValues = z.output<typeof ZWebhookEndpointValues>;

export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "SUCCEEDED", "FAILED"] as const;
export type TWebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
