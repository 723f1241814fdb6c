import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { SUBMIT_TX_OPTIONS } from "@/server/applications/submit";
import { allowedActions, applyTransition, type TApplyTransitionResult } from "@/server/applications/transitions";
import type { TEffectiveRole } from "@/server/auth/roles";
import { startOfRomeDay } from "@/server/backoffice/inbox-params";
import { isApiActor, staffTransition, type TOfficeActor } from "@/server/backoffice/staff-transition";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { DEFAULT_LOCALE, TIME_ZONE } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import { claimMessageAttachments } from "./attachments";
import { NOTICE_APPLICATION_SELECT, queueOperatorAlerts } from "./notify";
import { parseInput } from "./parse-input";
import { citizenMessageData } from "./replies";
import { emitMessageCreated } from "@/server/webhooks/emit";
import {
  INTEGRATION_DEADLINE_MAX_DAYS,
  ZRequestIntegrationInput,
  ZResumeIntegrationInput,
  ZSubmitIntegrationInput,
  type TRequestIntegrationInput,
  type TResumeIntegrationInput,
  type TSubmitIntegrationInput,
} from "./schemas";

// Integration requests (DOMAIN.md): the office asks the citizen for documents or information by
// a date; the citizen answers from the personal area; the office resumes, with the answer or
// without it (saying why). Each step is a status transition and the IntegrationRequest row moves
// with it in the same transaction:
//   requestIntegration        4000/4500 → 4100  request + the citizen's message (staff)
//   submitIntegration         4100/4200 → 4300  answeredAt, answer text, message with files (citizen)
//   resumeAfterIntegration    4300/4400 → 4500  closedAt (staff)
//   resumeWithoutIntegration  4100/4200 → 4500  closedAt, reason required (staff)
// The request's message takes the dedupe key of the status notice, so the status_changed job
// finds it instead of posting a second, shorter one (it still sends the email).

const DAY_MS = 86_400_000;

/** The deadline typed as a calendar day → the end of that day in Rome; tomorrow at the earliest,
 * INTEGRATION_DEADLINE_MAX_DAYS ahead at the latest. */
export function integrationDeadline(day: string, now: Date): Date {
  const start = startOfRomeDay(day);
  const refuse = (key: string) => new AppError("BAD_REQUEST", key, { fields: { deadline: key } });
  if (!start) throw refuse("integration.errors.deadlineInvalid");
  if (start.getTime() <= now.getTime()) throw refuse("integration.errors.deadlinePast");
  if (start.getTime() > now.getTime() + INTEGRATION_DEADLINE_MAX_DAYS * DAY_MS) throw refuse("integration.errors.deadlineTooFar");
  return new Date(startOfRomeDay(day, 1)!.getTime() - 1);
}

/** The request as the citizen reads it in the area's messages. */
async function requestMessageBody(input: { message: string; documents: string[]; deadline: Date }): Promise<string> {
  const t = await getTranslator(DEFAULT_LOCALE, "integration");
  return [input.message, `${t("messageText.documents")}\n${input.documents.map((d) => `- ${d}`).join("\n")}`, t("messageText.deadline", { deadline: input.deadline })].join(
    "\n\n",
  );
}

/** `staff`: an operator, or an external system through the API (then the request's message is
 * the system's, and no operator is recorded as having asked). */
type TStaffAction = { tenantId: string; staff: TOfficeActor; ip: string | null; now?: Date };

export async function requestIntegration(input: TRequestIntegrationInput & TStaffAction): Promise<TApplyTransitionResult & { integrationRequestId: string }> {
  const { applicationId, expectedVersion, message, documents, deadline: day } = parseInput(ZRequestIntegrationInput, input);
  const now = input.now ?? new Date();
  const deadline = integrationDeadline(day, now);
  const prisma = await db();
  const app = await prisma.application.findFirst({
    where: { id: applicationId, tenantId: input.tenantId, status: { gte: S.SUBMITTED } },
    select: { citizenId: true, service: { select: { name: true, allowIntegration: true } } },
  });
  if (!app) throw new AppError("NOT_FOUND", "backoffice.application.notFound");
  if (!app.service.allowIntegration) throw new AppError("CONFLICT", "integration.errors.notAllowedForService");
  // The answer is given in the personal area: applicants without SPID have none.
  if (!app.citizenId) throw new AppError("BAD_REQUEST", "integration.errors.noCitizen");
  const t = await getTranslator(DEFAULT_LOCALE, "integration");
  const body = await requestMessageBody({ message, documents, deadline });
  const staff = input.staff;
  const author = isApiActor(staff)
    ? { source: "api", authorKind: "API" as const, authorId: staff.keyId, requestedById: null }
    : { source: "staff", authorKind: "STAFF" as const, authorId: staff.id, requestedById: staff.id };

  let integrationRequestId = "";
  const result = await staffTransition({
    tenantId: input.tenantId,
    applicationId,
    staff: input.staff,
    ip: input.ip,
    action: "requestIntegration",
    reason: message,
    expectedVersion,
    now,
    also: async (tx, { statusChange }) => {
      const posted = await tx.message.create({
        data: {
          tenantId: input.tenantId,
          citizenId: app.citizenId,
          applicationId,
          subject: t("messageText.subject", { serviceName: app.service.name }),
          body,
          source: author.source,
          authorKind: author.authorKind,
          authorId: author.authorId,
          dedupeKey: `status-change:${statusChange.id}`,
          createdAt: now,
        },
        select: { id: true },
      });
      const request = await tx.integrationRequest.create({
        data: { tenantId: input.tenantId, applicationId, requestedById: author.requestedById, message, documents, deadline, requestMessageId: posted.id, createdAt: now },
        select: { id: true },
      });
      integrationRequestId = request.id;
      await emitMessageCreated(tx, { tenantId: input.tenantId, messageId: posted.id });
      return { integrationRequestId: request.id, deadline: deadline.toISOString(), documents: documents.length };
    },
  });
  return { ...result, integrationRequestId };
}

/** The office goes on with the application; the open request is closed either way. */
export async function resumeIntegration(input: TResumeIntegrationInput & TStaffAction): Promise<TApplyTransitionResult> {
  const parsed = parseInput(ZResumeIntegrationInput, input);
  const now = input.now ?? new Date();
  return staffTransition({
    tenantId: input.tenantId,
    applicationId: parsed.applicationId,
    staff: input.staff,
    ip: input.ip,
    action: parsed.mode === "afterAnswer" ? "resumeAfterIntegration" : "resumeWithoutIntegration",
    reason: parsed.mode === "withoutAnswer" ? parsed.reason : null,
    expectedVersion: parsed.expectedVersion,
    now,
    also: async (tx) => {
      const { count } = await tx.integrationRequest.updateMany({
        where: { tenantId: input.tenantId, applicationId: parsed.applicationId, closedAt: null },
        data: { closedAt: now },
      });
      return { closedIntegrationRequests: count };
    },
  });
}

/**
 * The citizen's answer: the transition to 4300, their message with the files, the request marked
 * answered, and an email to the operators, in one transaction. Another person's application →
 * NOT_FOUND; no open request, or already answered → CONFLICT.
 */
export async function submitIntegration(
  input: TSubmitIntegrationInput & { tenantId: string; citizenId: string; now?: Date },
): Promise<TApplyTransitionResult & { messageId: string }> {
  const { applicationId, expectedVersion, text, attachmentIds } = parseInput(ZSubmitIntegrationInput, input);
  const now = input.now ?? new Date();
  const t = await getTranslator(DEFAULT_LOCALE, "integration");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: { id: applicationId, tenantId: input.tenantId, citizenId: input.citizenId },
      select: NOTICE_APPLICATION_SELECT,
    });
    if (!app) throw new AppError("NOT_FOUND", "applications.errors.applicationNotFound");
    const request = await tx.integrationRequest.findFirst({
      where: { tenantId: input.tenantId, applicationId: app.id, closedAt: null, answeredAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (!request) throw new AppError("CONFLICT", "integration.errors.noOpenRequest");
    const result = await applyTransition({
      tenantId: input.tenantId,
      applicationId: app.id,
      action: "submitIntegration",
      actor: { kind: "citizen", applicant: { kind: "citizen", citizenId: input.citizenId } },
      expectedVersion,
      now,
      tx,
    });
    const message = await tx.message.create({
      data: citizenMessageData({
        ...input,
        applicationId: app.id,
        subject: t("messageText.answerSubject", { serviceName: app.service.name }),
        body: text || t("messageText.answerFilesOnly"),
        now,
      }),
      select: { id: true },
    });
    const files = await claimMessageAttachments(tx, { tenantId: input.tenantId, applicationId: app.id, uploader: "citizen", messageId: message.id, attachmentIds });
    await tx.integrationRequest.update({
      where: { id: request.id },
      data: { answeredAt: now, answerText: text || null, answerMessageId: message.id },
    });
    await queueOperatorAlerts(tx, app, { kind: "integration", attachmentCount: files });
    await emitMessageCreated(tx, { tenantId: input.tenantId, messageId: message.id });
    return { ...result, messageId: message.id };
  }, SUBMIT_TX_OPTIONS);
}

// ---- reading --------------------------------------------------------------------------------

const REQUEST_SELECT = {
  id: true,
  message: true,
  documents: true,
  deadline: true,
  requestedById: true,
  answeredAt: true,
  answerText: true,
  answerMessageId: true,
  closedAt: true,
  createdAt: true,
} as const satisfies Prisma.IntegrationRequestSelect;

export type TIntegrationRequestView = {
  id: string;
  message: string;
  documents: string[];
  deadline: Date;
  answeredAt: Date | null;
  answerText: string | null;
  answerFiles: { id: string; fileName: string; kind: string; size: number }[];
  createdAt: Date;
  /** Deadline passed without an answer. */
  overdue: boolean;
};

const asLabels = (json: Prisma.JsonValue): string[] => (Array.isArray(json) ? json.filter((d): d is string => typeof d === "string") : []);

async function toView(row: Prisma.IntegrationRequestGetPayload<{ select: typeof REQUEST_SELECT }>, tenantId: string, now: Date): Promise<TIntegrationRequestView> {
  const prisma = await db();
  const answerFiles = row.answerMessageId
    ? await prisma.attachment.findMany({
        where: { tenantId, messageId: row.answerMessageId },
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, kind: true, size: true },
      })
    : [];
  return {
    id: row.id,
    message: row.message,
    documents: asLabels(row.documents),
    deadline: row.deadline,
    answeredAt: row.answeredAt,
    answerText: row.answerText,
    answerFiles,
    createdAt: row.createdAt,
    overdue: !row.answeredAt && row.deadline.getTime() < now.getTime(),
  };
}

/** The application's open request (not closed by the office), for the back office. */
export async function getOpenIntegrationRequest(input: { tenantId: string; applicationId: string; now?: Date }) {
  const prisma = await db();
  const row = await prisma.integrationRequest.findFirst({
    where: { tenantId: input.tenantId, applicationId: input.applicationId, closedAt: null },
    orderBy: { createdAt: "desc" },
    select: REQUEST_SELECT,
  });
  if (!row) return null;
  const requestedBy = row.requestedById
    ? await prisma.staffUser.findFirst({ where: { id: row.requestedById }, select: { name: true } })
    : null;
  return { ...(await toView(row, input.tenantId, input.now ?? new Date())), requestedByName: requestedBy?.name ?? null };
}

/** The citizen's open request on one of their applications (null: none, or not theirs). */
export async function getMyOpenIntegrationRequest(input: { tenantId: string; citizenId: string; applicationId: string; now?: Date }) {
  const prisma = await db();
  const row = await prisma.integrationRequest.findFirst({
    where: { tenantId: input.tenantId, applicationId: input.applicationId, closedAt: null, application: { tenantId: input.tenantId, citizenId: input.citizenId } },
    orderBy: { createdAt: "desc" },
    select: { ...REQUEST_SELECT, application: { select: { version: true, status: true } } },
  });
  if (!row) return null;
  const { application, ...request } = row;
  return { ...(await toView(request, input.tenantId, input.now ?? new Date())), applicationVersion: application.version, applicationStatus: application.status };
}

/** Requests the citizen still has to answer, for the area's deadlines. */
export async function listMyPendingIntegrationRequests(input: { tenantId: string; citizenId: string }) {
  const prisma = await db();
  return prisma.integrationRequest.findMany({
    where: {
      tenantId: input.tenantId,
      closedAt: null,
      answeredAt: null,
      application: { tenantId: input.tenantId, citizenId: input.citizenId, status: { in: [S.INTEGRATION_REQUESTED, S.INTEGRATION_PENDING] } },
    },
    orderBy: { deadline: "asc" },
    select: { deadline: true, application: { select: { id: true, status: true, protocolNumber: true, service: { select: { name: true } } } } },
  });
}

// ---- what the operator's page offers ----------------------------------------------------------

/** "2026-11-23": the calendar day in Rome at an instant. */
export function romeDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

const OPEN_REQUEST_STATUSES: readonly number[] = [S.INTEGRATION_REQUESTED, S.INTEGRATION_PENDING, S.INTEGRATION_SUBMITTED, S.INTEGRATION_REGISTERED];

export type TStaffIntegrationState =
  | { kind: "none" }
  | { kind: "blocked"; reason: "serviceDisallows" | "noCitizen" }
  /** The deadline's bounds as calendar days, for the date field. */
  | { kind: "canRequest"; minDay: string; maxDay: string }
  | {
      kind: "open";
      request: NonNullable<Awaited<ReturnType<typeof getOpenIntegrationRequest>>>;
      resumeModes: ("afterAnswer" | "withoutAnswer")[];
    };

/** What the integration panel shows the operator now: the open request and how to go on, the
 * request form, why there is no form, or nothing. */
export async function staffIntegrationState(input: {
  tenantId: string;
  app: { id: string; status: number; citizenId: string | null; serviceAllowsIntegration: boolean };
  role: TEffectiveRole;
  now?: Date;
}): Promise<TStaffIntegrationState> {
  const now = input.now ?? new Date();
  const allowed = allowedActions(input.app.status, { kind: "staff", role: input.role });
  if (OPEN_REQUEST_STATUSES.includes(input.app.status)) {
    const request = await getOpenIntegrationRequest({ tenantId: input.tenantId, applicationId: input.app.id, now });
    if (request) {
      const resumeModes = [
        ...(allowed.includes("resumeAfterIntegration") ? (["afterAnswer"] as const) : []),
        ...(allowed.includes("resumeWithoutIntegration") ? (["withoutAnswer"] as const) : []),
      ];
      return { kind: "open", request, resumeModes };
    }
  }
  if (!allowed.includes("requestIntegration")) return { kind: "none" };
  if (!input.app.serviceAllowsIntegration) return { kind: "blocked", reason: "serviceDisallows" };
  if (!input.app.citizenId) return { kind: "blocked", reason: "noCitizen" };
  const tomorrow = startOfRomeDay(romeDay(now), 1)!;
  return { kind: "canRequest", minDay: romeDay(tomorrow), maxDay: romeDay(new Date(now.getTime() + INTEGRATION_DEADLINE_MAX_DAYS * DAY_MS)) };
}
