import { recordAuditEvent } from "@/server/audit/record";
import { createHash, randomUUID } from "node:crypto";
import { ownerWhere, type TApplicant } from "@/server/applications/applicant";
import { APPLICATION_STATUS } from "@/server/applications/status";
import { effectiveRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import type { Attachment, Membership } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { citizenVisibleAttachmentWhere } from "@/server/conversation/attachment-keys";
import { ZFormSchema, type TFileKind, type TFileRef, type TFormSchema } from "@/server/forms/schema";
import { fileStorage } from "@/server/storage/storage";
import type { TFileStorage } from "@/server/storage/types";
import { fileFields, fileRefsIn, findFileField } from "./file-fields";
import { sanitizeFileName } from "./file-name";
import { BYTES_PER_MB, fileKindLabels } from "./kinds";
import { sniffFileKind } from "./sniff";
import { UploadError } from "./upload-error";

// Files attached to an application's form answers. A file is checked by its content (sniff.ts)
// against the field's accepted kinds and size, stored under
// "<tenantId>/attachments/<applicationId>/<attachmentId>" and recorded as an Attachment; the
// form keeps only the reference { id, name, size, type } (type = the sniffed MIME type, which
// the form validator checks against the field's kinds). Only the applicant adds or removes files,
// only while the application is a draft; files are read only through getAttachmentForViewer.
// Files sent with messages go through the same checks (storeAttachment) from
// server/conversation/attachments.ts.

/** Per application, whatever the form says: stops a script from filling the disk. */
export const MAX_ATTACHMENTS_PER_APPLICATION = 50;
export const MAX_ATTACHMENT_MB_PER_APPLICATION = 250;

const applicationNotFound = () => new AppError("NOT_FOUND", "applications.errors.applicationNotFound");
const attachmentNotFound = () => new AppError("NOT_FOUND", "uploads.errors.attachmentNotFound");
const notADraft = () => new AppError("CONFLICT", "applications.errors.notADraft");

function parseFormSchema(json: unknown): TFormSchema {
  const parsed = ZFormSchema.safeParse(json);
  // Published form versions were checked when saved: a broken one is a server fault.
  if (!parsed.success) throw new Error("The application's form version does not parse", { cause: parsed.error });
  return parsed.data;
}

/** The applicant's draft and its form; another person's → NOT_FOUND, not a draft → CONFLICT. */
async function ownDraft(input: { tenantId: string; applicationId: string; applicant: TApplicant }) {
  const prisma = await db();
  const application = await prisma.application.findFirst({
    where: { id: input.applicationId, tenantId: input.tenantId, ...ownerWhere(input.applicant) },
    select: { id: true, status: true, formVersion: { select: { schema: true } } },
  });
  if (!application) throw applicationNotFound();
  if (application.status !== APPLICATION_STATUS.DRAFT) throw notADraft();
  return { id: application.id, schema: parseFormSchema(application.formVersion.schema) };
}

/**
 * The largest upload the applicant's draft can take (its largest file field), so the route can
 * refuse an oversized request before reading its body. Same errors as uploadAttachment.
 */
export async function maxUploadBytes(input: { tenantId: string; applicationId: string; applicant: TApplicant }): Promise<number> {
  const { schema } = await ownDraft(input);
  const largest = Math.max(0, ...fileFields(schema).map((f) => f.maxSizeMb));
  if (largest === 0) throw new AppError("BAD_REQUEST", "uploads.errors.unknownField");
  return Math.floor(largest * BYTES_PER_MB);
}

export type TUploadAttachmentInput = {
  tenantId: string;
  applicationId: string;
  applicant: TApplicant;
  /** The field's answer path: "certificatoMedico" or "componenti.0.documento" (see file-fields.ts). */
  fieldKey: string;
  fileName: string;
  bytes: Uint8Array;
  storage?: TFileStorage;
};

export async function uploadAttachment(input: TUploadAttachmentInput): Promise<TFileRef> {
  const draft = await ownDraft(input);
  const found = findFileField(draft.schema, input.fieldKey);
  if (!found) throw new AppError("BAD_REQUEST", "uploads.errors.unknownField");
  const { field, fieldKey } = found;
  return storeAttachment({ ...input, applicationId: draft.id, fieldKey, maxSizeMb: field.maxSizeMb, accept: field.accept ?? [] });
}

/**
 * The checks every uploaded file goes through, then bytes and row: not empty, within `maxSizeMb`,
 * one of the `accept`ed kinds by its content, within the application's totals. The caller has
 * checked who may add a file to the application (the applicant's draft here, a message's sender
 * in server/conversation/attachments.ts).
 */
export async function storeAttachment(input: {
  tenantId: string;
  applicationId: string;
  fieldKey: string;
  fileName: string;
  bytes: Uint8Array;
  maxSizeMb: number;
  accept: readonly TFileKind[];
  storage?: TFileStorage;
}): Promise<TFileRef> {
  const shownName = input.fileName.trim() || "—";
  if (input.bytes.length === 0) throw new UploadError("BAD_REQUEST", "uploads.errors.empty", { name: shownName });
  if (input.bytes.length > input.maxSizeMb * BYTES_PER_MB) {
    throw new UploadError("PAYLOAD_TOO_LARGE", "uploads.errors.tooLarge", { name: shownName, max: input.maxSizeMb });
  }
  const sniffed = sniffFileKind(input.bytes);
  if (!sniffed || !input.accept.includes(sniffed.kind)) {
    throw new UploadError("BAD_REQUEST", "uploads.errors.typeNotAllowed", { name: shownName, types: fileKindLabels(input.accept) });
  }

  const prisma = await db();
  const usage = await prisma.attachment.aggregate({
    where: { tenantId: input.tenantId, applicationId: input.applicationId },
    _count: { _all: true },
    _sum: { size: true },
  });
  if (usage._count._all >= MAX_ATTACHMENTS_PER_APPLICATION) {
    throw new UploadError("CONFLICT", "uploads.errors.tooManyFiles", { max: MAX_ATTACHMENTS_PER_APPLICATION });
  }
  if ((usage._sum.size ?? 0) + input.bytes.length > MAX_ATTACHMENT_MB_PER_APPLICATION * BYTES_PER_MB) {
    throw new UploadError("PAYLOAD_TOO_LARGE", "uploads.errors.applicationTotalTooLarge", { max: MAX_ATTACHMENT_MB_PER_APPLICATION });
  }

  const storage = input.storage ?? fileStorage();
  const id = randomUUID();
  const storageKey = `${input.tenantId}/attachments/${input.applicationId}/${id}`;
  const name = sanitizeFileName(input.fileName, sniffed.kind);
  // Bytes first: a row never points at nothing. If the row can't be written, the bytes go.
  await storage.put(storageKey, input.bytes);
  try {
    await prisma.attachment.create({
      data: {
        id,
        tenantId: input.tenantId,
        applicationId: input.applicationId,
        fieldKey: input.fieldKey,
        fileName: name,
        kind: sniffed.kind,
        mimeType: sniffed.mimeType,
        size: input.bytes.length,
        sha256: createHash("sha256").update(input.bytes).digest("hex"),
        storageKey,
      },
    });
  } catch (e) {
    await storage.delete(storageKey).catch(() => {});
    throw e;
  }
  return { id, name, size: input.bytes.length, type: sniffed.mimeType };
}

/** Removes one of the applicant's files from their draft (row and bytes). */
export async function deleteAttachment(input: {
  tenantId: string;
  applicationId: string;
  attachmentId: string;
  applicant: TApplicant;
  storage?: TFileStorage;
}): Promise<void> {
  const prisma = await db();
  const attachment = await prisma.attachment.findFirst({
    where: { id: input.attachmentId, tenantId: input.tenantId, applicationId: input.applicationId, application: ownerWhere(input.applicant) },
    select: { id: true, storageKey: true, application: { select: { status: true } } },
  });
  if (!attachment) throw attachmentNotFound();
  if (attachment.application.status !== APPLICATION_STATUS.DRAFT) throw notADraft();
  await prisma.attachment.deleteMany({ where: { id: attachment.id, tenantId: input.tenantId } });
  try {
    await (input.storage ?? fileStorage()).delete(attachment.storageKey);
  } catch (e) {
    // The row is gone, so nobody can reach the bytes; a leftover file is only wasted space.
    console.warn("[uploads] could not delete stored file", { storageKey: attachment.storageKey, error: String(e) });
  }
}

/** Who asks to see a file: the applicant of this request and/or a signed-in staff member. */
export type TAttachmentViewer = {
  applicant?: TApplicant | null;
  staff?: { id?: string; isSuperAdmin: boolean; memberships: readonly Pick<Membership, "tenantId" | "role">[] } | null;
  /** The request's address, for the audit line of a staff download. */
  ip?: string | null;
};

export type TAttachmentForViewer = {
  attachment: Pick<Attachment, "id" | "applicationId" | "fileName" | "kind" | "mimeType" | "size" | "sha256" | "createdAt">;
  bytes: Buffer;
};

/**
 * A file with its bytes, for the applicant who owns the application or staff with a role in the
 * municipality (any role; super-admins too); for the applicant, not the office's internal files.
 * Anyone else, another municipality's staff
 * included, gets NOT_FOUND: whether the file exists is not revealed.
 */
export async function getAttachmentForViewer(input: {
  tenantId: string;
  attachmentId: string;
  viewer: TAttachmentViewer;
  storage?: TFileStorage;
}): Promise<TAttachmentForViewer> {
  const { viewer } = input;
  const staffRole = viewer.staff ? effectiveRole(viewer.staff, input.tenantId) : null;
  const isStaff = staffRole !== null;
  if (!isStaff && !viewer.applicant) throw attachmentNotFound();
  const prisma = await db();
  const row = await prisma.attachment.findFirst({
    where: {
      id: input.attachmentId,
      tenantId: input.tenantId,
      // The applicant: their own application's files, but never an internal note's nor an
      // operator's upload not yet sent (attachment-keys.ts).
      ...(isStaff ? {} : { application: ownerWhere(viewer.applicant!), ...citizenVisibleAttachmentWhere() }),
    },
  });
  if (!row) throw attachmentNotFound();
  const bytes = await (input.storage ?? fileStorage()).get(row.storageKey);
  if (!bytes) {
    console.error("[uploads] attachment has no stored bytes", { attachmentId: row.id, storageKey: row.storageKey });
    throw attachmentNotFound();
  }
  // Staff reading a citizen's file is part of the audit trail, like opening the application.
  if (isStaff && viewer.staff?.id) {
    await recordAuditEvent({
      tenantId: input.tenantId,
      actorKind: "STAFF",
      actorId: viewer.staff.id,
      actorRole: staffRole,
      action: "attachment.download",
      applicationId: row.applicationId,
      ip: viewer.ip ?? null,
      details: { attachmentId: row.id, fileName: row.fileName },
    });
  }
  const { id, applicationId, fileName, kind, mimeType, size, sha256, createdAt } = row;
  return { attachment: { id, applicationId, fileName, kind, mimeType, size, sha256, createdAt }, bytes };
}

/**
 * For submission: every file the answers point to must be an attachment of this application,
 * uploaded for that field, with the size and type the upload service recorded, so a client can
 * neither reference another person's file nor dress a file up as an accepted type. Throws
 * BAD_REQUEST with the answer path of each bad reference; the form's own validator still checks
 * counts, kinds and sizes against the field.
 */
export async function assertAttachmentsBelongTo(input: {
  tenantId: string;
  applicationId: string;
  schema: TFormSchema;
  data: unknown;
}): Promise<void> {
  const refs = fileRefsIn(input.schema, input.data);
  if (refs.length === 0) return;
  const prisma = await db();
  const rows = await prisma.attachment.findMany({
    where: { tenantId: input.tenantId, applicationId: input.applicationId, id: { in: [...new Set(refs.map((r) => r.ref.id))] } },
    select: { id: true, fieldKey: true, size: true, mimeType: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fields: Record<string, string> = {};
  for (const { path, fieldKey, ref } of refs) {
    const row = byId.get(ref.id);
    const ok = row && row.fieldKey === fieldKey && row.size === ref.size && row.mimeType === ref.type;
    if (!ok) fields[path] = "uploads.errors.attachmentInvalid";
  }
  if (Object.keys(fields).length > 0) throw new AppError("BAD_REQUEST", "uploads.errors.attachmentsInvalid", { fields });
}
