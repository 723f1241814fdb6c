import { STATUS_CODES_BY_GROUP } from "@/server/applications/status";
import { listMyPendingIntegrationRequests } from "@/server/conversation/integration";
import { db } from "@/server/db/client";
import type { TAreaRef } from "./applications";

// Dates the citizen should know about, soonest first:
//   answerBy        an application in progress: the municipality must answer by its due date
//   draftDeletedOn  a draft not saved for a year is deleted on this date
//   integrationDueBy the office asked for documents: send them by this date (a task)

export type TDeadlineKind = "answerBy" | "draftDeletedOn" | "integrationDueBy";

export type TDeadline = {
  kind: TDeadlineKind;
  date: Date;
  application: { id: string; status: number; protocolNumber: string | null; service: { name: string } };
};

export async function listDeadlines({ tenantId, citizenId }: TAreaRef): Promise<TDeadline[]> {
  const prisma = await db();
  const select = { id: true, status: true, protocolNumber: true, dueDate: true, draftExpiresAt: true, service: { select: { name: true } } } as const;
  const [inProgress, drafts, integrations] = await Promise.all([
    prisma.application.findMany({
      where: { tenantId, citizenId, status: { in: STATUS_CODES_BY_GROUP.inProgress }, dueDate: { not: null } },
      select,
    }),
    prisma.application.findMany({
      where: { tenantId, citizenId, status: { in: STATUS_CODES_BY_GROUP.draft }, draftExpiresAt: { not: null } },
      select,
    }),
    listMyPendingIntegrationRequests({ tenantId, citizenId }),
  ]);
  const application = ({ id, status, protocolNumber, service }: (typeof inProgress)[number]) => ({ id, status, protocolNumber, service });
  const deadlines: TDeadline[] = [
    ...inProgress.map((a) => ({ kind: "answerBy" as const, date: a.dueDate!, application: application(a) })),
    ...drafts.map((a) => ({ kind: "draftDeletedOn" as const, date: a.draftExpiresAt!, application: application(a) })),
    ...integrations.map((r) => ({ kind: "integrationDueBy" as const, date: r.deadline, application: r.application })),
  ];
  return deadlines.sort((a, b) => a.date.getTime() - b.date.getTime());
}
