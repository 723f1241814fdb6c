import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { TAreaRef } from "./applications";

// Messages in the personal area: every notice the municipality sends (each notification email
// is also posted here), the office's messages, the citizen's own replies, and what the
// municipality's other systems send through the REST API (labelled with their source), read or
// unread.
// Only the citizen's own, in this municipality, and never an operator's internal note: every
// read for the citizen goes through citizenMessagesWhere.

/** The messages a citizen may see: theirs, in this municipality, not internal. */
export function citizenMessagesWhere({ tenantId, citizenId }: TAreaRef) {
  return { tenantId, citizenId, internal: false } as const;
}

export const MESSAGE_SELECT = {
  id: true,
  subject: true,
  body: true,
  source: true,
  /** The external system's name, for messages it sent through the REST API ("Da: …"). */
  sourceLabel: true,
  createdAt: true,
  readAt: true,
  authorKind: true,
  attachments: { select: { id: true, fileName: true, kind: true, size: true }, orderBy: { createdAt: "asc" } },
  application: { select: { id: true, protocolNumber: true, service: { select: { name: true } } } },
} as const;

export async function countUnreadMessages({ tenantId, citizenId }: TAreaRef): Promise<number> {
  const prisma = await db();
  return prisma.message.count({ where: { ...citizenMessagesWhere({ tenantId, citizenId }), readAt: null } });
}

/** The citizen's messages, newest first, with how many are unread; `take` limits the list only. */
export async function listMessages(ref: TAreaRef & { take?: number }) {
  const prisma = await db();
  const [items, unreadCount] = await Promise.all([
    prisma.message.findMany({
      where: citizenMessagesWhere(ref),
      select: MESSAGE_SELECT,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: ref.take,
    }),
    countUnreadMessages(ref),
  ]);
  return { items, unreadCount };
}

export type TAreaMessage = Awaited<ReturnType<typeof listMessages>>["items"][number];

/** Marks one of the citizen's messages read (again: no change). Anyone else's → NOT_FOUND. */
export async function markMessageRead(ref: TAreaRef & { messageId: string; now?: Date }): Promise<{ readAt: Date }> {
  const prisma = await db();
  const where = { id: ref.messageId, ...citizenMessagesWhere(ref) };
  // Conditional: the first reading's time is kept when two tabs open the message at once.
  await prisma.message.updateMany({ where: { ...where, readAt: null }, data: { readAt: ref.now ?? new Date() } });
  const message = await prisma.message.findFirst({ where, select: { readAt: true } });
  if (!message?.readAt) throw new AppError("NOT_FOUND", "personalArea.messages.notFound");
  return { readAt: message.readAt };
}
