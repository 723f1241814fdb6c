import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { TIME_ZONE } from "@/server/i18n/config";
import type { TAreaRef } from "./applications";

// "Chi ha consultato la tua domanda" (GDPR transparency): the citizen sees when the office
// opened their application or worked on it, read from the audit trail. Only the role and the
// time: never the person's name, account or address (the query does not even read them).
// Repeated views are condensed: the same role doing the same kind of thing on the same day
// (Rome's calendar), one event after the other, is one line with a count.

export type TAccessRole = "OPERATOR" | "SERVICE_MANAGER" | "TENANT_ADMIN" | "SUPER_ADMIN" | "STAFF";
export type TAccessKind = "view" | "action";

export type TAccessEntry = {
  role: TAccessRole;
  kind: TAccessKind;
  /** How many events the line stands for. */
  count: number;
  first: Date;
  last: Date;
};

/** Looking, not changing: opening the application and downloading its files. */
const VIEW_ACTIONS: ReadonlySet<string> = new Set(["application.view", "attachment.download"]);
const ROLES: ReadonlySet<string> = new Set(["OPERATOR", "SERVICE_MANAGER", "TENANT_ADMIN", "SUPER_ADMIN"]);

/** The latest events read: years of daily views still fit, and a page never grows unbounded. */
export const ACCESS_LOG_MAX_EVENTS = 2000;

const romeDay = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

type TEvent = { actorRole: string | null; action: string; createdAt: Date };

/** Events (oldest first) → lines (newest first), consecutive repeats condensed. */
export function condenseAccessEvents(events: TEvent[]): TAccessEntry[] {
  const entries: (TAccessEntry & { day: string })[] = [];
  for (const e of events) {
    const role = (e.actorRole && ROLES.has(e.actorRole) ? e.actorRole : "STAFF") as TAccessRole;
    const kind: TAccessKind = VIEW_ACTIONS.has(e.action) ? "view" : "action";
    const day = romeDay.format(e.createdAt);
    const last = entries[entries.length - 1];
    if (last && last.role === role && last.kind === kind && last.day === day) {
      last.count += 1;
      last.last = e.createdAt;
    } else entries.push({ role, kind, day, count: 1, first: e.createdAt, last: e.createdAt });
  }
  return entries.reverse().map(({ day: _day, ...entry }) => entry);
}

/** The staff's views of and actions on one of the citizen's applications. Another person's or
 * another municipality's application is NOT_FOUND. */
export async function listApplicationAccessLog({ tenantId, citizenId, applicationId }: TAreaRef & { applicationId: string }): Promise<TAccessEntry[]> {
  const prisma = await db();
  const application = await prisma.application.findFirst({ where: { id: applicationId, tenantId, citizenId }, select: { id: true } });
  if (!application) throw new AppError("NOT_FOUND", "accessLog.notFound");
  const events = await prisma.auditEvent.findMany({
    where: { tenantId, applicationId: application.id, actorKind: "STAFF" },
    select: { actorRole: true, action: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ACCESS_LOG_MAX_EVENTS,
  });
  return condenseAccessEvents(events.reverse());
}
