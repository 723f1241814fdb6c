import type { Prisma } from "@/server/db/generated/client";
import { triggerJob } from "@/server/jobs/client";
import { MESSAGE_CREATED_EVENT } from "./events";

/** A message between the office and a citizen was posted (not an internal note, not an automatic
 * notice: those follow status changes, which have their own event). Call inside the transaction
 * that creates it. */
export async function emitMessageCreated(tx: Prisma.TransactionClient, ref: { tenantId: string; messageId: string }): Promise<void> {
  await triggerJob(MESSAGE_CREATED_EVENT, ref, { tx, dedupeKey: ref.messageId });
}
