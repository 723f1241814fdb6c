import { db } from "@/server/db/client";
import { issueDocument } from "@/server/documents/issue-document";
import { queueEmail } from "@/server/email/send";
import { DEFAULT_LOCALE } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import { renderReceiptPdf } from "@/server/pdf/receipt";
import { fileStorage } from "@/server/storage/storage";
import type { TFileStorage } from "@/server/storage/types";
import { receiptSummaryRows } from "./receipt-summary";
import { applicationUrl } from "./urls";

// What happens after a submission, one function per durable step of the application.submitted
// job (server/jobs/definitions/application-submitted.ts). Each is safe to run again: it finds
// what a previous run already did instead of doing it twice.

type TRef = { tenantId: string; applicationId: string };

async function loadApplication({ tenantId, applicationId }: TRef) {
  const prisma = await db();
  return prisma.application.findFirstOrThrow({
    where: { id: applicationId, tenantId },
    include: {
      tenant: { select: { slug: true, name: true, area: true } },
      service: { select: { name: true } },
      formVersion: { select: { schema: true } },
      citizen: { select: { givenName: true, familyName: true, fiscalCode: true, email: true } },
    },
  });
}

/** Renders the receipt PDF, records the Document (hash, verification code) and stores the bytes. */
export async function issueReceipt(ref: TRef, storage: TFileStorage = fileStorage()): Promise<{ documentId: string; fileKey: string }> {
  const prisma = await db();
  const existing = await prisma.document.findFirst({
    where: { tenantId: ref.tenantId, applicationId: ref.applicationId, kind: "RECEIPT", fileKey: { not: null } },
    select: { id: true, fileKey: true },
  });
  if (existing) return { documentId: existing.id, fileKey: existing.fileKey! };

  const app = await loadApplication(ref);
  if (!app.protocolNumber || !app.submittedAt) throw new Error(`Application ${app.id} has no protocol number yet`);
  const protocolNumber = app.protocolNumber;
  const t = await getTranslator(DEFAULT_LOCALE, "applications");
  const applicant = app.citizen
    ? { name: `${app.citizen.givenName} ${app.citizen.familyName}`, fiscalCode: app.citizen.fiscalCode }
    : // Applicants without SPID have no verified fiscal code: the receipt names their email.
      { name: app.applicantEmail ?? "—", fiscalCode: "—" };

  return prisma.$transaction(
    async (tx) => {
      const { document, pdf } = await issueDocument({
        tenantId: ref.tenantId,
        kind: "RECEIPT",
        title: t("receiptTitle", { protocolNumber }),
        protocolNumber,
        tx,
        pdf: (verificationCode) =>
          renderReceiptPdf({
            municipality: { name: app.tenant.name, area: app.tenant.area },
            tenantSlug: app.tenant.slug,
            applicant,
            serviceName: app.service.name,
            protocolNumber,
            submittedAt: app.submittedAt!,
            summary: receiptSummaryRows(app.formVersion.schema, app.data),
            verificationCode,
          }),
      });
      const fileKey = `${ref.tenantId}/receipts/${document.id}.pdf`;
      // Stored before the row points at it; if the commit fails the file is an unreferenced orphan.
      await storage.put(fileKey, pdf);
      await tx.document.update({ where: { id: document.id }, data: { applicationId: ref.applicationId, fileKey } });
      return { documentId: document.id, fileKey };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/** Queues the "application registered" email to the citizen's (or the verified) address. */
export async function queueReceiptEmail(ref: TRef): Promise<{ emailId: string | null }> {
  const app = await loadApplication(ref);
  const to = app.citizen?.email ?? app.applicantEmail;
  if (!to || !app.protocolNumber || !app.registeredAt) return { emailId: null };
  const { id } = await queueEmail({
    tenantId: ref.tenantId,
    to,
    template: "application-receipt",
    props: {
      applicantName: app.citizen ? `${app.citizen.givenName} ${app.citizen.familyName}` : undefined,
      serviceName: app.service.name,
      protocolNumber: app.protocolNumber,
      registeredAt: app.registeredAt.toISOString(),
      dueDate: app.dueDate?.toISOString(),
      applicationUrl: applicationUrl({ tenantSlug: app.tenant.slug, applicationId: app.id, hasCitizen: !!app.citizenId }),
    },
  });
  return { emailId: id };
}

/** Posts the registration notice in the citizen's area (applicants without SPID have no area). */
export async function postRegisteredMessage(ref: TRef): Promise<{ messageId: string | null }> {
  const app = await loadApplication(ref);
  if (!app.citizenId || !app.protocolNumber || !app.registeredAt) return { messageId: null };
  const t = await getTranslator(DEFAULT_LOCALE, "applications");
  const prisma = await db();
  const values = {
    serviceName: app.service.name,
    protocolNumber: app.protocolNumber,
    registeredAt: app.registeredAt,
    dueDate: app.dueDate ?? app.registeredAt,
  };
  const dedupeKey = `application-registered:${app.id}`;
  const message = await prisma.message.upsert({
    where: { tenantId_dedupeKey: { tenantId: ref.tenantId, dedupeKey } },
    update: {},
    create: {
      tenantId: ref.tenantId,
      citizenId: app.citizenId,
      applicationId: app.id,
      subject: t("submittedMessage.subject", values),
      body: t("submittedMessage.body", values),
      source: "system",
      dedupeKey,
    },
    select: { id: true },
  });
  return { messageId: message.id };
}
