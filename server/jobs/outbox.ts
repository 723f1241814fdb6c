import type { Prisma } from "@/server/db/generated/client";

// Jobs are rows in BackgroundJob, written in the caller's transaction when it has one: the job
// exists if and only if the business write committed (outbox pattern). The local worker runs
// them; with Inngest a relay row forwards the event (providers/inngest/relay-job.ts).

/** A Prisma client or the `tx` of an interactive transaction. */
export type TJobDb = Prisma.TransactionClient;

export type TJobRow = {
  name: string;
  payload: Prisma.InputJsonValue;
  maxAttempts: number;
  runAt: Date;
  /** Unique: a second row with the same key is silently skipped. */
  dedupeKey: string | null;
};

export const DEFAULT_MAX_ATTEMPTS = 5;

/** Inserts job rows; returns how many were new (duplicates by dedupeKey are skipped). */
export async function insertJobRows(client: TJobDb, rows: TJobRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  // ON CONFLICT DO NOTHING: a duplicate must not abort the caller's transaction.
  const { count } = await client.backgroundJob.createMany({ data: rows, skipDuplicates: true });
  return count;
}
