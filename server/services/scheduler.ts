import { db } from "@/server/db/client";
import type { ServiceStatus } from "@/server/db/generated/client";
import { recordServiceChange } from "./history";

// Opens and closes services at their dates (the services.schedule job, every minute):
//   SCHEDULED with opensAt <= now                    → PUBLISHED ("schedule.open")
//   PUBLISHED / SCHEDULED / SUSPENDED, closesAt <= now → CLOSED    ("schedule.close")
// Closing goes first, so a scheduled service whose whole window has passed closes directly.
//
// Across municipalities by nature (a system job); each change is written with the row's own
// tenant and recorded in that service's history with actor SYSTEM, bumping Service.version (an
// administrator's page open at that moment gets "changed meanwhile"). Each service changes in its
// own short transaction with `updateMany where { id, status: <as read>, date still due }`: an
// administrator's edit in between (status changed, date moved) makes the update match nothing
// and the service is left for the next run to judge. Running twice changes nothing more.
// Citizens don't wait for the job: service-window.ts already treats a SCHEDULED service past its
// opensAt as open and any service past its closesAt as closed.

const BATCH = 200;
const CLOSABLE: ServiceStatus[] = ["PUBLISHED", "SCHEDULED", "SUSPENDED"];

export type TScheduleResult = { opened: number; closed: number };

type TDue = { id: string; tenantId: string; status: ServiceStatus };

async function transition(service: TDue, to: ServiceStatus, action: "schedule.open" | "schedule.close", now: Date): Promise<boolean> {
  const prisma = await db();
  const due = action === "schedule.open" ? { opensAt: { lte: now } } : { closesAt: { lte: now } };
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.service.updateMany({
      where: { id: service.id, tenantId: service.tenantId, status: service.status, ...due },
      data: { status: to, version: { increment: 1 } },
    });
    if (count === 0) return false;
    await recordServiceChange(tx, {
      tenantId: service.tenantId,
      serviceId: service.id,
      actor: { kind: "SYSTEM" },
      action,
      changes: [{ field: "status", before: service.status, after: to }],
      now,
    });
    return true;
  });
}

async function runBatches(find: () => Promise<TDue[]>, apply: (s: TDue) => Promise<boolean>): Promise<number> {
  let changed = 0;
  const seen = new Set<string>();
  for (;;) {
    const due = (await find()).filter((s) => !seen.has(s.id));
    if (due.length === 0) return changed;
    for (const s of due) {
      seen.add(s.id);
      if (await apply(s)) changed++;
    }
  }
}

/** One run of the schedule at `now`; returns how many services it opened and closed. `tenantId`
 * limits the run to one municipality (tests share a database). */
export async function runServiceSchedule({ now = new Date(), tenantId }: { now?: Date; tenantId?: string } = {}): Promise<TScheduleResult> {
  const prisma = await db();
  const select = { id: true, tenantId: true, status: true } as const;
  const scope = tenantId ? { tenantId } : {};
  const closed = await runBatches(
    () => prisma.service.findMany({ where: { ...scope, status: { in: CLOSABLE }, closesAt: { lte: now } }, select, orderBy: { id: "asc" }, take: BATCH }),
    (s) => transition(s, "CLOSED", "schedule.close", now),
  );
  const opened = await runBatches(
    () =>
      prisma.service.findMany({
        where: { ...scope, status: "SCHEDULED", opensAt: { lte: now }, OR: [{ closesAt: null }, { closesAt: { gt: now } }] },
        select,
        orderBy: { id: "asc" },
        take: BATCH,
      }),
    (s) => transition(s, "PUBLISHED", "schedule.open", now),
  );
  return { opened, closed };
}
