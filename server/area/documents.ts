import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { fileStorage } from "@/server/storage/storage";
import type { TFileStorage } from "@/server/storage/types";
import type { TAreaRef } from "./applications";

// Documents the municipality issued to the citizen (receipts, outcome documents) and those its
// other systems sent them through the REST API (POST /api/v1/citizens/{fiscalCode}/documents,
// labelled with their source). A document is the citizen's when the application it belongs to is
// theirs, or when it was addressed to them with no application.

/** The documents a citizen may see: of their applications, or addressed to them. */
export const ownDocumentsWhere = ({ tenantId, citizenId }: TAreaRef) => ({
  tenantId,
  OR: [{ application: { tenantId, citizenId } }, { citizenId, applicationId: null }],
});
const ownDocuments = ownDocumentsWhere;

/** The citizen's documents in this municipality, newest first; `take` limits the list. */
export async function listDocuments(ref: TAreaRef & { take?: number }) {
  const prisma = await db();
  const rows = await prisma.document.findMany({
    where: ownDocuments(ref),
    select: {
      id: true,
      kind: true,
      title: true,
      protocolNumber: true,
      issuedAt: true,
      fileKey: true,
      sourceLabel: true,
      application: { select: { id: true, protocolNumber: true, service: { select: { name: true } } } },
    },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    take: ref.take,
  });
  return rows.map(({ fileKey, ...d }) => ({ ...d, downloadable: fileKey !== null }));
}

export type TAreaDocument = Awaited<ReturnType<typeof listDocuments>>[number];

export async function countDocuments(ref: TAreaRef): Promise<number> {
  const prisma = await db();
  return prisma.document.count({ where: ownDocuments(ref) });
}

/** The PDF of one of the citizen's documents. Anyone else's, or one without a file → NOT_FOUND. */
export async function getDocumentFile(
  ref: TAreaRef & { documentId: string },
  storage: TFileStorage = fileStorage(),
): Promise<{ title: string; bytes: Buffer }> {
  const prisma = await db();
  const document = await prisma.document.findFirst({
    where: { id: ref.documentId, ...ownDocuments(ref) },
    select: { title: true, fileKey: true },
  });
  const bytes = document?.fileKey ? await storage.get(document.fileKey) : null;
  if (!document || !bytes) throw new AppError("NOT_FOUND", "personalArea.documents.notFound");
  return { title: document.title, bytes };
}
