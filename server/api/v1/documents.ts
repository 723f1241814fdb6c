import { z } from "zod";
import { supplyOutcomeDocument } from "@/server/applications/outcome";
import { recordAuditEvent } from "@/server/audit/record";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { privatePdfResponse } from "@/server/http/file-response";
import { fileStorage } from "@/server/storage/storage";
import { sniffFileKind } from "@/server/uploads/sniff";
import { UploadError } from "@/server/uploads/upload-error";
import { API_V1_BASE } from "../dispatch";
import { defineApiRoute } from "../route";
import { externalIdOf, INBOUND_DOCUMENT_SELECT, INBOUND_PDF_MAX_BYTES, INBOUND_PDF_MAX_MB } from "./inbound-delivery";
import { submittedApplicationOr404 } from "./messages";
import { iso, ZDateTime, ZId } from "./schemas";

// Documents through the API: an application's documents (receipt, outcome), the PDF of any
// document of the municipality (standalone ones sent to citizens included), and the outcome
// document an external system decided and signed itself (POST …/outcome-document).

/** A document as the API shows it (the same select as inbound deliveries answer with). */
export const DOCUMENT_SELECT = INBOUND_DOCUMENT_SELECT;

type TDocumentRow = Prisma.DocumentGetPayload<{ select: typeof DOCUMENT_SELECT }>;

export const ZApiDocument = z
  .object({
    id: ZId,
    kind: z.enum(["RECEIPT", "OUTCOME", "OTHER"]).meta({ description: "RECEIPT (of a submission), OUTCOME (of a decision), OTHER" }),
    title: z.string(),
    protocolNumber: z.string().nullable(),
    applicationId: ZId.nullable().meta({ description: "The application it belongs to; null for documents sent to a citizen directly" }),
    recipientFiscalCode: z.string().nullable().meta({ description: "For documents sent to a citizen directly: their fiscal code" }),
    sourceLabel: z.string().nullable().meta({ description: "For documents sent by a system through the API: its name as the citizen reads it" }),
    externalId: z.string().nullable().meta({ description: "The sender's identifier, if it gave one" }),
    sha256: z.string().meta({ description: "SHA-256 of the PDF (hex)" }),
    verificationCode: z.string().meta({ description: "Code to verify the document on the municipality's verification page" }),
    issuedAt: ZDateTime,
    href: z.string().nullable().meta({ description: "Download address of the PDF in the API; null while the file is not ready" }),
  })
  .meta({ id: "Document" });

export function documentHref(documentId: string): string {
  return `${API_V1_BASE}/documents/${encodeURIComponent(documentId)}`;
}

export function toApiDocument(d: TDocumentRow): z.output<typeof ZApiDocument> {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    protocolNumber: d.protocolNumber,
    applicationId: d.applicationId,
    recipientFiscalCode: d.applicationId ? null : (d.citizen?.fiscalCode ?? null),
    sourceLabel: d.sourceLabel,
    externalId: externalIdOf(d.dedupeKey),
    sha256: d.sha256,
    verificationCode: d.verificationCode,
    issuedAt: iso(d.issuedAt),
    href: d.fileKey ? documentHref(d.id) : null,
  };
}

/** The bytes of an uploaded part, refused unless they are a PDF (by content) of at most 10 MB. */
export async function pdfBytesOf(file: File): Promise<Buffer> {
  if (file.size > INBOUND_PDF_MAX_BYTES) throw new UploadError("PAYLOAD_TOO_LARGE", "apiInbound.errors.fileTooLarge", { max: INBOUND_PDF_MAX_MB });
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.length === 0) throw new AppError("BAD_REQUEST", "apiInbound.errors.fileEmpty", { fields: { file: "apiInbound.errors.fileEmpty" } });
  if (sniffFileKind(bytes)?.kind !== "pdf") throw new AppError("BAD_REQUEST", "apiInbound.errors.notPdf", { fields: { file: "apiInbound.errors.notPdf" } });
  return bytes;
}

/** Room for the multipart envelope and the text fields around the 10 MB file. */
export const PDF_UPLOAD_MAX_BYTES = INBOUND_PDF_MAX_BYTES + 256 * 1024;

const ZPdfPart = z.file().meta({ description: `The PDF (checked by content), at most ${INBOUND_PDF_MAX_MB} MB` });

const notFound = () => new AppError("NOT_FOUND", "apiInbound.errors.documentNotFound");

export const DOCUMENTS_ROUTES = [
  defineApiRoute({
    method: "get",
    path: "/applications/{applicationId}/documents",
    operationId: "listApplicationDocuments",
    summary: "An application's documents (receipt, outcome)",
    tag: "Documents",
    scope: "applications:read",
    params: z.object({ applicationId: ZId }),
    responses: { 200: { description: "Newest first", json: z.object({ items: z.array(ZApiDocument) }).meta({ id: "DocumentList" }) } },
    problems: [403, 404],
    handler: async ({ tenantId, params }) => {
      const app = await submittedApplicationOr404(tenantId, params.applicationId);
      const prisma = await db();
      const rows = await prisma.document.findMany({
        where: { tenantId, applicationId: app.id },
        select: DOCUMENT_SELECT,
        orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
      });
      return { body: { items: rows.map(toApiDocument) } };
    },
  }),
  defineApiRoute({
    method: "get",
    path: "/documents/{documentId}",
    operationId: "getDocumentFile",
    summary: "The PDF of a document of the municipality",
    description: "Any document of the key's municipality: of an application, or sent to a citizen directly. 404 while it has no file.",
    tag: "Documents",
    scope: "applications:read",
    params: z.object({ documentId: ZId }),
    responses: { 200: { description: "The PDF", contentType: "application/pdf" } },
    problems: [403, 404],
    handler: async ({ tenantId, params }) => {
      const prisma = await db();
      const doc = await prisma.document.findFirst({ where: { id: params.documentId, tenantId }, select: { title: true, fileKey: true } });
      const bytes = doc?.fileKey ? await fileStorage().get(doc.fileKey) : null;
      if (!doc || !bytes) throw notFound();
      return privatePdfResponse(bytes, { fileName: `${doc.title}.pdf`, disposition: "attachment" });
    },
  }),
  defineApiRoute({
    method: "post",
    path: "/applications/{applicationId}/outcome-document",
    operationId: "supplyOutcomeDocument",
    summary: "Decide an application with the outcome document signed by an external system",
    description:
      "While the application is being processed (4000, 4500) this accepts or rejects it (a rejection needs a reason) and attaches the PDF as its outcome document; " +
      "while it awaits the outcome document of the same decision (6000, 8000) the PDF takes the place of the generated one. Either way the application becomes final (7000 / 9000) " +
      "and the citizen finds the document in the personal area, with the usual notifications. Any other status: 409.",
    tag: "Documents",
    scope: "documents:write",
    params: z.object({ applicationId: ZId }),
    body: {
      kind: "multipart",
      maxBytes: PDF_UPLOAD_MAX_BYTES,
      schema: z.object({
        outcome: z.enum(["accepted", "rejected"]),
        reason: z.string().max(10_000).optional().meta({ description: "Why (required to reject an application being processed); the citizen reads it" }),
        title: z.string().trim().max(200).optional().meta({ description: "The document's title (default: \"Esito della domanda <protocol number>\")" }),
        file: ZPdfPart,
      }),
    },
    responses: {
      201: {
        description: "The document attached; the application is final",
        json: z.object({ document: ZApiDocument, status: z.number().int().meta({ description: "The application's status now (7000 or 9000)" }) }).meta({ id: "OutcomeDocumentResult" }),
      },
    },
    problems: [403, 404, 409],
    handler: async ({ tenantId, key, params, body, ip }) => {
      await submittedApplicationOr404(tenantId, params.applicationId);
      const pdf = await pdfBytesOf(body.file);
      const result = await supplyOutcomeDocument({
        tenantId,
        applicationId: params.applicationId,
        outcome: body.outcome,
        reason: body.reason,
        title: body.title,
        pdf,
        actor: { kind: "api", keyId: key.id },
        also: async (tx, r) => {
          await recordAuditEvent({
            tenantId,
            actorKind: "API",
            actorId: key.id,
            action: "application.outcome_document",
            applicationId: params.applicationId,
            ip,
            details: { apiKey: key.prefix, documentId: r.documentId, outcome: body.outcome, status: r.status },
            tx,
          });
        },
      });
      const prisma = await db();
      const row = await prisma.document.findFirstOrThrow({ where: { id: result.documentId, tenantId }, select: DOCUMENT_SELECT });
      return { status: 201, body: { document: toApiDocument(row), status: result.status } };
    },
  }),
];
