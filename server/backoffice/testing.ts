import { randomUUID } from "node:crypto";
import { db } from "@/server/db/client";

// Test data for the back office: applications in whatever status and with whatever dates a test
// needs, inserted in one statement (no submission, no jobs). Services come from
// createTestService (server/applications/testing.ts).

export type TInboxApplicationSpec = {
  status?: number;
  submittedAt?: Date | null;
  dueDate?: Date | null;
  applicantName?: string | null;
  applicantFiscalCode?: string | null;
  protocolNumber?: string | null;
  assignedStaffId?: string | null;
  citizenId?: string | null;
};

/** Inserts one application per spec (default: registered, submitted now, nobody assigned) and
 * returns their ids in the order of the specs. */
export async function createInboxApplications(opts: {
  tenantId: string;
  service: { id: string; currentFormVersionId: string | null };
  applications: TInboxApplicationSpec[];
}): Promise<string[]> {
  const prisma = await db();
  const now = new Date();
  const rows = opts.applications.map((spec) => {
    const status = spec.status ?? 3000;
    const submitted = status >= 1900;
    return {
      id: randomUUID(),
      tenantId: opts.tenantId,
      serviceId: opts.service.id,
      formVersionId: opts.service.currentFormVersionId!,
      citizenId: spec.citizenId ?? null,
      status,
      data: { fullName: spec.applicantName ?? "Rossi Maria" },
      submittedAt: spec.submittedAt === undefined ? (submitted ? now : null) : spec.submittedAt,
      dueDate: spec.dueDate ?? null,
      applicantName: spec.applicantName === undefined ? (submitted ? "Rossi Maria" : null) : spec.applicantName,
      applicantFiscalCode: spec.applicantFiscalCode ?? null,
      protocolNumber: spec.protocolNumber ?? null,
      assignedStaffId: spec.assignedStaffId ?? null,
      takenInChargeAt: spec.assignedStaffId ? now : null,
      draftExpiresAt: submitted ? null : new Date(now.getTime() + 365 * 86_400_000),
    };
  });
  await prisma.application.createMany({ data: rows });
  return rows.map((r) => r.id);
}
