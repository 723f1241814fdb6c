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
import { AppError } from "@/server/errors";
import { UploadError } from "@/server/uploads/upload-error";
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

// ---------------------------------------------------------------------------------------------
// An outcome document supplied by one of the municipality's systems (REST API: POST
// /applications/{id}/outcome-document): the system decided, and signed its own document. While
// the application is taken in charge (4000/4500) the decision is made with it (accept / reject
// by the API key); while it waits for the generated document (6000/8000) the supplied one takes
// its place. Either way the document is attached and the application finalized in one
// transaction, with the row locked like issueOutcomeDocument: the outcome job then finds the
// application final and does nothing.

const DECIDE: Record<TOutcomeKind, TTransitionAction> = { accepted: "accept", rejected: "reject" };
const IN_CHARGE_STATUSES: readonly number[] = [S.TAKEN_IN_CHARGE, S.TAKEN_IN_CHARGE_AFTER_INTEGRATION];

export type TSupplyOutcomeInput = {
  tenantId: string;
  applicationId: string;
  outcome: TOutcomeKind;
  /** The decision's reason (required to reject from 4000/4500; ignored when already decided). */
  reason?: string | null;
  /** Default: "Esito della domanda <protocol number>", as the generated document. */
  title?: string | null;
  /** The PDF, already checked to be one. */
  pdf: Buffer;
  actor: { kind: "api"; keyId: string };
  now?: Date;
  /** Runs in the transaction once the application is final (the caller's audit line). */
  also?: (tx: Prisma.TransactionClient, result: { documentId: string; status: number }) => Promise<void>;
};

export async function supplyOutcomeDocument(input: TSupplyOutcomeInput, storage: TFileStorage = fileStorage()): Promise<{ documentId: string; fileKey: string; status: number }> {
  const ref = { tenantId: input.tenantId, applicationId: input.applicationId, statusChangeId: "" };
  const t = await getTranslator(DEFAULT_LOCALE, "outcome");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const status = await lockApplication(tx, ref);
    if (status === null || status < S.SUBMITTED) throw new AppError("NOT_FOUND", "applications.errors.applicationNotFound");
    let pending = PENDING[status];
    if (!pending && IN_CHARGE_STATUSES.includes(status)) {
      const decided = await applyTransition({
        tenantId: input.tenantId,
        applicationId: input.applicationId,
        action: DECIDE[input.outcome],
        actor: input.actor,
        reason: input.reason,
        now: input.now,
        tx,
      });
      pending = PENDING[decided.application.status];
    }
    // Any other status, or a document contradicting the decision already made: nothing to attach it to.
    if (!pending || pending.outcome !== input.outcome) {
      throw new UploadError("CONFLICT", "apiInbound.errors.outcomeNotPossible", { status });
    }
    const app = await tx.application.findFirstOrThrow({ where: { id: input.applicationId, tenantId: input.tenantId }, select: { id: true, protocolNumber: true } });
    const title = input.title?.trim() || t(`pdf.documentTitle.${pending.outcome}`, { protocolNumber: app.protocolNumber ?? "" });
    const { document } = await issueDocument({ tenantId: input.tenantId, kind: "OUTCOME", title, protocolNumber: app.protocolNumber, pdf: input.pdf, tx });
    const fileKey = `${input.tenantId}/outcomes/${document.id}.pdf`;
    await storage.put(fileKey, input.pdf);
    await tx.document.update({ where: { id: document.id }, data: { applicationId: app.id, fileKey, apiKeyId: input.actor.keyId } });
    const { application } = await applyTransition({ tenantId: input.tenantId, applicationId: app.id, action: pending.action, actor: OUTCOME_ACTOR, now: input.now, tx });
    await input.also?.(tx, { documentId: document.id, status: application.status });
    return { documentId: document.id, fileKey, status: application.status };
  }, SUBMIT_TX_OPTIONS);
}
