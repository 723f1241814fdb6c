import { getApplicationForApplicant } from "@/server/applications/drafts";
import { statusGroup, statusLabelKey, type TStatusGroup } from "@/server/applications/status";
import { db } from "@/server/db/client";
import type { ActorKind } from "@/server/db/generated/client";
import { DEFAULT_LOCALE, type TLocale } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import { citizenMessagesWhere, MESSAGE_SELECT } from "./messages";

// The citizen's applications in one municipality, as the personal area shows them: grouped into
// drafts, in progress and closed, and one application with its timeline in plain language.

export type TAreaRef = { tenantId: string; citizenId: string };

const LIST_SELECT = {
  id: true,
  status: true,
  protocolNumber: true,
  submittedAt: true,
  dueDate: true,
  lastSavedAt: true,
  draftExpiresAt: true,
  createdAt: true,
  updatedAt: true,
  service: { select: { name: true, slug: true } },
} as const;

export type TMyApplicationItem = {
  id: string;
  status: number;
  group: TStatusGroup;
  protocolNumber: string | null;
  submittedAt: Date | null;
  dueDate: Date | null;
  lastSavedAt: Date;
  draftExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  service: { name: string; slug: string };
};

export type TMyApplications = Record<TStatusGroup, TMyApplicationItem[]>;

/** The latest moment something happened to the application, for ordering lists. */
function lastActivity(a: TMyApplicationItem): number {
  return (a.group === "draft" ? a.lastSavedAt : a.updatedAt).getTime();
}

/** All the citizen's applications in this municipality: drafts, in progress, closed; newest first. */
export async function listMyApplications({ tenantId, citizenId }: TAreaRef): Promise<TMyApplications> {
  const prisma = await db();
  const rows = await prisma.application.findMany({ where: { tenantId, citizenId }, select: LIST_SELECT });
  const groups: TMyApplications = { draft: [], inProgress: [], closed: [] };
  for (const row of rows) {
    const group = statusGroup(row.status);
    groups[group].push({ ...row, group });
  }
  for (const list of Object.values(groups)) list.sort((a, b) => lastActivity(b) - lastActivity(a));
  return groups;
}

/** "status.REGISTERED" → "REGISTERED" (the key of the status in the message catalogues). */
export function statusName(code: number): string {
  return statusLabelKey(code).slice("status.".length);
}

export type TTimelineEntry = {
  status: number;
  /** The status as a short badge label ("Protocollata"). */
  label: string;
  /** What happened, in a sentence addressed to the citizen. */
  description: string;
  at: Date;
  actor: ActorKind;
  reason: string | null;
};

type TStatusChange = { toStatus: number; actorKind: ActorKind; reason: string | null; createdAt: Date };

/** Status changes → the timeline the citizen reads, oldest first. */
export async function buildTimeline(changes: TStatusChange[], locale: TLocale = DEFAULT_LOCALE): Promise<TTimelineEntry[]> {
  const [tApps, tArea] = await Promise.all([getTranslator(locale, "applications"), getTranslator(locale, "personalArea")]);
  return [...changes]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((c) => ({
      status: c.toStatus,
      label: tApps(statusLabelKey(c.toStatus)),
      description: tArea(`timeline.${statusName(c.toStatus)}`),
      at: c.createdAt,
      actor: c.actorKind,
      reason: c.reason,
    }));
}

/**
 * One of the citizen's applications with its timeline, documents and messages. Another person's
 * or another municipality's application is NOT_FOUND.
 */
export async function getMyApplication(input: TAreaRef & { applicationId: string; locale?: TLocale }) {
  const { tenantId, citizenId, applicationId } = input;
  const application = await getApplicationForApplicant({ tenantId, applicationId, applicant: { kind: "citizen", citizenId } });
  const prisma = await db();
  const [timeline, documents, messages, service] = await Promise.all([
    buildTimeline(application.statusChanges, input.locale),
    prisma.document.findMany({
      where: { tenantId, applicationId: application.id },
      select: { id: true, kind: true, title: true, protocolNumber: true, issuedAt: true, fileKey: true },
      orderBy: { issuedAt: "desc" },
    }),
    prisma.message.findMany({
      where: { ...citizenMessagesWhere({ tenantId, citizenId }), applicationId: application.id },
      select: MESSAGE_SELECT,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
    prisma.service.findFirstOrThrow({ where: { id: application.serviceId, tenantId }, select: { allowWithdrawal: true } }),
  ]);
  return {
    id: application.id,
    status: application.status,
    /** Application.version: what a withdrawal sends back as expectedVersion. */
    version: application.version,
    group: statusGroup(application.status),
    protocolNumber: application.protocolNumber,
    submittedAt: application.submittedAt,
    registeredAt: application.registeredAt,
    dueDate: application.dueDate,
    lastSavedAt: application.lastSavedAt,
    draftExpiresAt: application.draftExpiresAt,
    createdAt: application.createdAt,
    service: { name: application.service.name, slug: application.service.slug, allowWithdrawal: service.allowWithdrawal },
    timeline,
    documents: documents.map(({ fileKey, ...d }) => ({ ...d, downloadable: fileKey !== null })),
    messages,
  };
}

export type TMyApplication = Awaited<ReturnType<typeof getMyApplication>>;
