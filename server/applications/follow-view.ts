import { buildTimeline } from "@/server/area/applications";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors";
import { DEFAULT_LOCALE, type TLocale } from "@/server/i18n/config";
import { fileStorage } from "@/server/storage/storage";
import type { TFileStorage } from "@/server/storage/types";
import { getApplicationByAccessToken } from "./follow";

// What the "follow your application" page (/{tenant}/domande/segui/{token}) shows an applicant
// without SPID: status, protocol number, dates, timeline, whether the receipt and the outcome
// document (server/applications/outcome.ts) can be downloaded. They have no personal area, so
// this page is where they get both. A wrong token, or another municipality's, gives null: the
// page and the download routes answer 404.

async function applicationOrNull(input: { tenantId: string; token: string }) {
  try {
    return await getApplicationByAccessToken(input);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return null;
    throw e;
  }
}

type TFollowDocumentKind = "RECEIPT" | "OUTCOME";

/** The latest document of that kind with its file (after a reopen and a new decision, the newest outcome). */
async function findDocument(tenantId: string, applicationId: string, kind: TFollowDocumentKind) {
  const prisma = await db();
  return prisma.document.findFirst({
    where: { tenantId, applicationId, kind, fileKey: { not: null } },
    orderBy: { issuedAt: "desc" },
    select: { fileKey: true, protocolNumber: true, title: true, issuedAt: true },
  });
}

/** The page's data; the timeline in plain language, as the personal area shows it. */
export async function getFollowView(input: { tenantId: string; token: string; locale?: TLocale }) {
  const application = await applicationOrNull(input);
  if (!application) return null;
  const [receipt, outcome, timeline] = await Promise.all([
    findDocument(input.tenantId, application.id, "RECEIPT"),
    findDocument(input.tenantId, application.id, "OUTCOME"),
    buildTimeline(application.statusChanges, input.locale ?? DEFAULT_LOCALE),
  ]);
  return {
    service: { slug: application.service.slug, name: application.service.name },
    status: application.status,
    protocolNumber: application.protocolNumber,
    createdAt: application.createdAt,
    submittedAt: application.submittedAt,
    registeredAt: application.registeredAt,
    dueDate: application.dueDate,
    timeline,
    hasReceipt: receipt !== null,
    hasOutcome: outcome !== null,
    outcome: outcome ? { title: outcome.title, issuedAt: outcome.issuedAt } : null,
  };
}

export type TFollowView = NonNullable<Awaited<ReturnType<typeof getFollowView>>>;

type TFollowPdf = { pdf: Buffer; protocolNumber: string | null };

async function getFollowDocument(input: { tenantId: string; token: string }, kind: TFollowDocumentKind, storage: TFileStorage): Promise<TFollowPdf | null> {
  const application = await applicationOrNull(input);
  if (!application) return null;
  const document = await findDocument(input.tenantId, application.id, kind);
  if (!document?.fileKey) return null;
  const pdf = await storage.get(document.fileKey);
  return pdf ? { pdf, protocolNumber: document.protocolNumber } : null;
}

/** The receipt PDF of the application behind the token, or null (wrong token, none yet). */
export function getFollowReceipt(input: { tenantId: string; token: string }, storage: TFileStorage = fileStorage()): Promise<TFollowPdf | null> {
  return getFollowDocument(input, "RECEIPT", storage);
}

/** The outcome PDF (accepted / rejected) of the application behind the token, or null (wrong token, not decided yet). */
export function getFollowOutcome(input: { tenantId: string; token: string }, storage: TFileStorage = fileStorage()): Promise<TFollowPdf | null> {
  return getFollowDocument(input, "OUTCOME", storage);
}
