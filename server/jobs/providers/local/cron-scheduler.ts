import type { Cron } from "croner";
import type { Prisma, PrismaClient } from "@/server/db/generated/client";
import type { TJobDefinition, TJobLogger } from "../../define";
import { createCron, latestSlot } from "../../cron";
import { DEFAULT_MAX_ATTEMPTS, insertJobRows } from "../../outbox";

// Enqueues cron jobs. Each slot (job + scheduled instant) fires once across every app instance:
// the instance whose INSERT into CronSlot succeeds enqueues the job, in the same transaction.
// After downtime only the latest missed slot fires; on a fresh database no past slot fires.

type TEntry = { def: TJobDefinition; cron: Cron; lastSeen: Date | null; initialised: boolean };

export type TCronScheduler = {
  /** Fires every slot due at `now` not yet seen by this scheduler; returns how many it enqueued. */
  tick(now?: Date): Promise<number>;
};

export function createCronScheduler(prisma: PrismaClient, definitions: readonly TJobDefinition[], logger: TJobLogger): TCronScheduler {
  const entries: TEntry[] = definitions.flatMap((def) =>
    "cron" in def.trigger ? [{ def, cron: createCron(def.trigger.cron), lastSeen: null, initialised: false }] : [],
  );

  async function tickEntry(entry: TEntry, now: Date): Promise<boolean> {
    const slot = latestSlot(entry.cron, now);
    if (!entry.initialised) {
      const last = await prisma.cronSlot.findFirst({ where: { jobName: entry.def.id }, orderBy: { slot: "desc" } });
      entry.lastSeen = last?.slot ?? slot;
      entry.initialised = true;
    }
    if (!slot || (entry.lastSeen && slot.getTime() <= entry.lastSeen.getTime())) return false;
    const fired = await fireCronSlot(prisma, entry.def, slot);
    entry.lastSeen = slot;
    if (fired) logger.info("cron slot fired", { job: entry.def.id, slot: slot.toISOString() });
    return fired;
  }

  return {
    async tick(now = new Date()) {
      let fired = 0;
      for (const entry of entries) {
        try {
          if (await tickEntry(entry, now)) fired++;
        } catch (e) {
          logger.error("cron tick failed", { job: entry.def.id, error: String(e) });
        }
      }
      return fired;
    },
  };
}

/** Claims the slot and enqueues the job atomically; false when another instance already did. */
export async function fireCronSlot(prisma: PrismaClient, def: TJobDefinition, slot: Date): Promise<boolean> {
  def.schema.parse({}); // a cron job's schema must accept the empty payload it receives
  const payload: Prisma.InputJsonObject = {};
  // Two short statements: fine even on PGlite, where a transaction blocks every other query.
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.cronSlot.createMany({ data: [{ jobName: def.id, slot }], skipDuplicates: true });
    if (count === 0) return false;
    await insertJobRows(tx, [
      { name: def.id, payload, maxAttempts: def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, runAt: slot, dedupeKey: null },
    ]);
    return true;
  });
}
