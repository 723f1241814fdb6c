import { SUBMIT_TX_OPTIONS } from "@/server/applications/submit";
import { canMessageCitizen } from "@/server/applications/transitions";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { DEFAULT_LOCALE } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import { claimMessageAttachments } from "./attachments";
import { NOTICE_APPLICATION_SELECT, queueOperatorAlerts } from "./notify";
import { parseInput } from "./parse-input";
import { ZReplyInput, type TReplyInput } from "./schemas";
import { emitMessageCreated } from "@/server/webhooks/emit";

// The citizen writes to the office about one of their applications, from the personal area:
// only their own, only while the office can write back (canMessageCitizen, 4000–4500). The
// message is theirs (already read by them), with its files; the application's operators get an
// email each (notify.ts), in the same transaction.

/** A message written by the citizen: theirs, visible to them and already read by them. */
export function citizenMessageData(input: { tenantId: string; citizenId: string; applicationId: string; subject: string; body: string; now: Date }) {
  return {
    tenantId: input.tenantId,
    citizenId: input.citizenId,
    applicationId: input.applicationId,
    subject: input.subject,
    body: input.body,
    source: "citizen",
    authorKind: "CITIZEN",
    authorId: input.citizenId,
    readAt: input.now,
    createdAt: input.now,
  } as const;
}

export async function replyToApplication(input: TReplyInput & { tenantId: string; citizenId: string; now?: Date }): Promise<{ id: string; emailIds: string[] }> {
  const { applicationId, body, attachmentIds } = parseInput(ZReplyInput, input);
  const now = input.now ?? new Date();
  const t = await getTranslator(DEFAULT_LOCALE, "conversation");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: { id: applicationId, tenantId: input.tenantId, citizenId: input.citizenId },
      select: { ...NOTICE_APPLICATION_SELECT, status: true },
    });
    if (!app) throw new AppError("NOT_FOUND", "applications.errors.applicationNotFound");
    if (!canMessageCitizen(app.status)) throw new AppError("CONFLICT", "conversation.errors.replyOutsideWindow");
    const message = await tx.message.create({
      data: citizenMessageData({ ...input, applicationId: app.id, subject: t("subjects.citizenReply", { serviceName: app.service.name }), body, now }),
      select: { id: true },
    });
    const files = await claimMessageAttachments(tx, { tenantId: input.tenantId, applicationId: app.id, uploader: "citizen", messageId: message.id, attachmentIds });
    const { emailIds } = await queueOperatorAlerts(tx, app, { kind: "reply", attachmentCount: files });
    await emitMessageCreated(tx, { tenantId: input.tenantId, messageId: message.id });
    return { id: message.id, emailIds };
  }, SUBMIT_TX_OPTIONS);
}
