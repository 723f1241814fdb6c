import { listMyApplications, type TAreaRef } from "./applications";
import { listDeadlines } from "./deadlines";
import { countDocuments, listDocuments } from "./documents";
import { listMessages } from "./messages";

// The personal area's first page: how many of each thing, and the latest few.

export const OVERVIEW_LATEST = 3;

export async function getAreaOverview(ref: TAreaRef) {
  const [applications, messages, documents, documentCount, deadlines] = await Promise.all([
    listMyApplications(ref),
    listMessages({ ...ref, take: OVERVIEW_LATEST }),
    listDocuments({ ...ref, take: OVERVIEW_LATEST }),
    countDocuments(ref),
    listDeadlines(ref),
  ]);
  const latestApplications = [...applications.draft, ...applications.inProgress, ...applications.closed]
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
    .slice(0, OVERVIEW_LATEST);
  return {
    applications: {
      counts: { draft: applications.draft.length, inProgress: applications.inProgress.length, closed: applications.closed.length },
      latest: latestApplications,
    },
    messages: { unreadCount: messages.unreadCount, latest: messages.items },
    documents: { count: documentCount, latest: documents },
    // All of them: few, and there is no other page listing them.
    deadlines,
  };
}
