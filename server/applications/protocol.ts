import type { Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { triggerJob } from "@/server/jobs/client";
import { TIME_ZONE } from "@/server/i18n/config";
import { APPLICATION_STATUS } from "./status";
import { SUBMIT_TX_OPTIONS } from "./submit";
import { APPLICATION_STATUS_CHANGED_EVENT } from "./transitions";

// The municipality's protocol number: a yearly sequence per tenant (ESE-2026-0000123), with no
// gaps and no duplicates. The counter row is incremented with INSERT … ON CONFLICT DO UPDATE in
// the same transaction that writes the number on the application: the row lock serialises
// concurrent registrations, and a rolled-back transaction rolls its increment back too.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The year in Italy (a registration at 00:30 on 1 January, Rome time, belongs to the new year). */
export function protocolYear(at: Date): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: TIME_ZONE, year: "numeric" }).format(at));
}

export function formatProtocolNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(7, "0")}`;
}

/**
 * Due date: submission + maxProcessingDays calendar days (weekends and holidays count, as the
 * terms of L. 241/1990 do; the term runs from when the municipality received the application).
 * Computed as whole 24-hour days from the submission instant.
 */
export function dueDateFrom(submittedAt: Date, maxProcessingDays: number): Date {
  return new Date(submittedAt.getTime() + maxProcessingDays * DAY_MS);
}

export type TProtocolAssignment = {
  protocolNumber: string;
  protocolYear: number;
  protocolSeq: number;
  registeredAt: Date;
  dueDate: Date | null;
  /** False when the application already had its number (nothing was changed). */
  assigned: boolean;
};

type TLockedApplication = {
  id: string;
  status: number;
  protocolNumber: string | null;
  protocolYear: number | null;
  protocolSeq: number | null;
  registeredAt: Date | null;
  dueDate: Date | null;
  submittedAt: Date | null;
  maxProcessingDays: number;
  protocolPrefix: string;
};

/**
 * Registers a submitted application (1900 → 3000) with the next protocol number. Idempotent: an
 * application that has its number keeps it (`assigned: false`). Null when the application is no
 * longer waiting for registration (withdrawn in the meantime): nothing to do, nothing to retry.
 */
export async function assignProtocolNumber(input: {
  tenantId: string;
  applicationId: string;
  now?: Date;
}): Promise<TProtocolAssignment | null> {
  const prisma = await db();
  return prisma.$transaction(async (tx: Prisma.TransactionClient) => {
    const now = input.now ?? new Date();
    // FOR UPDATE: two runs of the job for the same application can't both assign.
    const [app] = await tx.$queryRaw<TLockedApplication[]>`
      SELECT a."id", a."status", a."protocolNumber", a."protocolYear", a."protocolSeq", a."registeredAt",
             a."dueDate", a."submittedAt", s."maxProcessingDays", t."protocolPrefix"
      FROM "Application" a
      JOIN "Service" s ON s."id" = a."serviceId"
      JOIN "Tenant" t ON t."id" = a."tenantId"
      WHERE a."id" = ${input.applicationId} AND a."tenantId" = ${input.tenantId}
      FOR UPDATE OF a`;
    if (!app) throw new AppError("NOT_FOUND", "applications.errors.applicationNotFound");
    if (app.protocolNumber) {
      return {
        protocolNumber: app.protocolNumber,
        protocolYear: app.protocolYear!,
        protocolSeq: app.protocolSeq!,
        registeredAt: app.registeredAt ?? now,
        dueDate: app.dueDate,
        assigned: false,
      };
    }
    // Only a submitted application is registered (a withdrawn one stays unnumbered).
    if (app.status !== APPLICATION_STATUS.SUBMITTED || !app.submittedAt) return null;

    const year = protocolYear(now);
    const [counter] = await tx.$queryRaw<{ lastSeq: number }[]>`
      INSERT INTO "ProtocolCounter" ("tenantId", "year", "lastSeq") VALUES (${input.tenantId}, ${year}, 1)
      ON CONFLICT ("tenantId", "year") DO UPDATE SET "lastSeq" = "ProtocolCounter"."lastSeq" + 1
      RETURNING "lastSeq"`;
    const seq = Number(counter!.lastSeq);
    const protocolNumber = formatProtocolNumber(app.protocolPrefix, year, seq);
    const dueDate = dueDateFrom(app.submittedAt, app.maxProcessingDays);

    await tx.application.update({
      where: { id: app.id },
      data: {
        protocolNumber,
        protocolYear: year,
        protocolSeq: seq,
        registeredAt: now,
        dueDate,
        status: APPLICATION_STATUS.REGISTERED,
        // Every write bumps the version, so a view loaded before registration is seen as stale.
        version: { increment: 1 },
      },
    });
    const change = await tx.applicationStatusChange.create({
      data: {
        tenantId: input.tenantId,
        applicationId: app.id,
        fromStatus: APPLICATION_STATUS.SUBMITTED,
        toStatus: APPLICATION_STATUS.REGISTERED,
        actorKind: "SYSTEM",
        createdAt: now,
      },
    });
    // Like every transition (the "register" action is not notified to the citizen: the receipt
    // is the notice); webhooks' application.status_changed follows it.
    await triggerJob(
      APPLICATION_STATUS_CHANGED_EVENT,
      { tenantId: input.tenantId, applicationId: app.id, statusChangeId: change.id, from: APPLICATION_STATUS.SUBMITTED, to: APPLICATION_STATUS.REGISTERED, action: "register" },
      { tx, dedupeKey: change.id },
    );
    return { protocolNumber, protocolYear: year, protocolSeq: seq, registeredAt: now, dueDate, assigned: true };
  }, SUBMIT_TX_OPTIONS);
}
