import type { Prisma } from "@/server/db/generated/client";
import { statusConstName } from "@/server/applications/status";
import { iso, type TApplicationSummary } from "./schemas";

// An application as the API and webhooks show it in lists and events (ZApplicationSummary).

export const APPLICATION_SUMMARY_SELECT = {
  id: true,
  status: true,
  protocolNumber: true,
  submittedAt: true,
  registeredAt: true,
  dueDate: true,
  updatedAt: true,
  version: true,
  citizenId: true,
  applicantName: true,
  applicantFiscalCode: true,
  applicantEmail: true,
  service: { select: { id: true, slug: true, name: true } },
  assignedStaff: { select: { id: true, name: true } },
} satisfies Prisma.ApplicationSelect;

export type TApplicationSummaryRow = Prisma.ApplicationGetPayload<{ select: typeof APPLICATION_SUMMARY_SELECT }>;

export function toApplicationSummary(row: TApplicationSummaryRow): TApplicationSummary {
  return {
    id: row.id,
    service: row.service,
    status: row.status,
    statusName: statusConstName(row.status) ?? "DRAFT",
    protocolNumber: row.protocolNumber,
    submittedAt: iso(row.submittedAt),
    registeredAt: iso(row.registeredAt),
    dueDate: iso(row.dueDate),
    updatedAt: iso(row.updatedAt),
    version: row.version,
    applicant: {
      kind: row.citizenId ? "citizen" : "email",
      fiscalCode: row.applicantFiscalCode,
      name: row.applicantName,
      email: row.applicantEmail,
    },
    assignedTo: row.assignedStaff,
  };
}
