import type { Prisma } from "@/server/db/generated/client";

// Files attached to messages are Attachment rows like a form's files, told apart by fieldKey: a
// form field's key is identifier-like (server/forms/schema.ts FIELD_KEY_PATTERN), so these
// "@message:…" keys can never collide with one. Uploaded first (messageId null), then claimed by
// the message they were posted with; the key says which side uploaded the file, so each side can
// only post its own uploads, and the citizen never sees an operator's file before it is sent nor
// a file of an internal note. No imports beyond types: server/uploads reads these too.

export const MESSAGE_UPLOAD_KEY = { staff: "@message:staff", citizen: "@message:citizen" } as const;
export type TMessageUploader = keyof typeof MESSAGE_UPLOAD_KEY;

/** The attachments of an application its applicant may see: form files, their own message
 * uploads and the files of messages addressed to them; never a pending staff upload nor a file
 * of an internal note. */
export function citizenVisibleAttachmentWhere(): Prisma.AttachmentWhereInput {
  return {
    OR: [
      { messageId: null, fieldKey: null },
      { messageId: null, fieldKey: { not: MESSAGE_UPLOAD_KEY.staff } },
      { message: { internal: false } },
    ],
  };
}
