import { loadChange, notifiedAction, statusChangeText, type TStatusChangeRef } from "@/server/applications/status-notification";
import { applicationUrl } from "@/server/applications/urls";
import { db } from "@/server/db/client";
import { DEFAULT_LOCALE } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import { fitMarkdown, fitSubject } from "./content";
import { sendAppIoMessage, type TAppIoDeps, type TAppIoOutcome } from "./send";

// The App IO notice of a status change (a durable step of the application.status_changed job):
// the same subject and text as the area message and the email, fitted to IO's limits, signed by
// the municipality, with a link to the application. An integration request carries its
// deadline as IO's due date, so the citizen can set a reminder from the app.

export type TStatusChangeAppIoResult = TAppIoOutcome | { channel: "none"; status: "notNotified" };

/** The deadline of the open integration request the change opened, if any. */
async function integrationDeadline(tenantId: string, applicationId: string): Promise<Date | null> {
  const prisma = await db();
  const request = await prisma.integrationRequest.findFirst({
    where: { tenantId, applicationId, answeredAt: null, closedAt: null },
    orderBy: { createdAt: "desc" },
    select: { deadline: true },
  });
  return request?.deadline ?? null;
}

export async function sendStatusChangeToAppIo(ref: TStatusChangeRef, deps: TAppIoDeps = {}): Promise<TStatusChangeAppIoResult> {
  const action = notifiedAction(ref.action);
  if (!action) return { channel: "none", status: "notNotified" };
  const change = await loadChange(ref);
  const app = change.application;
  if (!app.citizenId) return { channel: "none", status: "noFiscalCode" };

  const prisma = await db();
  const [{ subject, paragraphs }, citizen, tenant, tIo, tApp] = await Promise.all([
    statusChangeText(change, action),
    prisma.citizen.findUniqueOrThrow({ where: { id: app.citizenId }, select: { fiscalCode: true } }),
    prisma.tenant.findUniqueOrThrow({ where: { id: ref.tenantId }, select: { name: true } }),
    getTranslator(DEFAULT_LOCALE, "appIo"),
    getTranslator(DEFAULT_LOCALE, "applications"),
  ]);
  const dueDate = action === "requestIntegration" ? await integrationDeadline(ref.tenantId, app.id) : null;
  return sendAppIoMessage(
    {
      tenantId: ref.tenantId,
      fiscalCode: citizen.fiscalCode,
      subject: fitSubject(subject, tenant.name),
      markdown: fitMarkdown({
        paragraphs,
        link: { label: tApp("statusChangeMessage.action"), url: applicationUrl({ tenantSlug: app.tenant.slug, applicationId: app.id, hasCitizen: true }) },
        signature: tIo("signature", { municipality: tenant.name }),
      }),
      dueDate,
    },
    deps,
  );
}
