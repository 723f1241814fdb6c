import { APPLICATION_STATUS } from "@/server/applications/status";
import { canMessageCitizen } from "@/server/applications/transitions";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import type { TFileRef } from "@/server/forms/schema";
import { fileStorage } from "@/server/storage/storage";
import type { TFileStorage } from "@/server/storage/types";
import { storeAttachment } from "@/server/uploads/attachments";
import { MESSAGE_UPLOAD_KEY, type TMessageUploader } from "./attachment-keys";
import { MESSAGE_ATTACHMENT_KINDS, MESSAGE_ATTACHMENT_MAX_MB } from "./schemas";

// Files sent with a message, a note or an integration answer: uploaded one at a time before the
// message is posted (same checks as a form's files: kind by content, size, the application's
// totals), then claimed by the message in its transaction. An operator may attach files to any
// submitted application of their municipality (notes are possible at any time); a citizen only to
// their own application while the office can be written to (canMessageCitizen).

export type TMessageUploaderRef = { kind: "staff" } | { kind: "citizen"; citizenId: string };

const staffNotFound = () => new AppError("NOT_FOUND", "backoffice.application.notFound");
const citizenNotFound = () => new AppError("NOT_FOUND", "applications.errors.applicationNotFound");

/** The application a file may be uploaded to by this side, or the refusal. Called before the
 * upload's body is read. */
export async function messageUploadTarget(input: { tenantId: string; applicationId: string; uploader: TMessageUploaderRef }): Promise<{ applicationId: string }> {
  const prisma = await db();
  if (input.uploader.kind === "staff") {
    const app = await prisma.application.findFirst({
      where: { id: input.applicationId, tenantId: input.tenantId, status: { gte: APPLICATION_STATUS.SUBMITTED } },
      select: { id: true },
    });
    if (!app) throw staffNotFound();
    return { applicationId: app.id };
  }
  const app = await prisma.application.findFirst({
    where: { id: input.applicationId, tenantId: input.tenantId, citizenId: input.uploader.citizenId },
    select: { id: true, status: true },
  });
  if (!app) throw citizenNotFound();
  if (!canMessageCitizen(app.status)) throw new AppError("CONFLICT", "conversation.errors.replyOutsideWindow");
  return { applicationId: app.id };
}

export const MESSAGE_ATTACHMENT_MAX_BYTES = MESSAGE_ATTACHMENT_MAX_MB * 1024 * 1024;

/** Stores one file for a message still to be written; answers its reference (id to post with). */
export async function uploadMessageAttachment(input: {
  tenantId: string;
  applicationId: string;
  uploader: TMessageUploaderRef;
  fileName: string;
  bytes: Uint8Array;
  storage?: TFileStorage;
}): Promise<TFileRef> {
  const target = await messageUploadTarget(input);
  return storeAttachment({
    tenantId: input.tenantId,
    applicationId: target.applicationId,
    fieldKey: MESSAGE_UPLOAD_KEY[input.uploader.kind],
    fileName: input.fileName,
    bytes: input.bytes,
    maxSizeMb: MESSAGE_ATTACHMENT_MAX_MB,
    accept: MESSAGE_ATTACHMENT_KINDS,
    storage: input.storage,
  });
}

/**
 * Attaches uploaded files to the message just written, in its transaction. Each id must be a
 * file this side uploaded for this application and not yet sent: anything else (another
 * application's file, a form's file, the other side's upload, a file already sent) refuses the
 * whole message with BAD_REQUEST.
 */
export async function claimMessageAttachments(
  tx: Prisma.TransactionClient,
  input: { tenantId: string; applicationId: string; uploader: TMessageUploader; messageId: string; attachmentIds: readonly string[] },
): Promise<number> {
  const ids = [...new Set(input.attachmentIds)];
  if (ids.length === 0) return 0;
  const { count } = await tx.attachment.updateMany({
    where: { id: { in: ids }, tenantId: input.tenantId, applicationId: input.applicationId, fieldKey: MESSAGE_UPLOAD_KEY[input.uploader], messageId: null },
    data: { messageId: input.messageId },
  });
  if (count !== ids.length) {
    throw new AppError("BAD_REQUEST", "conversation.errors.attachmentInvalid", { fields: { attachmentIds: "conversation.errors.attachmentInvalid" } });
  }
  return count;
}

/** Uploads older than this that no message claimed were left behind (a composer closed, a
 * message never sent): the nightly cleanup deletes them. */
export const ABANDONED_MESSAGE_UPLOAD_HOURS = 24;

/** Deletes message uploads never sent (rows and bytes); returns how many. */
export async function deleteAbandonedMessageUploads(input: { now?: Date; storage?: TFileStorage; batch?: number } = {}): Promise<number> {
  const prisma = await db();
  const cutoff = new Date((input.now ?? new Date()).getTime() - ABANDONED_MESSAGE_UPLOAD_HOURS * 3_600_000);
  const storage = input.storage ?? fileStorage();
  let deleted = 0;
  for (;;) {
    const rows = await prisma.attachment.findMany({
      where: { messageId: null, fieldKey: { in: Object.values(MESSAGE_UPLOAD_KEY) }, createdAt: { lt: cutoff } },
      select: { id: true, storageKey: true },
      take: input.batch ?? 500,
    });
    if (rows.length === 0) return deleted;
    // The row first: once it is gone nobody can reach the bytes, so a failed file delete only wastes space.
    await prisma.attachment.deleteMany({ where: { id: { in: rows.map((r) => r.id) }, messageId: null } });
    for (const r of rows) {
      await storage.delete(r.storageKey).catch((e: unknown) => console.warn("[conversation] could not delete stored file", { storageKey: r.storageKey, error: String(e) }));
    }
    deleted += rows.length;
  }
}
