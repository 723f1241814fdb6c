import { canMessageCitizen } from "@/server/applications/transitions";
import { db } from "@/server/db/client";
import type { ActorKind, Prisma } from "@/server/db/generated/client";
import { staffNamesOf } from "@/server/backoffice/staff-names";

// The conversation of one application as the office reads it: every message to and from the
// citizen (the automatic status notices too, so the operator sees what the citizen was told)
// and the internal notes, oldest first, with the operators' names and the files. Opening it
// marks the citizen's messages read by the office; the inbox counts the unread ones per row.

export type TThreadEntry = {
  id: string;
  internal: boolean;
  authorKind: ActorKind;
  /** The operator's name for staff entries; null for the citizen and the system. */
  authorName: string | null;
  subject: string;
  body: string;
  /** An external system's name, for messages it sent through the REST API. */
  sourceLabel: string | null;
  createdAt: Date;
  /** When the citizen opened it (messages to the citizen). */
  readAt: Date | null;
  /** When the office first read it (the citizen's messages). */
  readByStaffAt: Date | null;
  attachments: { id: string; fileName: string; kind: string; size: number }[];
};

/** The citizen's messages the office has not read yet. */
const unreadFromCitizenWhere = (tenantId: string) =>
  ({ tenantId, authorKind: "CITIZEN", internal: false, readByStaffAt: null }) satisfies Prisma.MessageWhereInput;

export async function listThread({ tenantId, applicationId }: { tenantId: string; applicationId: string }): Promise<TThreadEntry[]> {
  const prisma = await db();
  const rows = await prisma.message.findMany({
    where: { tenantId, applicationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      internal: true,
      authorKind: true,
      authorId: true,
      subject: true,
      body: true,
      sourceLabel: true,
      createdAt: true,
      readAt: true,
      readByStaffAt: true,
      attachments: { where: { tenantId }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, kind: true, size: true } },
    },
  });
  const nameOf = await staffNamesOf(rows.map((r) => ({ kind: r.authorKind, id: r.authorId })));
  return rows.map(({ authorId, ...r }) => ({ ...r, authorName: nameOf(r.authorKind, authorId) }));
}

/** The operator opened the thread: the citizen's messages count as read by the office. */
export async function markCitizenMessagesReadByStaff({ tenantId, applicationId, now = new Date() }: { tenantId: string; applicationId: string; now?: Date }) {
  const prisma = await db();
  const { count } = await prisma.message.updateMany({ where: { ...unreadFromCitizenWhere(tenantId), applicationId }, data: { readByStaffAt: now } });
  return count;
}

/** Unread messages from the citizen per application, for a page of the inbox (one query on the
 * page's ids, through the (tenantId, applicationId) index). Applications without any: absent. */
export async function countUnreadFromCitizen({ tenantId, applicationIds }: { tenantId: string; applicationIds: readonly string[] }): Promise<Map<string, number>> {
  if (applicationIds.length === 0) return new Map();
  const prisma = await db();
  const rows = await prisma.message.groupBy({
    by: ["applicationId"],
    where: { ...unreadFromCitizenWhere(tenantId), applicationId: { in: [...applicationIds] } },
    _count: { _all: true },
  });
  return new Map(rows.filter((r) => r.applicationId).map((r) => [r.applicationId!, r._count._all]));
}

export type TCitizenOptionBlock = "noCitizen" | "outsideWindow" | null;

/**
 * The operator opens an application's conversation: the thread (entries from the citizen not
 * read by the office until now flagged `isNew`, then marked read), who a message would go to, and
 * why the citizen can't be written to now, if so.
 */
export async function openThreadAsStaff(input: {
  tenantId: string;
  app: { id: string; status: number; citizenId: string | null; applicantName: string | null };
  now?: Date;
}) {
  const { tenantId, app } = input;
  const prisma = await db();
  const [entries, citizen] = await Promise.all([
    listThread({ tenantId, applicationId: app.id }),
    app.citizenId ? prisma.citizen.findUnique({ where: { id: app.citizenId }, select: { givenName: true, familyName: true, email: true } }) : null,
  ]);
  const thread = entries.map((e) => ({ ...e, isNew: e.authorKind === "CITIZEN" && !e.internal && !e.readByStaffAt }));
  const unread = thread.filter((e) => e.isNew).length;
  if (unread > 0) await markCitizenMessagesReadByStaff({ tenantId, applicationId: app.id, now: input.now });
  const citizenBlock: TCitizenOptionBlock = !app.citizenId ? "noCitizen" : !canMessageCitizen(app.status) ? "outsideWindow" : null;
  return {
    thread,
    unread,
    recipientName: citizen ? `${citizen.givenName} ${citizen.familyName}` : app.applicantName,
    citizenHasEmail: Boolean(citizen?.email),
    citizenBlock,
  };
}
