import { APPLICATION_STATUS, statusLabelKey } from "@/server/applications/status";
import { recordAuditEvent } from "@/server/audit/record";
import type { TEffectiveRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import type { ActorKind } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { staffNamesOf } from "./staff-names";

// The citizen's dossier (fascicolo) as the office reads it: who the citizen is, everything they
// submitted to this municipality, the documents issued to them and the messages exchanged,
// internal notes included. A dossier exists here only for a citizen (SPID/CIE) with at least one
// submitted application in this municipality: drafts are the citizen's own business, and other
// municipalities' applications are theirs. Every view is written to the audit trail first.
//
// Applications of the services of one ServiceGroup ("Asilo nido": enrolment, delegation,
// payments) are one case for the office: they are listed together under the group's name.
// Payments: there is no payment model yet, so the dossier has no payments section; when one
// arrives, the citizen's payment positions belong here, read through their applications.

/** Messages shown at first (newest first); "show all" lists up to DOSSIER_MESSAGES_MAX. */
export const DOSSIER_MESSAGES_SHOWN = 20;
export const DOSSIER_MESSAGES_MAX = 500;

export type TDossierApplication = {
  id: string;
  protocolNumber: string | null;
  status: number;
  statusLabelKey: string;
  submittedAt: Date | null;
  dueDate: Date | null;
  serviceName: string;
  assignedStaffName: string | null;
};

/** The applications of one service group, or of one service that belongs to no group. */
export type TDossierSection = { key: string; kind: "group" | "service"; title: string; applications: TDossierApplication[] };

export type TDossierMessage = {
  id: string;
  subject: string;
  body: string;
  /** An operator's internal note, never shown to the citizen. */
  internal: boolean;
  authorKind: ActorKind;
  /** The operator's name for staff messages and notes, the system's for API ones; null otherwise. */
  authorName: string | null;
  /** The system's name, for messages sent through the REST API. */
  sourceLabel: string | null;
  createdAt: Date;
  application: { id: string; protocolNumber: string | null } | null;
  attachments: { id: string; fileName: string }[];
};

type TInput = {
  tenantId: string;
  citizenId: string;
  staff: { id: string; role: TEffectiveRole };
  ip: string | null;
  /** List every message (up to DOSSIER_MESSAGES_MAX) instead of the latest ones. */
  allMessages?: boolean;
};

/** Sections in the order of their latest application; inside, newest first (as given). */
function groupApplications(
  rows: (TDossierApplication & { service: { id: string; name: string; group: { id: string; name: string } | null } })[],
): TDossierSection[] {
  const sections = new Map<string, TDossierSection>();
  for (const { service, ...app } of rows) {
    const key = service.group ? `group:${service.group.id}` : `service:${service.id}`;
    let section = sections.get(key);
    if (!section) {
      section = service.group
        ? { key, kind: "group", title: service.group.name, applications: [] }
        : { key, kind: "service", title: service.name, applications: [] };
      sections.set(key, section);
    }
    section.applications.push(app);
  }
  return [...sections.values()];
}

export async function viewCitizenDossier(input: TInput) {
  const { tenantId, citizenId } = input;
  const prisma = await db();
  const rows = await prisma.application.findMany({
    where: { tenantId, citizenId, status: { gte: APPLICATION_STATUS.SUBMITTED } },
    select: {
      id: true,
      protocolNumber: true,
      status: true,
      submittedAt: true,
      dueDate: true,
      assignedStaff: { select: { name: true } },
      service: { select: { id: true, name: true, group: { select: { id: true, name: true } } } },
    },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
  });
  if (rows.length === 0) throw new AppError("NOT_FOUND", "dossier.notFound");
  const citizen = await prisma.citizen.findUniqueOrThrow({
    where: { id: citizenId },
    select: { id: true, fiscalCode: true, givenName: true, familyName: true, birthDate: true, email: true, emailVerifiedAt: true, phone: true, phoneVerifiedAt: true, domicile: true },
  });

  await recordAuditEvent({
    tenantId,
    actorKind: "STAFF",
    actorId: input.staff.id,
    actorRole: input.staff.role,
    action: "citizen.dossier.view",
    ip: input.ip,
    details: { citizenId },
  });

  const applicationIds = rows.map((r) => r.id);
  const protocolOf = new Map(rows.map((r) => [r.id, r.protocolNumber]));
  // The messages of their submitted applications, and those addressed to them with no application.
  const messagesWhere = { tenantId, OR: [{ applicationId: { in: applicationIds } }, { citizenId, applicationId: null }] };
  const [documents, messages, messagesTotal] = await Promise.all([
    prisma.document.findMany({
      // Those of their applications, and those other systems sent to them directly (REST API).
      where: { tenantId, OR: [{ applicationId: { in: applicationIds } }, { citizenId, applicationId: null }] },
      select: { id: true, kind: true, title: true, protocolNumber: true, issuedAt: true, applicationId: true, sourceLabel: true },
      orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    }),
    prisma.message.findMany({
      where: messagesWhere,
      select: {
        id: true,
        subject: true,
        body: true,
        sourceLabel: true,
        internal: true,
        authorKind: true,
        authorId: true,
        createdAt: true,
        applicationId: true,
        attachments: { select: { id: true, fileName: true }, orderBy: { createdAt: "asc" } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.allMessages ? DOSSIER_MESSAGES_MAX : DOSSIER_MESSAGES_SHOWN,
    }),
    prisma.message.count({ where: messagesWhere }),
  ]);

  const nameOf = await staffNamesOf(messages.map((m) => ({ kind: m.authorKind, id: m.authorId })));

  return {
    citizen,
    sections: groupApplications(
      rows.map((r) => ({
        id: r.id,
        protocolNumber: r.protocolNumber,
        status: r.status,
        statusLabelKey: statusLabelKey(r.status),
        submittedAt: r.submittedAt,
        dueDate: r.dueDate,
        serviceName: r.service.name,
        assignedStaffName: r.assignedStaff?.name ?? null,
        service: r.service,
      })),
    ),
    applicationCount: rows.length,
    documents: documents.map(({ applicationId, ...d }) => ({
      ...d,
      application: applicationId ? { id: applicationId, protocolNumber: protocolOf.get(applicationId) ?? null } : null,
    })),
    messages: messages.map(
      ({ authorId, applicationId, ...m }): TDossierMessage => ({
        ...m,
        authorName: m.authorKind === "API" ? m.sourceLabel : nameOf(m.authorKind, authorId),
        application: applicationId ? { id: applicationId, protocolNumber: protocolOf.get(applicationId) ?? null } : null,
      }),
    ),
    messagesTotal,
  };
}

export type TCitizenDossier = Awaited<ReturnType<typeof viewCitizenDossier>>;
