import { APPLICATION_STATUS } from "@/server/applications/status";
import { SUBMIT_TX_OPTIONS } from "@/server/applications/submit";
import { canMessageCitizen } from "@/server/applications/transitions";
import { recordAuditEvent } from "@/server/audit/record";
import type { TStaffRef } from "@/server/backoffice/staff-transition";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { DEFAULT_LOCALE } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import { claimMessageAttachments } from "./attachments";
import { NOTICE_APPLICATION_SELECT, queueCitizenMessageNotice } from "./notify";
import { parseInput } from "./parse-input";
import { ZPostStaffMessageInput, type TPostStaffMessageInput } from "./schemas";
import { emitMessageCreated } from "@/server/webhooks/emit";

// An operator writes on an application, in one transaction with its files, its email and its
// line in the audit trail:
//   a message to the citizen: only inside the messaging window (canMessageCitizen, 4000–4500)
//     and only to a citizen with a personal area (applicants without SPID have none: the office
//     writes to them by email, outside Sportello); the citizen gets an email with a link;
//   an internal note: at any time after submission; never shown or sent to the citizen (it
//     carries no citizenId, and every citizen-facing read also filters internal: false).
// The same rules hold for the municipality's systems writing through the REST API (postOfficeMessage
// with an API key as author: POST /api/v1/applications/{id}/messages).

export type TPostStaffMessageResult = { id: string; internal: boolean; emailId: string | null };

/** Who writes for the office: an operator, or one of the municipality's systems through the REST
 * API with one of its keys (the message is then signed with the key's name, sourceLabel). */
export type TOfficeAuthor = { kind: "staff"; staff: TStaffRef } | { kind: "api"; key: { id: string; name: string; prefix: string } };

export async function postStaffMessage(
  input: TPostStaffMessageInput & { tenantId: string; staff: TStaffRef; ip: string | null; now?: Date },
): Promise<TPostStaffMessageResult> {
  return postOfficeMessage({ ...input, author: { kind: "staff", staff: input.staff } });
}

/** postStaffMessage for any author of the office (same rules, same notices and events). */
export async function postOfficeMessage(
  input: TPostStaffMessageInput & { tenantId: string; author: TOfficeAuthor; ip: string | null; now?: Date },
): Promise<TPostStaffMessageResult> {
  const { applicationId, kind, body, attachmentIds } = parseInput(ZPostStaffMessageInput, input);
  const { author } = input;
  const api = author.kind === "api" ? author.key : null;
  const authorId = author.kind === "api" ? author.key.id : author.staff.id;
  const internal = kind === "note";
  const now = input.now ?? new Date();
  const t = await getTranslator(DEFAULT_LOCALE, "conversation");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: { id: applicationId, tenantId: input.tenantId, status: { gte: APPLICATION_STATUS.SUBMITTED } },
      select: { ...NOTICE_APPLICATION_SELECT, status: true },
    });
    if (!app) throw new AppError("NOT_FOUND", "backoffice.application.notFound");
    if (!internal && !app.citizenId) throw new AppError("BAD_REQUEST", "conversation.errors.noCitizen");
    if (!internal && !canMessageCitizen(app.status)) throw new AppError("CONFLICT", "conversation.errors.outsideWindow");

    const message = await tx.message.create({
      data: {
        tenantId: input.tenantId,
        citizenId: internal ? null : app.citizenId,
        applicationId: app.id,
        subject: internal ? t("subjects.note") : t("subjects.staffMessage", { serviceName: app.service.name }),
        body,
        source: api ? "api" : "staff",
        sourceLabel: api ? api.name : null,
        internal,
        authorKind: api ? "API" : "STAFF",
        authorId,
        createdAt: now,
      },
      select: { id: true },
    });
    const files = await claimMessageAttachments(tx, { tenantId: input.tenantId, applicationId: app.id, uploader: "staff", messageId: message.id, attachmentIds });
    const { emailId } = internal ? { emailId: null } : await queueCitizenMessageNotice(tx, app);
    if (!internal) await emitMessageCreated(tx, { tenantId: input.tenantId, messageId: message.id });
    await recordAuditEvent({
      tenantId: input.tenantId,
      actorKind: api ? "API" : "STAFF",
      actorId: authorId,
      actorRole: author.kind === "staff" ? author.staff.role : null,
      action: internal ? "note.create" : "message.create",
      applicationId: app.id,
      ip: input.ip,
      details: { messageId: message.id, attachments: files, ...(api ? { apiKey: api.prefix } : {}) },
      tx,
    });
    return { id: message.id, internal, emailId };
  }, SUBMIT_TX_OPTIONS);
}
