import { z } from "zod";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { REASON_MAX_LENGTH } from "@/server/applications/transitions";
import { recordAuditEvent } from "@/server/audit/record";
import { inboxCsvStream, inboxExportFileName } from "@/server/backoffice/inbox-export";
import { startOfRomeDay } from "@/server/backoffice/inbox-params";
import type { TApiActorRef } from "@/server/backoffice/staff-transition";
import { decide, takeInCharge } from "@/server/backoffice/work";
import { MESSAGE_UPLOAD_KEY } from "@/server/conversation/attachment-keys";
import { requestIntegration, resumeIntegration } from "@/server/conversation/integration";
import { ZRequestIntegrationInput } from "@/server/conversation/schemas";
import { db } from "@/server/db/client";
import { Prisma, type DocumentKind } from "@/server/db/generated/client";
import { AppError, isAppError } from "@/server/errors";
import { contentDisposition, privatePdfResponse } from "@/server/http/file-response";
import { csvSeparatorParam } from "@/server/http/csv";
import { fileStorage } from "@/server/storage/storage";
import { FILE_KIND_INFO } from "@/server/uploads/kinds";
import type { TApiKeyPrincipal } from "../keys";
import { ApiProblem } from "../problem";
import { defineApiRoute, type TApiRoute } from "../route";
import { APPLICATION_SUMMARY_SELECT, toApplicationSummary } from "./application-summary";
import { iso, ZApplicationSummary, ZDateTime, ZId, ZNullableDateTime, ZPage, ZPageQuery, ZStatusCode } from "./schemas";

// /api/v1/applications: what the municipality's other systems read of the submitted
// applications (list with filters for synchronisation, one application with its answers, files,
// documents and history, the receipt and outcome PDFs, a service's CSV) and how they move them
// on (transitions). Drafts and the payment steps before submission (< 1900) do not exist here.
// Transitions go through the same services as the back office's buttons (work.ts,
// integration.ts) with the key as actor: same status machine, same notices to the citizen, and
// the audit trail names the key. Reads of personal data (an application, its files, a CSV) are
// audited too, like an operator's view.

const TAG = "Applications";

// ---- schemas ----------------------------------------------------------------------------------

const SUBMITTED_CODES = Object.values(S).filter((s) => s >= S.SUBMITTED);
const SUBMITTED_SQL = Prisma.raw(SUBMITTED_CODES.join(", "));

const ZApplicationIdParams = z.object({ applicationId: ZId });

/** "4000", "4000,4100", or the parameter repeated. Only statuses of submitted applications. */
const ZStatusFilter = z
  .union([z.string(), z.array(z.string())])
  .transform((value, ctx) => {
    const codes = [value]
      .flat()
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean)
      .map(Number);
    if (codes.length === 0 || codes.length > 30 || codes.some((c) => !(SUBMITTED_CODES as number[]).includes(c))) {
      ctx.addIssue({ code: "custom", message: "apiApplications.problems.statusInvalid" });
      return z.NEVER;
    }
    return [...new Set(codes)];
  })
  .optional()
  .meta({ description: "Status codes (1900 and above): repeat the parameter or separate them with commas", example: "4000,4100" });

/** A calendar day in Italy ("2026-11-23"). */
const ZRomeDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "apiApplications.problems.dayInvalid")
  .refine((day) => startOfRomeDay(day) !== null, "apiApplications.problems.dayInvalid");

const ZListQuery = z.object({
  service: z.string().min(1).max(200).optional().meta({ description: "Only this service's applications: its id or its slug" }),
  status: ZStatusFilter,
  submittedFrom: ZRomeDay.optional().meta({ description: "Submitted on or after this day (YYYY-MM-DD, Italian time)", example: "2026-01-01" }),
  submittedTo: ZRomeDay.optional().meta({ description: "Submitted on or before this day (YYYY-MM-DD, Italian time)", example: "2026-12-31" }),
  updatedSince: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: "Changed at or after this instant (ISO 8601): for synchronisation, send the time of your previous run" }),
  fiscalCode: z
    .string()
    .trim()
    .min(11)
    .max(16)
    .transform((v) => v.toUpperCase())
    .optional()
    .meta({ description: "The applicant's fiscal code" }),
  ...ZPageQuery.shape,
});

const ZApplicationPage = ZPage(ZApplicationSummary).meta({ id: "ApplicationPage" });

const ZAttachment = z
  .object({
    id: ZId,
    fieldKey: z.string().nullable().meta({ description: "The form field the file answers; @message:… for files sent with a message" }),
    messageId: ZId.nullable().meta({ description: "The message the file was sent with (null: an answer of the form)" }),
    fileName: z.string(),
    kind: z.string().meta({ description: "pdf, jpeg, png or p7m (from the content, not the name)" }),
    mimeType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    href: z.string().meta({ description: "Where to download the file with the same key" }),
  })
  .meta({ id: "ApplicationAttachment" });

const ZDocumentRef = z
  .object({
    id: ZId,
    kind: z.enum(["RECEIPT", "OUTCOME", "OTHER"]),
    title: z.string(),
    protocolNumber: z.string().nullable(),
    issuedAt: ZDateTime,
    href: z.string().meta({ description: "Where to download the PDF" }),
  })
  .meta({ id: "ApplicationDocument" });

const ZStatusChange = z
  .object({
    from: ZStatusCode.nullable(),
    to: ZStatusCode,
    at: ZDateTime,
    actorKind: z.enum(["CITIZEN", "STAFF", "SYSTEM", "API"]).meta({ description: "API: an external system, with one of the municipality's keys" }),
    reason: z.string().nullable(),
  })
  .meta({ id: "StatusChange" });

const ZIntegrationRequest = z
  .object({
    id: ZId,
    message: z.string(),
    documents: z.array(z.string()),
    deadline: ZDateTime,
    createdAt: ZDateTime,
    answeredAt: ZNullableDateTime,
    answerText: z.string().nullable(),
  })
  .meta({ id: "IntegrationRequest" });

const ZApplicationDetail = ZApplicationSummary.extend({
  data: z.record(z.string(), z.unknown()).meta({ description: "The answers, by field key, as submitted" }),
  formVersion: z.number().int().meta({ description: "Version of the service's form the answers were given with" }),
  attachments: z.array(ZAttachment),
  documents: z.array(ZDocumentRef),
  history: z.array(ZStatusChange).meta({ description: "Every status change, oldest first" }),
  integrationRequest: ZIntegrationRequest.nullable().meta({ description: "The open integration request, if any" }),
}).meta({ id: "ApplicationDetail" });

export const API_TRANSITION_ACTIONS = [
  "takeInCharge",
  "requestIntegration",
  "resumeAfterIntegration",
  "resumeWithoutIntegration",
  "accept",
  "reject",
  "reopen",
  "annul",
] as const;
type TApiTransitionAction = (typeof API_TRANSITION_ACTIONS)[number];

const integrationShape = ZRequestIntegrationInput.shape;

const ZTransitionBody = z
  .object({
    action: z.enum(API_TRANSITION_ACTIONS),
    reason: z
      .string()
      .max(REASON_MAX_LENGTH)
      .nullable()
      .optional()
      .meta({ description: "Required for reject, reopen, annul and resumeWithoutIntegration; sent to the citizen" }),
    expectedVersion: z.number().int().min(0).optional().meta({ description: "The version you read: 409 if the application changed since" }),
    integration: z
      .object({
        message: integrationShape.message,
        documents: integrationShape.documents,
        deadline: integrationShape.deadline.meta({ description: "Last day to answer (YYYY-MM-DD, Italian time)", example: "2026-12-01" }),
      })
      .optional()
      .meta({ description: "requestIntegration only: what the citizen is asked for, and by when" }),
  })
  .superRefine((body, ctx) => {
    if (body.action === "requestIntegration" && !body.integration) {
      ctx.addIssue({ code: "custom", path: ["integration"], message: "apiApplications.problems.integrationRequired" });
    }
  })
  .meta({ id: "TransitionRequest" });

// ---- helpers ----------------------------------------------------------------------------------

const notFound = () => new AppError("NOT_FOUND", "apiApplications.problems.applicationNotFound");

/** Submitted applications of the key's municipality only. */
const submittedWhere = (tenantId: string, applicationId: string) => ({ id: applicationId, tenantId, status: { gte: S.SUBMITTED } });

async function summaryOf(tenantId: string, applicationId: string) {
  const prisma = await db();
  const row = await prisma.application.findFirst({ where: submittedWhere(tenantId, applicationId), select: APPLICATION_SUMMARY_SELECT });
  if (!row) throw notFound();
  return toApplicationSummary(row);
}

async function findService(tenantId: string, idOrSlug: string) {
  const prisma = await db();
  return prisma.service.findFirst({ where: { tenantId, OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, select: { id: true, slug: true } });
}

/** A read of personal data by an external system, in the audit trail like an operator's. */
async function auditRead(key: TApiKeyPrincipal, ip: string | null, action: string, applicationId: string | null, details: Prisma.InputJsonObject = {}) {
  await recordAuditEvent({ tenantId: key.tenantId, actorKind: "API", actorId: key.id, action, applicationId, ip, details: { apiKey: key.prefix, ...details } });
}

// Keyset pages on (submittedAt desc, id desc): the cursor is the last row's position.
const ZCursor = z.object({ k: z.iso.datetime(), i: z.string().min(1).max(64) });
type TCursor = z.infer<typeof ZCursor>;

const encodeCursor = (c: TCursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

function decodeCursor(raw: string): TCursor {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    // reported below
  }
  const cursor = ZCursor.safeParse(parsed);
  if (!cursor.success) {
    throw new AppError("BAD_REQUEST", "apiApplications.problems.cursorInvalid", { fields: { cursor: "apiApplications.problems.cursorInvalid" } });
  }
  return cursor.data;
}

/** Timestamps as UTC text cast to Prisma's timestamp(3), whatever the session's time zone. */
const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamp(3)`;

type TListQuery = z.output<typeof ZListQuery>;

/** A page of ids in the list's order (index (tenantId, …, submittedAt, id)), then their rows in
 * one query: two queries whatever the page size. */
async function listApplications(tenantId: string, query: TListQuery) {
  const prisma = await db();
  const conds: Prisma.Sql[] = [Prisma.sql`a."tenantId" = ${tenantId}`, Prisma.sql`a.status IN (${SUBMITTED_SQL})`, Prisma.sql`a."submittedAt" IS NOT NULL`];
  if (query.service) {
    const service = await findService(tenantId, query.service);
    if (!service) throw new AppError("BAD_REQUEST", "apiApplications.problems.serviceNotFound", { fields: { service: "apiApplications.problems.serviceNotFound" } });
    conds.push(Prisma.sql`a."serviceId" = ${service.id}`);
  }
  if (query.status?.length) conds.push(Prisma.sql`a.status IN (${Prisma.join(query.status)})`);
  if (query.submittedFrom) conds.push(Prisma.sql`a."submittedAt" >= ${ts(startOfRomeDay(query.submittedFrom)!)}`);
  if (query.submittedTo) conds.push(Prisma.sql`a."submittedAt" < ${ts(startOfRomeDay(query.submittedTo, 1)!)}`);
  if (query.updatedSince) conds.push(Prisma.sql`a."updatedAt" >= ${ts(new Date(query.updatedSince))}`);
  if (query.fiscalCode) conds.push(Prisma.sql`a."applicantFiscalCode" = ${query.fiscalCode}`);
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    conds.push(Prisma.sql`(a."submittedAt", a.id) < (${ts(new Date(after.k))}, ${after.i})`);
  }
  const idRows = await prisma.$queryRaw<{ id: string; submittedAt: Date }[]>`
    SELECT a.id, a."submittedAt" FROM "Application" a
    WHERE ${Prisma.join(conds, " AND ")}
    ORDER BY a."submittedAt" DESC, a.id DESC
    LIMIT ${query.limit + 1}`;
  const page = idRows.slice(0, query.limit);
  const rows = page.length
    ? await prisma.application.findMany({ where: { tenantId, id: { in: page.map((r) => r.id) } }, select: APPLICATION_SUMMARY_SELECT })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const last = page[page.length - 1];
  return {
    items: page.flatMap((r) => {
      const row = byId.get(r.id);
      return row ? [toApplicationSummary(row)] : [];
    }),
    nextCursor: idRows.length > query.limit && last ? encodeCursor({ k: last.submittedAt.toISOString(), i: last.id }) : null,
  };
}

/** The answers' files and the files of sent messages; never an upload no message claimed (the
 * operator or the citizen gave up on it: attachment-keys.ts). */
const API_VISIBLE_ATTACHMENTS: Prisma.AttachmentWhereInput = {
  OR: [{ messageId: { not: null } }, { fieldKey: null }, { fieldKey: { notIn: Object.values(MESSAGE_UPLOAD_KEY) } }],
};

const attachmentHref = (applicationId: string, attachmentId: string) => `/api/v1/applications/${applicationId}/attachments/${attachmentId}`;

async function applicationDetail(tenantId: string, applicationId: string) {
  const prisma = await db();
  const app = await prisma.application.findFirst({
    where: submittedWhere(tenantId, applicationId),
    select: {
      ...APPLICATION_SUMMARY_SELECT,
      data: true,
      formVersion: { select: { version: true } },
      attachments: {
        where: { tenantId, ...API_VISIBLE_ATTACHMENTS },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, fieldKey: true, messageId: true, fileName: true, kind: true, mimeType: true, size: true, sha256: true },
      },
      documents: {
        where: { tenantId },
        orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, title: true, protocolNumber: true, issuedAt: true },
      },
      statusChanges: {
        where: { tenantId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { fromStatus: true, toStatus: true, createdAt: true, actorKind: true, reason: true },
      },
      integrationRequests: {
        where: { tenantId, closedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, message: true, documents: true, deadline: true, createdAt: true, answeredAt: true, answerText: true },
      },
    },
  });
  if (!app) throw notFound();
  const { data, formVersion, attachments, documents, statusChanges, integrationRequests, ...summary } = app;
  const open = integrationRequests[0];
  return {
    ...toApplicationSummary(summary),
    data: data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    formVersion: formVersion.version,
    attachments: attachments.map((a) => ({ ...a, href: attachmentHref(app.id, a.id) })),
    documents: documents.map((d) => ({ ...d, issuedAt: iso(d.issuedAt), href: `/api/v1/documents/${d.id}` })),
    history: statusChanges.map((c) => ({ from: c.fromStatus, to: c.toStatus, at: iso(c.createdAt), actorKind: c.actorKind, reason: c.reason })),
    integrationRequest: open
      ? {
          id: open.id,
          message: open.message,
          documents: Array.isArray(open.documents) ? open.documents.filter((d): d is string => typeof d === "string") : [],
          deadline: iso(open.deadline),
          createdAt: iso(open.createdAt),
          answeredAt: iso(open.answeredAt),
          answerText: open.answerText,
        }
      : null,
  };
}

/** The latest receipt or outcome PDF of an application (an outcome is issued again after a reopen
 * and a new decision). */
async function applicationPdf(input: { tenantId: string; applicationId: string; kind: DocumentKind; key: TApiKeyPrincipal; ip: string | null }) {
  const prisma = await db();
  const app = await prisma.application.findFirst({ where: submittedWhere(input.tenantId, input.applicationId), select: { id: true, protocolNumber: true } });
  if (!app) throw notFound();
  const document = await prisma.document.findFirst({
    where: { tenantId: input.tenantId, applicationId: app.id, kind: input.kind, fileKey: { not: null } },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, fileKey: true },
  });
  const bytes = document?.fileKey ? await fileStorage().get(document.fileKey) : null;
  const missing = input.kind === "RECEIPT" ? "apiApplications.problems.receiptNotFound" : "apiApplications.problems.outcomeNotFound";
  if (!document || !bytes) throw new AppError("NOT_FOUND", missing);
  await auditRead(input.key, input.ip, "document.download", app.id, { documentId: document.id, kind: input.kind });
  const prefix = input.kind === "RECEIPT" ? "ricevuta" : "esito";
  return privatePdfResponse(bytes, { fileName: `${prefix}-${(app.protocolNumber ?? app.id).replace(/[^\w-]+/g, "-")}.pdf`, disposition: "attachment" });
}

/** The service's words for a refused transition, reworded for a program: the action, and the
 * status the application is in now (from the service's fields.status label key). */
function apiConflict(e: AppError, action: TApiTransitionAction): never {
  const apiKey = { "applications.errors.transitionNotAllowed": "transitionNotAllowed", "applications.errors.staleVersion": "staleVersion" }[e.messageKey];
  if (e.code !== "CONFLICT" || !apiKey) throw e;
  const name = e.fields?.status?.split(".").pop() ?? "";
  const code = (S as Record<string, number>)[name];
  throw new ApiProblem(409, `apiApplications.problems.${apiKey}`, { values: { action, status: code ? `${code} ${name}` : "?" } });
}

/** requestIntegration's field errors point into the body's "integration" object. */
function underIntegration(e: unknown): never {
  if (isAppError(e) && e.code === "BAD_REQUEST" && e.fields) {
    const fields = Object.fromEntries(Object.entries(e.fields).map(([path, messageKey]) => [`integration.${path}`, messageKey]));
    throw new AppError("BAD_REQUEST", e.messageKey, { fields });
  }
  throw e;
}

async function performTransition(input: {
  tenantId: string;
  key: TApiKeyPrincipal;
  ip: string | null;
  applicationId: string;
  body: z.output<typeof ZTransitionBody>;
}): Promise<void> {
  const prisma = await db();
  const current = await prisma.application.findFirst({ where: submittedWhere(input.tenantId, input.applicationId), select: { id: true, version: true } });
  if (!current) throw notFound();
  const { action, reason, integration } = input.body;
  const actor: TApiActorRef = { kind: "api", keyId: input.key.id, keyPrefix: input.key.prefix };
  // Without expectedVersion the key acts on what is there now.
  const ref = { tenantId: input.tenantId, applicationId: current.id, staff: actor, ip: input.ip, expectedVersion: input.body.expectedVersion ?? current.version };
  try {
    switch (action) {
      case "takeInCharge":
        await takeInCharge(ref);
        return;
      case "accept":
      case "reject":
      case "reopen":
      case "annul":
        await decide({ ...ref, action, reason });
        return;
      case "requestIntegration":
        await requestIntegration({ ...ref, ...integration! }).catch(underIntegration);
        return;
      case "resumeAfterIntegration":
        await resumeIntegration({ ...ref, mode: "afterAnswer" });
        return;
      case "resumeWithoutIntegration":
        await resumeIntegration({ ...ref, mode: "withoutAnswer", reason: reason ?? "" });
        return;
    }
  } catch (e) {
    if (isAppError(e)) apiConflict(e, action);
    throw e;
  }
}

// ---- routes -----------------------------------------------------------------------------------

export const APPLICATIONS_ROUTES: readonly TApiRoute[] = [
  defineApiRoute({
    method: "get",
    path: "/applications",
    operationId: "listApplications",
    summary: "Submitted applications, newest first, with filters",
    description:
      "Every application submitted to the municipality (never drafts), newest submission first, a page at a time: pass `nextCursor` " +
      "as `cursor` for the next page. For synchronisation, filter with `updatedSince` set to the time of your previous run.",
    tag: TAG,
    scope: "applications:read",
    query: ZListQuery,
    responses: { 200: { description: "A page of applications", json: ZApplicationPage } },
    problems: [403],
    handler: async ({ tenantId, query }) => ({ body: await listApplications(tenantId, query) }),
  }),

  defineApiRoute({
    method: "get",
    path: "/applications/{applicationId}",
    operationId: "getApplication",
    summary: "One application: answers, files, documents, history",
    tag: TAG,
    scope: "applications:read",
    params: ZApplicationIdParams,
    responses: { 200: { description: "The application", json: ZApplicationDetail } },
    problems: [403, 404],
    handler: async ({ tenantId, key, ip, params }) => {
      const body = await applicationDetail(tenantId, params.applicationId);
      await auditRead(key, ip, "application.view", body.id);
      return { body };
    },
  }),

  defineApiRoute({
    method: "get",
    path: "/applications/{applicationId}/attachments/{attachmentId}",
    operationId: "getApplicationAttachment",
    summary: "A file of the application (an answer of the form, or sent with a message)",
    tag: TAG,
    scope: "applications:read",
    params: z.object({ applicationId: ZId, attachmentId: ZId }),
    responses: {
      200: {
        description: "The file, with its type",
        contentType: FILE_KIND_INFO.pdf.mimeType,
        otherContentTypes: [FILE_KIND_INFO.jpeg.mimeType, FILE_KIND_INFO.png.mimeType, FILE_KIND_INFO.p7m.mimeType],
      },
    },
    problems: [403, 404],
    handler: async ({ tenantId, key, ip, params }) => {
      const prisma = await db();
      const row = await prisma.attachment.findFirst({
        where: { id: params.attachmentId, tenantId, applicationId: params.applicationId, application: submittedWhere(tenantId, params.applicationId), ...API_VISIBLE_ATTACHMENTS },
        select: { id: true, applicationId: true, fileName: true, mimeType: true, storageKey: true },
      });
      const bytes = row ? await fileStorage().get(row.storageKey) : null;
      if (!row || !bytes) throw new AppError("NOT_FOUND", "apiApplications.problems.attachmentNotFound");
      await auditRead(key, ip, "attachment.download", row.applicationId, { attachmentId: row.id, fileName: row.fileName });
      return new Response(new Uint8Array(bytes), {
        headers: {
          "Content-Type": row.mimeType,
          "Content-Length": String(bytes.byteLength),
          "Content-Disposition": contentDisposition("attachment", row.fileName),
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    },
  }),

  defineApiRoute({
    method: "get",
    path: "/applications/{applicationId}/receipt.pdf",
    operationId: "getApplicationReceipt",
    summary: "The receipt of the submission (PDF)",
    description: "Issued when the application is registered in the protocol: 404 until then.",
    tag: TAG,
    scope: "applications:read",
    params: ZApplicationIdParams,
    responses: { 200: { description: "The receipt", contentType: "application/pdf" } },
    problems: [403, 404],
    handler: async ({ tenantId, key, ip, params }) => applicationPdf({ tenantId, key, ip, applicationId: params.applicationId, kind: "RECEIPT" }),
  }),

  defineApiRoute({
    method: "get",
    path: "/applications/{applicationId}/outcome.pdf",
    operationId: "getApplicationOutcome",
    summary: "The outcome document of an accepted or rejected application (PDF)",
    description: "Issued after the decision (status 7000 or 9000): 404 until then. After a reopen and a new decision, the latest one.",
    tag: TAG,
    scope: "applications:read",
    params: ZApplicationIdParams,
    responses: { 200: { description: "The outcome document", contentType: "application/pdf" } },
    problems: [403, 404],
    handler: async ({ tenantId, key, ip, params }) => applicationPdf({ tenantId, key, ip, applicationId: params.applicationId, kind: "OUTCOME" }),
  }),

  defineApiRoute({
    method: "post",
    path: "/applications/{applicationId}/transitions",
    operationId: "transitionApplication",
    summary: "Move the application on: take in charge, ask for an integration, resume, accept, reject, reopen, annul",
    description:
      "The same actions as the back office's buttons, under the same status machine; the citizen is notified as for an operator's action " +
      "and the history records the key. takeInCharge (from 3000) leaves the application to no operator. 409 when the action is not " +
      "possible from the current status or the application changed after `expectedVersion`.",
    tag: TAG,
    scope: "applications:write",
    params: ZApplicationIdParams,
    body: { kind: "json", schema: ZTransitionBody },
    responses: { 200: { description: "The application after the action", json: ZApplicationSummary } },
    problems: [403, 404, 409],
    handler: async ({ tenantId, key, ip, params, body }) => {
      await performTransition({ tenantId, key, ip, applicationId: params.applicationId, body });
      return { body: await summaryOf(tenantId, params.applicationId) };
    },
  }),

  defineApiRoute({
    method: "get",
    path: "/services/{serviceId}/applications.csv",
    operationId: "exportServiceApplications",
    summary: "A service's applications as CSV (the back office's export)",
    description: "Semicolon-separated UTF-8 with a byte order mark, for Italian spreadsheets; `separator=comma` for commas.",
    tag: TAG,
    scope: "applications:read",
    params: z.object({ serviceId: z.string().min(1).max(200).meta({ description: "The service's id or slug" }) }),
    query: z.object({ separator: z.enum(["semicolon", "comma"]).default("semicolon") }),
    responses: { 200: { description: "The CSV file", contentType: "text/csv" } },
    problems: [403, 404],
    handler: async ({ tenantId, key, ip, params, query, locale }) => {
      const service = await findService(tenantId, params.serviceId);
      if (!service) throw new AppError("NOT_FOUND", "apiApplications.problems.serviceNotFound");
      const now = new Date();
      await auditRead(key, ip, "applications.export", null, { serviceId: service.id });
      const body = await inboxCsvStream({
        tenantId,
        // The export's filters never include "assigned to me": no staff member behind a key.
        staffUserId: "",
        filters: { serviceId: service.id },
        sort: "submittedAt_desc",
        locale,
        separator: csvSeparatorParam(query.separator === "comma" ? "comma" : null),
        now,
      });
      return new Response(body, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": contentDisposition("attachment", inboxExportFileName(service.slug, now)),
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    },
  }),
];
