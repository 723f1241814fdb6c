import { z } from "zod";

/** A message or document pushed by an external system landed in a citizen's area: the job
 * inbound.app-io sends its App IO notice. */
export const INBOUND_APP_IO_EVENT = "inbound.delivered";
export const ZInboundAppIoPayload = z.object({ tenantId: z.string().min(1), messageId: z.string().min(1), link: z.enum(["message", "documents"]) });
export type TInboundAppIoPayload = z.infer<typeof ZInboundAppIoPayload>;
