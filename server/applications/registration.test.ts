import { randomUUID } from "node:crypto";
import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { fileStorage } from "@/server/storage/storage";
import { sha256 } from "@/server/pdf/sha256";
import { createCitizen, createTenant } from "@/server/test/factories";
import { createDraft, saveDraft } from "./drafts";
import { assignProtocolNumber, dueDateFrom, formatProtocolNumber, protocolYear } from "./protocol";
import { APPLICATION_STATUS } from "./status";
import { submitApplication } from "./submit";
import { createTestService, runTenantApplicationJobs, testValidator } from "./testing";


describe("protocol numbers", () => {
  it("formats the yearly number and uses the year in Rome", () => {
    expect(formatProtocolNumber("ESE", 2026, 123)).toBe("ESE-2026-0000123");
    // 23:30 UTC on 31 December is already 1 January in Rome.
    expect(protocolYear(new Date("2025-12-31T23:30:00Z"))).toBe(2026);
    expect(protocolYear(new Date("2025-12-31T22:30:00Z"))).toBe(2025);
    expect(dueDateFrom(new Date("2026-03-01T10:00:00Z"), 30).toISOString()).toBe("2026-03-31T10:00:00.000Z");
  });
});

describe("application.submitted job", () => {
  it("registers the application, issues and stores the receipt, emails it and posts a message, once", async () => {
    const tenant = await createTenant();
    const citizen = await createCitizen();
    const applicant = { kind: "citizen" as const, citizenId: citizen.id };
    const service = await createTestService({ tenantId: tenant.id, maxProcessingDays: 30 });
    const { application } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant });
    await saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: "Maria Rossi" } });
    const { application: submitted } = await submitApplication({
      tenantId: tenant.id,
      applicationId: application.id,
      applicant,
      submissionKey: randomUUID(),
      validate: testValidator,
    });

    const outcomes = await runTenantApplicationJobs(tenant.id);
    expect(outcomes).toContain("completed");
    expect(outcomes).not.toContain("retry");

    const prisma = await db();
    const after = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    const year = protocolYear(after.registeredAt!);
    expect(after.status).toBe(APPLICATION_STATUS.REGISTERED);
    expect(after.protocolNumber).toBe(formatProtocolNumber(tenant.protocolPrefix, year, 1));
    expect(after.dueDate).toEqual(dueDateFrom(submitted.submittedAt!, 30));

    const timeline = await prisma.applicationStatusChange.findMany({ where: { applicationId: application.id }, orderBy: { createdAt: "asc" } });
    expect(timeline.map((c) => [c.toStatus, c.actorKind])).toEqual([
      [APPLICATION_STATUS.DRAFT, "CITIZEN"],
      [APPLICATION_STATUS.SUBMITTED, "CITIZEN"],
      [APPLICATION_STATUS.REGISTERED, "SYSTEM"],
    ]);

    const [receipt, ...others] = await prisma.document.findMany({ where: { applicationId: application.id } });
    expect(others).toHaveLength(0);
    expect(receipt!.kind).toBe("RECEIPT");
    expect(receipt!.protocolNumber).toBe(after.protocolNumber);
    const pdf = await fileStorage().get(receipt!.fileKey!);
    expect(pdf!.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(receipt!.sha256).toBe(sha256(pdf!));
    // The receipt summarises the answers with the labels of the form version filled in.
    const { text } = await extractText(new Uint8Array(pdf!), { mergePages: true });
    expect(text).toContain(after.protocolNumber!);
    expect(text).toContain("Nome e cognome");
    expect(text).toContain("Maria Rossi");

    const emails = await prisma.outboundEmail.findMany({ where: { tenantId: tenant.id, template: "application-receipt" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.to).toBe(citizen.email);
    expect(emails[0]!.subject).toContain(after.protocolNumber!);

    const messages = await prisma.message.findMany({ where: { tenantId: tenant.id, citizenId: citizen.id } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.applicationId).toBe(application.id);
    expect(messages[0]!.body).toContain(after.protocolNumber!);

    // Running the registration again (a retried job, a duplicate event) changes nothing.
    const again = await assignProtocolNumber({ tenantId: tenant.id, applicationId: application.id });
    expect(again).toMatchObject({ protocolNumber: after.protocolNumber, assigned: false });
    expect(await prisma.protocolCounter.findUnique({ where: { tenantId_year: { tenantId: tenant.id, year } } })).toMatchObject({ lastSeq: 1 });
  });

  it("emails applicants without SPID a follow link and posts no area message", async () => {
    const tenant = await createTenant();
    const service = await createTestService({ tenantId: tenant.id, accessLevel: "ANONYMOUS_EMAIL" });
    const applicant = { kind: "email" as const, email: `anna-${randomUUID().slice(0, 6)}@example.test` };
    const { application, accessToken } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant });
    await saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: "Anna Verdi" } });
    await submitApplication({ tenantId: tenant.id, applicationId: application.id, applicant, submissionKey: randomUUID(), validate: testValidator });
    await runTenantApplicationJobs(tenant.id);

    const prisma = await db();
    const [email] = await prisma.outboundEmail.findMany({ where: { tenantId: tenant.id, template: "application-receipt" } });
    expect(email!.to).toBe(applicant.email);
    expect(JSON.stringify(email!.props)).toContain(accessToken!);
    expect(await prisma.message.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("leaves an application withdrawn before registration without a number, and does not retry", async () => {
    const tenant = await createTenant();
    const citizen = await createCitizen();
    const applicant = { kind: "citizen" as const, citizenId: citizen.id };
    const service = await createTestService({ tenantId: tenant.id });
    const { application } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant });
    await saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: "Maria Rossi" } });
    await submitApplication({ tenantId: tenant.id, applicationId: application.id, applicant, submissionKey: randomUUID(), validate: testValidator });
    const prisma = await db();
    await prisma.application.update({ where: { id: application.id }, data: { status: APPLICATION_STATUS.WITHDRAWN } });

    const outcomes = await runTenantApplicationJobs(tenant.id);
    expect(outcomes).not.toContain("retry");
    const after = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(after.protocolNumber).toBeNull();
    expect(await prisma.document.count({ where: { applicationId: application.id } })).toBe(0);
    expect(await prisma.protocolCounter.count({ where: { tenantId: tenant.id } })).toBe(0);
  });
});
