import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createCitizen, createTenant } from "@/server/test/factories";
import type { TApplicant } from "./applicant";
import { createDraft, saveDraft } from "./drafts";
import { APPLICATION_STATUS } from "./status";
import { submitApplication } from "./submit";
import { createTestService, publishTestFormVersion, testValidator } from "./testing";
import { appErrorOf } from "@/server/test/app-error";

async function filledDraft(opts: { accessLevel?: "ANONYMOUS_EMAIL" } = {}) {
  const tenant = await createTenant();
  const citizen = await createCitizen();
  const applicant: TApplicant = { kind: "citizen", citizenId: citizen.id };
  const service = await createTestService({ tenantId: tenant.id, ...opts });
  const { application } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant });
  await saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: "Maria Rossi" } });
  return { tenant, citizen, applicant, service, application };
}

async function jobsFor(applicationId: string) {
  const prisma = await db();
  return prisma.backgroundJob.count({ where: { name: "application.submitted", payload: { path: ["applicationId"], equals: applicationId } } });
}

describe("submitApplication", () => {
  it("submits a draft once: status 1900, a timeline entry and one registration job", async () => {
    const { tenant, applicant, application } = await filledDraft();
    const key = randomUUID();
    const first = await submitApplication({ tenantId: tenant.id, applicationId: application.id, applicant, submissionKey: key, validate: testValidator });
    expect(first.replayed).toBe(false);
    expect(first.application.status).toBe(APPLICATION_STATUS.SUBMITTED);
    expect(first.application.submittedAt).toBeInstanceOf(Date);

    // A retry after a lost connection: same answer, nothing new.
    const again = await submitApplication({ tenantId: tenant.id, applicationId: application.id, applicant, submissionKey: key, validate: testValidator });
    expect(again.replayed).toBe(true);
    expect(again.application.submittedAt).toEqual(first.application.submittedAt);

    const prisma = await db();
    const changes = await prisma.applicationStatusChange.findMany({ where: { applicationId: application.id }, orderBy: { createdAt: "asc" } });
    expect(changes.map((c) => c.toStatus)).toEqual([APPLICATION_STATUS.DRAFT, APPLICATION_STATUS.SUBMITTED]);
    expect(await jobsFor(application.id)).toBe(1);

    // A draft can't be edited once submitted.
    const e = await appErrorOf(saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: "Altro" } }));
    expect(e.messageKey).toBe("applications.errors.notADraft");
  });

  it("turns ten parallel taps with the same key into one submission", async () => {
    const { tenant, applicant, application } = await filledDraft();
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        submitApplication({ tenantId: tenant.id, applicationId: application.id, applicant, submissionKey: key, validate: testValidator }),
      ),
    );
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.application.id))).toEqual(new Set([application.id]));
    const prisma = await db();
    expect(await prisma.applicationStatusChange.count({ where: { applicationId: application.id, toStatus: APPLICATION_STATUS.SUBMITTED } })).toBe(1);
    expect(await jobsFor(application.id)).toBe(1);
  });

  it("refuses a closed service and keeps the draft", async () => {
    const { tenant, applicant, service, application } = await filledDraft();
    const prisma = await db();
    await prisma.service.update({ where: { id: service.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    const e = await appErrorOf(
      submitApplication({ tenantId: tenant.id, applicationId: application.id, applicant, submissionKey: randomUUID(), validate: testValidator }),
    );
    expect(e.code).toBe("CONFLICT");
    expect(e.messageKey).toBe("applications.errors.serviceClosed");
    const after = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(after.status).toBe(APPLICATION_STATUS.DRAFT);
    expect(after.data).toEqual({ fullName: "Maria Rossi" });
    expect(await jobsFor(application.id)).toBe(0);
  });

  it("asks to review the answers when the form changed, keeping the draft", async () => {
    const { tenant, applicant, service, application } = await filledDraft();
    const prisma = await db();
    const v2 = await publishTestFormVersion(service.id, tenant.id, 2);
    await prisma.service.update({ where: { id: service.id }, data: { currentFormVersionId: v2.id } });
    const e = await appErrorOf(
      submitApplication({ tenantId: tenant.id, applicationId: application.id, applicant, submissionKey: randomUUID(), validate: testValidator }),
    );
    expect(e.code).toBe("CONFLICT");
    expect(e.messageKey).toBe("applications.errors.formChanged");
    const after = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(after.status).toBe(APPLICATION_STATUS.DRAFT);
    expect(after.data).toEqual({ fullName: "Maria Rossi" });
  });

  it("maps missing answers to their fields and stays a draft", async () => {
    const { tenant, applicant, application } = await filledDraft();
    await saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: "  " } });
    const e = await appErrorOf(
      submitApplication({ tenantId: tenant.id, applicationId: application.id, applicant, submissionKey: randomUUID(), validate: testValidator }),
    );
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.fields).toEqual({ fullName: "forms.errors.required" });
    const prisma = await db();
    expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(APPLICATION_STATUS.DRAFT);
  });

  it("won't let another citizen submit someone's draft", async () => {
    const { tenant, application } = await filledDraft();
    const intruder = await createCitizen();
    const e = await appErrorOf(
      submitApplication({
        tenantId: tenant.id,
        applicationId: application.id,
        applicant: { kind: "citizen", citizenId: intruder.id },
        submissionKey: randomUUID(),
        validate: testValidator,
      }),
    );
    expect(e.code).toBe("NOT_FOUND");
    const prisma = await db();
    expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(APPLICATION_STATUS.DRAFT);
  });

  it("refuses a submission key already used for another application", async () => {
    const a = await filledDraft();
    const key = randomUUID();
    await submitApplication({ tenantId: a.tenant.id, applicationId: a.application.id, applicant: a.applicant, submissionKey: key, validate: testValidator });
    const { application: second } = await createDraft({ tenantId: a.tenant.id, serviceId: a.service.id, applicant: a.applicant });
    await saveDraft({ tenantId: a.tenant.id, applicationId: second.id, applicant: a.applicant, data: { fullName: "Maria Rossi" } });
    const e = await appErrorOf(
      submitApplication({ tenantId: a.tenant.id, applicationId: second.id, applicant: a.applicant, submissionKey: key, validate: testValidator }),
    );
    expect(e.messageKey).toBe("applications.errors.submissionKeyReused");
    const prisma = await db();
    expect((await prisma.application.findUniqueOrThrow({ where: { id: second.id } })).status).toBe(APPLICATION_STATUS.DRAFT);
  });
});
