import { randomUUID } from "node:crypto";
import { createDraft, saveDraft } from "@/server/applications/drafts";
import { APPLICATION_STATUS } from "@/server/applications/status";
import { submitApplication } from "@/server/applications/submit";
import { createTestService, runTenantApplicationJobs, testValidator } from "@/server/applications/testing";
import { db } from "@/server/db/client";

// Test data for the personal area: a citizen's applications in the states the area shows.

const citizenApplicant = (citizenId: string) => ({ kind: "citizen" as const, citizenId });

/** A draft with an answer saved. */
export async function createTestDraft(tenantId: string, citizenId: string, serviceId?: string) {
  const service = serviceId ? { id: serviceId } : await createTestService({ tenantId });
  const applicant = citizenApplicant(citizenId);
  const { application } = await createDraft({ tenantId, serviceId: service.id, applicant });
  return saveDraft({ tenantId, applicationId: application.id, applicant, data: { fullName: "Maria Rossi" } });
}

/**
 * An application submitted and registered by the real job: protocol number, due date, receipt
 * PDF (Document with its file), "application-receipt" email and the area message.
 */
export async function createRegisteredApplication(tenantId: string, citizenId: string) {
  const draft = await createTestDraft(tenantId, citizenId);
  await submitApplication({ tenantId, applicationId: draft.id, applicant: citizenApplicant(citizenId), submissionKey: randomUUID(), validate: testValidator });
  await runTenantApplicationJobs(tenantId);
  const prisma = await db();
  return prisma.application.findUniqueOrThrow({ where: { id: draft.id } });
}

/** Moves an application on as the office would, recording the change. */
export async function moveApplication(tenantId: string, applicationId: string, toStatus: number, reason?: string) {
  const prisma = await db();
  const current = await prisma.application.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true } });
  return prisma.application.update({
    where: { id: applicationId },
    data: {
      status: toStatus,
      ...(current.status === APPLICATION_STATUS.DRAFT ? { submittedAt: new Date(), draftExpiresAt: null } : {}),
      statusChanges: { create: { tenantId, fromStatus: current.status, toStatus, actorKind: "STAFF", reason: reason ?? null } },
    },
  });
}
