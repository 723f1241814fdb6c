import { buildTimeline } from "@/server/area/applications";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors";
import { DEFAULT_LOCALE, type TLocale } from "@/server/i18n/config";
import { fileStorage } from "@/server/storage/storage";
import type { TFileStorage } from "@/server/storage/types";
import { getApplicationByAccessToken } from "./follow";

// What the "follow your application" page (/{tenant}/domande/segui/{token}) shows an applicant
// without SPID: status, protocol number, dates, timeline, whether the receipt can be downloaded.
// A wrong token, or another municipality's, gives null: the page answers 404.

async function applicationOrNull(input: { tenantId: string; token: string }) {
  try {
    return await getApplicationByAccessToken(input);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return null;
    throw e;
  }
}

async function findReceipt(tenantId: string, applicationId: string) {
  const prisma = await db();
  return prisma.document.findFirst({
    where: { tenantId, applicationId, kind: "RECEIPT", fileKey: { not: null } },
    orderBy: { issuedAt: "desc" },
    select: { fileKey: true, protocolNumber: true },
  });
}

/** The page's data; the timeline in plain language, as the personal area shows it. */
export async function getFollowView(input: { tenantId: string; token: string; locale?: TLocale }) {
  const application = await applicationOrNull(input);
  if (!application) return null;
  const [receipt, timeline] = await Promise.all([
    findReceipt(input.tenantId, application.id),
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
  };
}

export type TFollowView = NonNullable<Awaited<ReturnType<typeof getFollowView>>>;

/** The receipt PDF of the application behind the token, or null (wrong token, none yet). */
export async function getFollowReceipt(
  input: { tenantId: string; token: string },
  storage: TFileStorage = fileStorage(),
): Promise<{ pdf: Buffer; protocolNumber: string | null } | null> {
  const application = await applicationOrNull(input);
  if (!application) return null;
  const receipt = await findReceipt(input.tenantId, application.id);
  if (!receipt?.fileKey) return null;
  const pdf = await storage.get(receipt.fileKey);
  return pdf ? { pdf, protocolNumber: receipt.protocolNumber } : null;
}
