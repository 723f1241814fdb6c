import { Prisma, type PrismaClient } from "@/server/db/generated/client";

// Claims one due job atomically: the row is locked with SKIP LOCKED, so concurrent workers (in
// this process or another instance) never get the same job. A PROCESSING job whose lock is older
// than the lock timeout belongs to a worker that died; it is claimed again.
// One statement, no interactive transaction: PGlite serialises queries, and it runs the same SQL.

export type TClaimedJob = {
  id: string;
  name: string;
  payload: unknown;
  /** Already counts this run. */
  attempts: number;
  maxAttempts: number;
};

/** Timestamps are sent as UTC text cast to `timestamp(3)`, the type Prisma stores DateTime in,
 * so the comparison does not depend on the session time zone. */
export function sqlTimestamp(date: Date): Prisma.Sql {
  return Prisma.sql`${date.toISOString()}::timestamp(3)`;
}

type TClaimTarget =
  /** The most overdue job with one of these names. */
  | { names: readonly string[] }
  /** This job, even if its runAt is in the future (runJobNow). */
  | { id: string };

export async function claimNextJob(
  prisma: PrismaClient,
  opts: TClaimTarget & { workerId: string; lockTimeoutMs: number; now?: Date },
): Promise<TClaimedJob | null> {
  if ("names" in opts && opts.names.length === 0) return null;
  const now = opts.now ?? new Date();
  const staleBefore = new Date(now.getTime() - opts.lockTimeoutMs);
  const target =
    "names" in opts
      ? Prisma.sql`"name" IN (${Prisma.join(opts.names)}) AND "runAt" <= ${sqlTimestamp(now)}`
      : Prisma.sql`"id" = ${opts.id}`;
  const rows = await prisma.$queryRaw<TClaimedJob[]>`
    UPDATE "BackgroundJob"
    SET "status" = 'PROCESSING', "lockedAt" = ${sqlTimestamp(now)}, "lockedBy" = ${opts.workerId},
        "attempts" = "attempts" + 1, "updatedAt" = ${sqlTimestamp(now)}
    WHERE "id" = (
      SELECT "id" FROM "BackgroundJob"
      WHERE ${target}
        AND ("status" IN ('PENDING', 'FAILED')
          OR ("status" = 'PROCESSING' AND "lockedAt" < ${sqlTimestamp(staleBefore)}))
      ORDER BY "runAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "name", "payload", "attempts", "maxAttempts"`;
  return rows[0] ?? null;
}
