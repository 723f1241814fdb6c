import { APPLICATION_STATUS } from "@/server/applications/status";
import { createApplicationInStatus, createTestService } from "@/server/applications/testing";
import { db } from "@/server/db/client";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { minimalPdf } from "@/server/uploads/testing";
import type { TFileStorage } from "@/server/storage/types";
import { uploadMessageAttachment, type TMessageUploaderRef } from "./attachments";

// Test data for the conversation between office and citizen: a municipality with a service, an
// operator, and a citizen's application already taken in charge by that operator (protocol
// number and applicant name as submission copies them).

export async function createConversationScenario(opts: { status?: number; allowIntegration?: boolean } = {}) {
  const prisma = await db();
  const tenant = await createTenant();
  const base = await createTestService({ tenantId: tenant.id });
  const service = opts.allowIntegration === false ? await prisma.service.update({ where: { id: base.id }, data: { allowIntegration: false } }) : base;
  const operator = (await createStaff({ tenantId: tenant.id, role: "OPERATOR" })).user;
  const citizen = await createCitizen();
  const app = await createApplicationInStatus({
    tenantId: tenant.id,
    service,
    status: opts.status ?? APPLICATION_STATUS.TAKEN_IN_CHARGE,
    citizenId: citizen.id,
    protocolNumber: `${tenant.protocolPrefix}-2026-${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`,
  });
  const application = await prisma.application.update({
    where: { id: app.id },
    data: { assignedStaffId: operator.id, takenInChargeAt: new Date(), applicantName: `${citizen.familyName} ${citizen.givenName}`, applicantFiscalCode: citizen.fiscalCode },
  });
  const staff = { id: operator.id, role: "OPERATOR" as const };
  return { tenant, service, operator, staff, citizen, application };
}

/** A PDF uploaded for a message of `uploader` on the application; its id to post with. */
export async function uploadTestFile(opts: { tenantId: string; applicationId: string; uploader: TMessageUploaderRef; storage: TFileStorage; text?: string }) {
  const ref = await uploadMessageAttachment({
    tenantId: opts.tenantId,
    applicationId: opts.applicationId,
    uploader: opts.uploader,
    fileName: `${opts.text ?? "documento"}.pdf`,
    bytes: new Uint8Array(minimalPdf(opts.text)),
    storage: opts.storage,
  });
  return ref.id;
}
