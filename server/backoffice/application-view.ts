import { APPLICATION_STATUS, statusLabelKey } from "@/server/applications/status";
import { recordAuditEvent } from "@/server/audit/record";
import { MESSAGE_UPLOAD_KEY } from "@/server/conversation/attachment-keys";
import type { TEffectiveRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import type { ActorKind } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { ZFormSchema } from "@/server/forms/schema";
import { summarizeAnswers, type TSummaryPage } from "@/server/forms/summary";
import { isOverdue } from "./inbox";
import { staffNamesOf } from "./staff-names";

// One application as an operator reads it (read-only for now): the answers exactly as submitted,
// rendered from the form version they were filled with, the status history and the files.
// Every view is written to the audit trail (who, which role, when, from which address) before
// anything is shown. Drafts and other municipalities' applications do not exist here.

export type TStaffTimelineEntry = {
  fromStatus: number | null;
  toStatus: number;
  statusLabelKey: string;
  actorKind: ActorKind;
  /** The operator's name for staff actions, the API key's name for an external system's; null
   * for the applicant and the system. */
  actorName: string | null;
  reason: string | null;
  at: Date;
};

export async function viewApplicationAsStaff(input: {
  tenantId: string;
  applicationId: string;
  staff: { id: string; role: TEffectiveRole };
  ip: string | null;
  now?: Date;
}) {
  const prisma = await db();
  const app = await prisma.application.findFirst({
    where: { id: input.applicationId, tenantId: input.tenantId, status: { gte: APPLICATION_STATUS.SUBMITTED } },
    include: {
      service: { select: { name: true, allowIntegration: true, allowWithdrawal: true, groupId: true } },
      formVersion: { select: { schema: true, version: true } },
      assignedStaff: { select: { id: true, name: true } },
      statusChanges: { orderBy: { createdAt: "asc" }, select: { fromStatus: true, toStatus: true, actorKind: true, actorId: true, reason: true, createdAt: true } },
      // The answers' files; a message's files are shown with the message, and uploads for a
      // message not sent yet are nobody's business.
      attachments: {
        where: { messageId: null, OR: [{ fieldKey: null }, { fieldKey: { notIn: Object.values(MESSAGE_UPLOAD_KEY) } }] },
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, kind: true, mimeType: true, size: true, fieldKey: true, messageId: true, createdAt: true },
      },
    },
  });
  if (!app) throw new AppError("NOT_FOUND", "backoffice.application.notFound");

  await recordAuditEvent({
    tenantId: input.tenantId,
    actorKind: "STAFF",
    actorId: input.staff.id,
    actorRole: input.staff.role,
    action: "application.view",
    applicationId: app.id,
    ip: input.ip,
  });

  const nameOf = await staffNamesOf(app.statusChanges.map((c) => ({ kind: c.actorKind, id: c.actorId })));
  const schema = ZFormSchema.safeParse(app.formVersion.schema);
  const answers = (app.data ?? {}) as Record<string, unknown>;
  const summary: TSummaryPage[] | null = schema.success ? summarizeAnswers(schema.data, answers) : null;

  return {
    id: app.id,
    /** Application.version: what the actions send back as expectedVersion. */
    version: app.version,
    status: app.status,
    serviceId: app.serviceId,
    citizenId: app.citizenId,
    statusLabelKey: statusLabelKey(app.status),
    protocolNumber: app.protocolNumber,
    submittedAt: app.submittedAt,
    registeredAt: app.registeredAt,
    dueDate: app.dueDate,
    overdue: isOverdue(app, input.now ?? new Date()),
    applicantName: app.applicantName,
    applicantFiscalCode: app.applicantFiscalCode,
    applicantEmail: app.applicantEmail,
    serviceName: app.service.name,
    serviceAllowsIntegration: app.service.allowIntegration,
    serviceGroupId: app.service.groupId,
    formVersion: app.formVersion.version,
    assignedStaff: app.assignedStaff,
    takenInChargeAt: app.takenInChargeAt,
    /** Null when the stored form no longer reads as a form (the raw answers are not shown). */
    summary,
    timeline: app.statusChanges.map(
      (c): TStaffTimelineEntry => ({
        fromStatus: c.fromStatus,
        toStatus: c.toStatus,
        statusLabelKey: statusLabelKey(c.toStatus),
        actorKind: c.actorKind,
        actorName: nameOf(c.actorKind, c.actorId),
        reason: c.reason,
        at: c.createdAt,
      }),
    ),
    attachments: app.attachments,
  };
}

export type TStaffApplicationView = Awaited<ReturnType<typeof viewApplicationAsStaff>>;
