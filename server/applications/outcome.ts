import type { Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { issueDocument } from "@/server/documents/issue-document";
import { DEFAULT_LOCALE } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import { renderOutcomePdf, type TOutcomeKind } from "@/server/pdf/outcome";
import { fileStorage } from "@/server/storage/storage";
import type { TFileStorage } from "@/server/storage/types";
import { APPLICATION_STATUS as S } from "./status";
import { SUBMIT_TX_OPTIONS } from "./submit";
import { applyTransition, type TTransitionAction } from "./transitions";

// The outcome document (job application.outcome): when an operator accepts (→ 6000) or rejects
// (→ 8000) an application, the municipality issues "Esito della domanda" and the application
// moves on to 7000 / 9000. Both happen in one transaction, with the application's row locked:
// either the citizen gets the document and the final status, or nothing happened. So a retried
// job, or a second run of it, finds the application already final and does nothing, and an
// application annulled meanwhile (or reopened and decided again) gets no document from an old
// decision.

export type TOutcomeRef = { tenantId: string; applicationId: string; statusChangeId: string };

export type TOutcomeResult =
  | { issued: true; documentId: string; fileKey: string; status: number }
  /** notWaiting: the application is no longer in 6000/8000; superseded: it is, but after a later decision. */
  | { issued: false; reason: "notWaiting" | "superseded" };

const PENDING: Record<number, { outcome: TOutcomeKind; action: TTransitionAction }> = {
  [S.ACCEPTING]: { outcome: "accepted", action: "finalizeAccept" },
  [S.REJECTING]: { outcome: "rejected", action: "finalizeReject" },
};

/** Whether a status change to `status` asks for an outcome document. */
export function awaitsOutcomeDocument(status: number): boolean {
  return status in PENDING;
}

export const OUTCOME_ACTOR = { kind: "system", id: "outcome-document" } as const;

/** Locks the application's row for the transaction; its status, or null if it does not exist. */
async function lockApplication(tx: Prisma.TransactionClient, { tenantId, applicationId }: TOutcomeRef): Promise<number | null> {
  const rows = await tx.$queryRaw<{ status: number }[]>`
    SELECT "status" FROM "Application" WHERE "id" = ${applicationId} AND "tenantId" = ${tenantId} FOR UPDATE`;
  return rows[0]?.status ?? null;
}

/** The change that put the application where it is now: the decision, if it is in 6000/8000. */
async function latestStatusChange(tx: Prisma.TransactionClient, { tenantId, applicationId }: TOutcomeRef) {
  return tx.applicationStatusChange.findFirst({
    where: { tenantId, applicationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, reason: true, createdAt: true },
  });
}

/** What the document prints besides the decision (read before the transaction: Prisma runs a
 * query with relations as parallel queries, which a transaction's one connection serialises
 * with a warning). */
async function loadApplication({ tenantId, applicationId }: TOutcomeRef) {
  const prisma = await db();
  return prisma.application.findFirst({
    where: { id: applicationId, tenantId },
    select: {
      id: true,
      protocolNumber: true,
      submittedAt: true,
      applicantEmail: true,
      tenant: { select: { slug: true, name: true, area: true } },
      service: { select: { name: true } },
      citizen: { select: { givenName: true, familyName: true, fiscalCode: true } },
    },
  });
}

/**
 * Issues the outcome document of the decision `statusChangeId` and finalizes the application
 * (finalizeAccept / finalizeReject as the system), or does nothing when that decision is no
 * longer the application's current state. The PDF is stored before the commit; if the commit
 * fails, the file is an unreferenced orphan, never a document without its file.
 */
export async function issueOutcomeDocument(ref: TOutcomeRef, storage: TFileStorage = fileStorage()): Promise<TOutcomeResult> {
  const app = await loadApplication(ref);
  if (!app) return { issued: false, reason: "notWaiting" };
  const t = await getTranslator(DEFAULT_LOCALE, "outcome");
  const prisma = await db();
  return prisma.$transaction(async (tx): Promise<TOutcomeResult> => {
    const pending = PENDING[(await lockApplication(tx, ref)) ?? 0];
    if (!pending) return { issued: false, reason: "notWaiting" };
    const decision = await latestStatusChange(tx, ref);
    if (decision?.id !== ref.statusChangeId) return { issued: false, reason: "superseded" };
    // Taken in charge implies registered: without a number something is badly wrong; fail loudly.
    if (!app.protocolNumber || !app.submittedAt) throw new Error(`Application ${app.id} has no protocol number`);
    const protocolNumber = app.protocolNumber;

    const { document, pdf } = await issueDocument({
      tenantId: ref.tenantId,
      kind: "OUTCOME",
      title: t(`pdf.documentTitle.${pending.outcome}`, { protocolNumber }),
      protocolNumber,
      tx,
      pdf: (verificationCode) =>
        renderOutcomePdf({
          outcome: pending.outcome,
          municipality: { name: app.tenant.name, area: app.tenant.area },
          tenantSlug: app.tenant.slug,
          applicant: app.citizen
            ? { name: `${app.citizen.givenName} ${app.citizen.familyName}`, fiscalCode: app.citizen.fiscalCode }
            : // Applicants without SPID have no verified fiscal code: the document names their email.
              { name: app.applicantEmail ?? "—", fiscalCode: "—" },
          serviceName: app.service.name,
          protocolNumber,
          submittedAt: app.submittedAt!,
          decidedAt: decision.createdAt,
          reason: decision.reason,
          verificationCode,
        }),
    });
    const fileKey = `${ref.tenantId}/outcomes/${document.id}.pdf`;
    await storage.put(fileKey, pdf);
    await tx.document.update({ where: { id: document.id }, data: { applicationId: app.id, fileKey } });
    const { application } = await applyTransition({ tenantId: ref.tenantId, applicationId: app.id, action: pending.action, actor: OUTCOME_ACTOR, tx });
    return { issued: true, documentId: document.id, fileKey, status: application.status };
  }, SUBMIT_TX_OPTIONS);
}
