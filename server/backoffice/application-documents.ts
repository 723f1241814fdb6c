import { APPLICATION_STATUS } from "@/server/applications/status";
import { recordAuditEvent } from "@/server/audit/record";
import type { TEffectiveRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { fileStorage } from "@/server/storage/storage";
import type { TFileStorage } from "@/server/storage/types";

// The documents the municipality issued for one application (receipt, outcome), as the office
// sees them on the application's page, and their PDFs for staff. Callers have checked that the
// staff member has a role in the tenant; drafts and other municipalities' applications have no
// documents here. A download is recorded in the audit trail like a view of the application.

type TApplicationRef = { tenantId: string; applicationId: string };

const applicationDocuments = ({ tenantId, applicationId }: TApplicationRef) => ({
  tenantId,
  applicationId,
  application: { tenantId, status: { gte: APPLICATION_STATUS.SUBMITTED } },
});

/** The application's documents, oldest first (the receipt, then the outcome). */
export async function listApplicationDocuments(ref: TApplicationRef) {
  const prisma = await db();
  const rows = await prisma.document.findMany({
    where: applicationDocuments(ref),
    select: { id: true, kind: true, title: true, protocolNumber: true, issuedAt: true, verificationCode: true, fileKey: true },
    orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
  });
  return rows.map(({ fileKey, ...d }) => ({ ...d, downloadable: fileKey !== null }));
}

export type TStaffApplicationDocument = Awaited<ReturnType<typeof listApplicationDocuments>>[number];

/** Where staff download a document of an application. */
export function staffDocumentHref(tenantSlug: string, applicationId: string, documentId: string): string {
  return `/${tenantSlug}/backoffice/domande/${applicationId}/documenti/${documentId}`;
}

/** The PDF of one of the application's documents; anything else (or no file) → NOT_FOUND. */
export async function getApplicationDocumentForStaff(
  input: TApplicationRef & { documentId: string; staff: { id: string; role: TEffectiveRole }; ip: string | null },
  storage: TFileStorage = fileStorage(),
): Promise<{ title: string; bytes: Buffer }> {
  const prisma = await db();
  const document = await prisma.document.findFirst({
    where: { id: input.documentId, ...applicationDocuments(input) },
    select: { id: true, kind: true, title: true, fileKey: true },
  });
  const bytes = document?.fileKey ? await storage.get(document.fileKey) : null;
  if (!document || !bytes) throw new AppError("NOT_FOUND", "outcome.staff.notFound");
  await recordAuditEvent({
    tenantId: input.tenantId,
    actorKind: "STAFF",
    actorId: input.staff.id,
    actorRole: input.staff.role,
    action: "document.download",
    applicationId: input.applicationId,
    ip: input.ip,
    details: { documentId: document.id, kind: document.kind },
  });
  return { title: document.title, bytes };
}
