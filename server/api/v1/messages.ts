import { z } from "zod";
import { APPLICATION_STATUS } from "@/server/applications/status";
import { ZMessageBody } from "@/server/conversation/schemas";
import { postOfficeMessage } from "@/server/conversation/staff-messages";
import { listThread, type TThreadEntry } from "@/server/conversation/thread";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { defineApiRoute } from "../route";
import { API_V1_BASE } from "../dispatch";
import { iso, ZDateTime, ZId, ZNullableDateTime } from "./schemas";

// An application's conversation through the API: the messages between the office and the
// citizen (automatic status notices included) and the office's internal notes, and writing to
// it as the office does: a message to the citizen (only while the application is being processed,
// 4000–4500: else 409) or an internal note (any time after submission). The message is signed
// with the key's name; the citizen gets the same email as for an operator's message, and the
// message.created event (webhooks) fires the same way: server/conversation/staff-messages.ts.

const AUTHOR_KINDS = ["CITIZEN", "STAFF", "SYSTEM", "API"] as const;

export const ZApiAttachmentRef = z
  .object({
    id: ZId,
    fileName: z.string(),
    kind: z.string().meta({ description: "pdf, jpeg, png, p7m" }),
    size: z.number().int().meta({ description: "Bytes" }),
    href: z.string().meta({ description: "Download address in the API", example: "/api/v1/applications/{applicationId}/attachments/{attachmentId}" }),
  })
  .meta({ id: "MessageAttachment" });

export const ZApiMessage = z
  .object({
    id: ZId,
    applicationId: ZId,
    subject: z.string(),
    body: z.string(),
    authorKind: z.enum(AUTHOR_KINDS).meta({ description: "CITIZEN, STAFF (an operator), SYSTEM (automatic notices), API (a system of the municipality)" }),
    authorName: z.string().nullable().meta({ description: "The operator's name (STAFF) or the system's label (API); null otherwise" }),
    internal: z.boolean().meta({ description: "An internal note of the office: never shown or sent to the citizen" }),
    createdAt: ZDateTime,
    readAt: ZNullableDateTime.meta({ description: "When the citizen opened it (messages to the citizen)" }),
    attachments: z.array(ZApiAttachmentRef),
  })
  .meta({ id: "ApplicationMessage" });

export type TApiMessage = z.output<typeof ZApiMessage>;

const ZApplicationParams = z.object({ applicationId: ZId });

export function attachmentHref(applicationId: string, attachmentId: string): string {
  return `${API_V1_BASE}/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

function toApiMessage(applicationId: string, e: TThreadEntry): TApiMessage {
  return {
    id: e.id,
    applicationId,
    subject: e.subject,
    body: e.body,
    authorKind: e.authorKind,
    authorName: e.authorKind === "API" ? e.sourceLabel : e.authorName,
    internal: e.internal,
    createdAt: iso(e.createdAt),
    readAt: iso(e.readAt),
    attachments: e.attachments.map((a) => ({ ...a, href: attachmentHref(applicationId, a.id) })),
  };
}

/** A submitted application of the key's municipality (drafts are their applicant's only), or 404. */
export async function submittedApplicationOr404(tenantId: string, applicationId: string): Promise<{ id: string }> {
  const prisma = await db();
  const app = await prisma.application.findFirst({
    where: { id: applicationId, tenantId, status: { gte: APPLICATION_STATUS.SUBMITTED } },
    select: { id: true },
  });
  if (!app) throw new AppError("NOT_FOUND", "apiInbound.errors.applicationNotFound");
  return app;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const MESSAGES_ROUTES = [
  defineApiRoute({
    method: "get",
    path: "/applications/{applicationId}/messages",
    operationId: "listApplicationMessages",
    summary: "An application's conversation: messages with the citizen and internal notes",
    description:
      "Oldest first: the citizen's messages, the office's (operators and systems), the automatic status notices the citizen received, and the office's internal notes (internal: true). Attachments are downloaded from their href.",
    tag: "Messages",
    scope: "applications:read",
    params: ZApplicationParams,
    responses: { 200: { description: "The conversation", json: z.object({ items: z.array(ZApiMessage) }).meta({ id: "ApplicationMessageList" }) } },
    problems: [403, 404],
    handler: async ({ tenantId, params }) => {
      const app = await submittedApplicationOr404(tenantId, params.applicationId);
      const thread = await listThread({ tenantId, applicationId: app.id });
      return { body: { items: thread.map((e) => toApiMessage(app.id, e)) } };
    },
  }),
  defineApiRoute({
    method: "post",
    path: "/applications/{applicationId}/messages",
    operationId: "postApplicationMessage",
    summary: "Write to the citizen about an application, or add an internal note",
    description:
      "A message to the citizen (internal: false, the default) is possible only while the application is being processed (statuses 4000–4500) and only if the applicant has a personal area (SPID/CIE): otherwise 409 / 400. " +
      "The citizen reads it in the personal area, signed with the key's name, and is told by email. An internal note (internal: true) is possible at any time after submission and is never shown to the citizen.",
    tag: "Messages",
    scope: "messages:write",
    params: ZApplicationParams,
    body: {
      kind: "json",
      schema: z
        .object({
          body: ZMessageBody.meta({ description: "The text (plain text, at most 10,000 characters)" }),
          internal: z.boolean().default(false).meta({ description: "true: an internal note of the office" }),
        })
        .meta({ id: "NewApplicationMessage" }),
    },
    responses: { 201: { description: "The message as written", json: ZApiMessage } },
    problems: [403, 404, 409],
    handler: async ({ tenantId, key, params, body, ip }) => {
      // The conversation's services take UUIDs; anything else is no application of ours.
      if (!UUID.test(params.applicationId)) throw new AppError("NOT_FOUND", "apiInbound.errors.applicationNotFound");
      const { id } = await postOfficeMessage({
        tenantId,
        applicationId: params.applicationId,
        kind: body.internal ? "note" : "message",
        body: body.body,
        attachmentIds: [],
        author: { kind: "api", key },
        ip,
      });
      const entry = (await listThread({ tenantId, applicationId: params.applicationId })).find((e) => e.id === id)!;
      return { status: 201, body: toApiMessage(params.applicationId, entry), headers: { Location: `${API_V1_BASE}/applications/${params.applicationId}/messages` } };
    },
  }),
];
