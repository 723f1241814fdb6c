import { z } from "zod";
import type { TFileKind } from "@/server/forms/schema";

// One schema per input of the conversation between office and citizen (messages, internal notes,
// integration requests and answers), shared by the forms, the tRPC procedures and the services.
// Messages are i18n keys (namespaces "conversation" and "integration"), so the form shows the
// same words as the server. Pure: client components import it.

export const MESSAGE_BODY_MAX = 10_000;
export const MAX_FILES_PER_MESSAGE = 10;
/** Files sent with messages: images, PDFs and signed P7M, each at most this size. */
export const MESSAGE_ATTACHMENT_KINDS: readonly TFileKind[] = ["pdf", "jpeg", "png", "p7m"];
export const MESSAGE_ATTACHMENT_MAX_MB = 10;

export const INTEGRATION_DOCUMENTS_MAX = 20;
export const INTEGRATION_DOCUMENT_LABEL_MAX = 200;
export const INTEGRATION_DEADLINE_MAX_DAYS = 90;

const ZId = z.uuid();
const ZAttachmentIds = z.array(ZId).max(MAX_FILES_PER_MESSAGE, "conversation.errors.tooManyFiles").default([]);

export const ZMessageBody = z
  .string()
  .trim()
  .min(1, "conversation.errors.bodyRequired")
  .max(MESSAGE_BODY_MAX, "conversation.errors.bodyTooLong");

/** An operator writes on an application: to the citizen ("message") or for the office ("note"). */
export const ZPostStaffMessageInput = z.object({
  applicationId: ZId,
  kind: z.enum(["message", "note"]),
  body: ZMessageBody,
  attachmentIds: ZAttachmentIds,
});
export type TPostStaffMessageInput = z.input<typeof ZPostStaffMessageInput>;

/** The citizen writes to the office about one of their applications. */
export const ZReplyInput = z.object({
  applicationId: ZId,
  body: ZMessageBody,
  attachmentIds: ZAttachmentIds,
});
export type TReplyInput = z.input<typeof ZReplyInput>;

const ZDocumentLabel = z
  .string()
  .trim()
  .min(1, "integration.errors.documentRequired")
  .max(INTEGRATION_DOCUMENT_LABEL_MAX, "integration.errors.documentTooLong");

/** "2026-12-01": a calendar day (in Rome), checked against today by the service. */
export const ZDeadlineDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "integration.errors.deadlineInvalid");

export const ZRequestIntegrationInput = z.object({
  applicationId: ZId,
  expectedVersion: z.int().min(0),
  message: z.string().trim().min(1, "integration.errors.messageRequired").max(MESSAGE_BODY_MAX, "integration.errors.messageTooLong"),
  documents: z
    .array(ZDocumentLabel)
    .min(1, "integration.errors.documentsRequired")
    .max(INTEGRATION_DOCUMENTS_MAX, "integration.errors.tooManyDocuments"),
  deadline: ZDeadlineDay,
});
export type TRequestIntegrationInput = z.input<typeof ZRequestIntegrationInput>;

/** The office goes on: with the citizen's answer, or without it (then saying why). */
export const ZResumeIntegrationInput = z.discriminatedUnion("mode", [
  z.object({ applicationId: ZId, expectedVersion: z.int().min(0), mode: z.literal("afterAnswer") }),
  z.object({
    applicationId: ZId,
    expectedVersion: z.int().min(0),
    mode: z.literal("withoutAnswer"),
    reason: z.string().trim().min(1, "integration.errors.reasonRequired").max(MESSAGE_BODY_MAX, "integration.errors.reasonTooLong"),
  }),
]);
export type TResumeIntegrationInput = z.input<typeof ZResumeIntegrationInput>;

/** The citizen's answer to an integration request: a text, files, or both. */
export const ZSubmitIntegrationInput = z
  .object({
    applicationId: ZId,
    expectedVersion: z.int().min(0),
    text: z.string().trim().max(MESSAGE_BODY_MAX, "integration.errors.answerTooLong").default(""),
    attachmentIds: ZAttachmentIds,
  })
  .refine((v) => v.text.length > 0 || v.attachmentIds.length > 0, { message: "integration.errors.answerEmpty", path: ["text"] });
export type TSubmitIntegrationInput = z.input<typeof ZSubmitIntegrationInput>;
