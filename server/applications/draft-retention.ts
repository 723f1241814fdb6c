import { z } from "zod";
import { db } from "@/server/db/client";
import { queueEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { DEFAULT_LOCALE } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import type { TJobLogger, TJobStep } from "@/server/jobs/define";
import { logger } from "@/server/logger";
import { emailSignInPath } from "@/server/applicants/urls";
import { fileStorage } from "@/server/storage/storage";
import type { TFileStorage } from "@/server/storage/types";
import { APPLICATION_STATUS } from "./status";

// Drafts are kept at least a year after their last save (drafts.ts). Thirty days before one is
// deleted, the applicant is told (email, and for citizens a message in the area); once its
// date has passed, the draft goes with its attachments and their files.
// Runs across municipalities (the drafts.retention cron job); each row keeps its tenantId and
// every write is scoped by it. `tenantId` limits a run to one municipality (tests, manual runs).

export const DRAFT_REMINDER_DAYS = 30;
export const DRAFT_RETENTION_BATCH_SIZE = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

type TBatch = {
  now: Date;
  tenantId?: string;
  /** Id after which this batch starts (ids ascending): the previous batch's nextCursor. */
  after?: string | null;
  limit?: number;
  log?: TJobLogger;
};

const ZRecipient = z.email();

function baseUrl(tenantSlug: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/${encodeURIComponent(tenantSlug)}`;
}

function scope(batch: TBatch) {
  return {
    ...(batch.tenantId ? { tenantId: batch.tenantId } : {}),
    ...(batch.after ? { id: { gt: batch.after } } : {}),
  };
}

async function expiringDrafts(batch: TBatch) {
  const prisma = await db();
  return prisma.application.findMany({
    where: {
      ...scope(batch),
      status: APPLICATION_STATUS.DRAFT,
      draftReminderSentAt: null,
      draftExpiresAt: { lte: new Date(batch.now.getTime() + DRAFT_REMINDER_DAYS * DAY_MS) },
    },
    orderBy: { id: "asc" },
    take: batch.limit ?? DRAFT_RETENTION_BATCH_SIZE,
    select: {
      id: true,
      tenantId: true,
      version: true,
      draftExpiresAt: true,
      citizenId: true,
      applicantEmail: true,
      citizen: { select: { email: true, givenName: true, familyName: true } },
      service: { select: { name: true, slug: true } },
      tenant: { select: { slug: true } },
    },
  });
}

type TExpiringDraft = Awaited<ReturnType<typeof expiringDrafts>>[number];

/**
 * Tells the applicant, once per retention period. The deletion date is never less than
 * DRAFT_REMINDER_DAYS away from the reminder (it moves later if the job was late), so the date in
 * the email is the real one. Marking, email and message commit together, and only if the draft
 * is still an unreminded draft at the version read: a save in between wins.
 */
async function remindDraft(draft: TExpiringDraft, now: Date): Promise<boolean> {
  const earliest = new Date(now.getTime() + DRAFT_REMINDER_DAYS * DAY_MS);
  const deleteOn = draft.draftExpiresAt && draft.draftExpiresAt > earliest ? draft.draftExpiresAt : earliest;
  const address = draft.citizen ? draft.citizen.email : draft.applicantEmail;
  const to = address && ZRecipient.safeParse(address).success ? address : null;
  const base = baseUrl(draft.tenant.slug);
  const resumeUrl = draft.citizenId
    ? `${base}/domande/${encodeURIComponent(draft.id)}`
    : `${env().APP_URL.replace(/\/+$/, "")}${emailSignInPath(draft.tenant.slug, draft.service.slug)}`;
  const t = draft.citizenId ? await getTranslator(DEFAULT_LOCALE, "applications") : null;

  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.application.updateMany({
      where: { id: draft.id, tenantId: draft.tenantId, status: APPLICATION_STATUS.DRAFT, version: draft.version, draftReminderSentAt: null },
      data: { draftReminderSentAt: now, draftExpiresAt: deleteOn },
    });
    if (count === 0) return false;
    if (to) {
      await queueEmail({
        tenantId: draft.tenantId,
        to,
        template: "draft-expiring",
        props: {
          applicantName: draft.citizen ? `${draft.citizen.givenName} ${draft.citizen.familyName}` : undefined,
          serviceName: draft.service.name,
          deleteOn: deleteOn.toISOString(),
          resumeUrl,
          confirmEmailFirst: !draft.citizenId,
        },
        tx,
      });
    }
    if (draft.citizenId && t) {
      // One per draft and deletion date: a draft saved again gets a new reminder next year.
      const dedupeKey = `draft-expiring:${draft.id}:${deleteOn.toISOString()}`;
      const values = { serviceName: draft.service.name, deleteOn };
      await tx.message.upsert({
        where: { tenantId_dedupeKey: { tenantId: draft.tenantId, dedupeKey } },
        update: {},
        create: {
          tenantId: draft.tenantId,
          citizenId: draft.citizenId,
          applicationId: draft.id,
          subject: t("draftExpiringMessage.subject", values),
          body: t("draftExpiringMessage.body", values),
          source: "system",
          dedupeKey,
        },
      });
    }
    return true;
  });
}

export type TBatchResult = { done: number; failed: number; nextCursor: string | null };

/** Reminds one batch of drafts due within DRAFT_REMINDER_DAYS (or overdue) not yet reminded. */
export async function remindExpiringDrafts(batch: TBatch): Promise<TBatchResult> {
  const log = batch.log ?? logger;
  const drafts = await expiringDrafts(batch);
  let done = 0;
  let failed = 0;
  for (const draft of drafts) {
    try {
      if (await remindDraft(draft, batch.now)) done++;
    } catch (e) {
      // One bad row must not hold up the others; the cursor moves past it, the next run retries.
      failed++;
      log.error("draft reminder failed", { applicationId: draft.id, tenantId: draft.tenantId, error: String(e) });
    }
  }
  const limit = batch.limit ?? DRAFT_RETENTION_BATCH_SIZE;
  return { done, failed, nextCursor: drafts.length === limit ? drafts.at(-1)!.id : null };
}

/**
 * Deletes one batch of drafts past their date that were reminded (an unreminded one gets its
 * reminder first and thirty more days). Rows go first (attachments, status changes and messages
 * cascade), then the stored files: a failure leaves an unreferenced file, never a row without
 * its file.
 */
export async function deleteExpiredDrafts(batch: TBatch & { storage?: TFileStorage }): Promise<TBatchResult & { filesLeft: number }> {
  const log = batch.log ?? logger;
  const storage = batch.storage ?? fileStorage();
  const prisma = await db();
  const limit = batch.limit ?? DRAFT_RETENTION_BATCH_SIZE;
  const drafts = await prisma.application.findMany({
    where: { ...scope(batch), status: APPLICATION_STATUS.DRAFT, draftExpiresAt: { lt: batch.now }, draftReminderSentAt: { not: null } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, tenantId: true, attachments: { select: { storageKey: true } } },
  });
  let done = 0;
  let failed = 0;
  let filesLeft = 0;
  for (const draft of drafts) {
    const ref = { applicationId: draft.id, tenantId: draft.tenantId };
    try {
      // Still an expired draft (not saved or submitted since it was read).
      const { count } = await prisma.application.deleteMany({
        where: { id: draft.id, tenantId: draft.tenantId, status: APPLICATION_STATUS.DRAFT, draftExpiresAt: { lt: batch.now } },
      });
      if (count === 0) continue;
      done++;
    } catch (e) {
      failed++;
      log.error("draft deletion failed", { ...ref, error: String(e) });
      continue;
    }
    for (const { storageKey } of draft.attachments) {
      try {
        await storage.delete(storageKey);
      } catch (e) {
        filesLeft++;
        log.error("file of a deleted draft could not be removed", { ...ref, storageKey, error: String(e) });
      }
    }
  }
  return { done, failed, filesLeft, nextCursor: drafts.length === limit ? drafts.at(-1)!.id : null };
}

export type TDraftRetentionOptions = {
  now: Date;
  step: TJobStep;
  log?: TJobLogger;
  tenantId?: string;
  limit?: number;
  /** Batches of each kind per run; what is left waits for the next run. */
  maxBatches?: number;
  storage?: TFileStorage;
};

/** Reminders first (so an overdue, unreminded draft is reminded, not deleted), then deletions;
 * one durable step per batch. */
export async function runDraftRetention(opts: TDraftRetentionOptions) {
  const { now, step, tenantId, limit, log } = opts;
  const maxBatches = opts.maxBatches ?? 20;
  const totals = { reminded: 0, remindFailed: 0, deleted: 0, deleteFailed: 0, filesLeft: 0 };

  let after: string | null = null;
  for (let i = 0; i < maxBatches; i++) {
    const cursor: string | null = after;
    const r: TBatchResult = await step.run(`remind-${i}`, () => remindExpiringDrafts({ now, tenantId, limit, log, after: cursor }));
    totals.reminded += r.done;
    totals.remindFailed += r.failed;
    after = r.nextCursor;
    if (!after) break;
  }
  after = null;
  for (let i = 0; i < maxBatches; i++) {
    const cursor: string | null = after;
    const r: TBatchResult & { filesLeft: number } = await step.run(`delete-${i}`, () => deleteExpiredDrafts({ now, tenantId, limit, log, after: cursor, storage: opts.storage }));
    totals.deleted += r.done;
    totals.deleteFailed += r.failed;
    totals.filesLeft += r.filesLeft;
    after = r.nextCursor;
    if (!after) break;
  }
  return totals;
}
