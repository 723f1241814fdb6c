import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { createCitizen, createTenant } from "@/server/test/factories";
import { hashAccessToken } from "./access-token";
import { createDraft, getApplicationForApplicant, listDrafts, saveDraft } from "./drafts";
import { getApplicationByAccessToken } from "./follow";
import { APPLICATION_STATUS } from "./status";
import { createTestService, testValidator } from "./testing";

const DAY = 86_400_000;

async function expectAppError(p: Promise<unknown>, code: string, messageKey?: string) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (messageKey) expect((e as AppError).messageKey).toBe(messageKey);
  return e as AppError;
}

describe("drafts", () => {
  it("starts a draft on the service's current form, kept for a year", async () => {
    const tenant = await createTenant();
    const citizen = await createCitizen();
    const service = await createTestService({ tenantId: tenant.id });
    const { application, accessToken } = await createDraft({
      tenantId: tenant.id,
      serviceId: service.id,
      applicant: { kind: "citizen", citizenId: citizen.id },
    });
    expect(application.status).toBe(APPLICATION_STATUS.DRAFT);
    expect(application.formVersionId).toBe(service.currentFormVersionId);
    expect(application.draftExpiresAt!.getTime() - Date.now()).toBeGreaterThan(364 * DAY);
    expect(accessToken).toBeNull();
  });

  it("refuses services that are closed, not yet open, suspended or need a stronger identity", async () => {
    const tenant = await createTenant();
    const citizen = await createCitizen();
    const applicant = { kind: "citizen" as const, citizenId: citizen.id };
    const cases = [
      [{ closesAt: new Date(Date.now() - DAY) }, "applications.errors.serviceClosed"],
      [{ status: "CLOSED" as const }, "applications.errors.serviceClosed"],
      [{ opensAt: new Date(Date.now() + DAY) }, "applications.errors.serviceNotOpenYet"],
      [{ status: "SUSPENDED" as const }, "applications.errors.serviceUnavailable"],
      [{ accessLevel: "SPID_L3" as const }, "applications.errors.identityLevelTooLow"],
    ] as const;
    for (const [opts, key] of cases) {
      const service = await createTestService({ tenantId: tenant.id, ...opts });
      await expectAppError(createDraft({ tenantId: tenant.id, serviceId: service.id, applicant }), key === "applications.errors.identityLevelTooLow" ? "FORBIDDEN" : "CONFLICT", key);
    }
    const prisma = await db();
    expect(await prisma.application.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("lets an applicant without SPID start only services open to them, with a follow link", async () => {
    const tenant = await createTenant();
    const spidOnly = await createTestService({ tenantId: tenant.id });
    const open = await createTestService({ tenantId: tenant.id, accessLevel: "ANONYMOUS_EMAIL" });
    const applicant = { kind: "email" as const, email: " Anna@Example.test " };
    await expectAppError(createDraft({ tenantId: tenant.id, serviceId: spidOnly.id, applicant }), "FORBIDDEN", "applications.errors.identityRequired");
    const { application, accessToken } = await createDraft({ tenantId: tenant.id, serviceId: open.id, applicant });
    expect(application.applicantEmail).toBe("anna@example.test");
    expect(application.accessTokenHash).toBe(hashAccessToken(accessToken!));
    const same = await getApplicationForApplicant({ tenantId: tenant.id, applicationId: application.id, applicant: { kind: "email", email: "anna@example.test" } });
    expect(same.id).toBe(application.id);
    expect((await getApplicationByAccessToken({ tenantId: tenant.id, token: accessToken! })).id).toBe(application.id);
    await expectAppError(getApplicationByAccessToken({ tenantId: tenant.id, token: `${accessToken}x` }), "NOT_FOUND");
    // Someone else's email sees nothing.
    await expectAppError(
      getApplicationForApplicant({ tenantId: tenant.id, applicationId: application.id, applicant: { kind: "email", email: "other@example.test" } }),
      "NOT_FOUND",
    );
  });

  it("saves answers and page, bumps the version, and refuses a stale version from another device", async () => {
    const tenant = await createTenant();
    const citizen = await createCitizen();
    const applicant = { kind: "citizen" as const, citizenId: citizen.id };
    const service = await createTestService({ tenantId: tenant.id });
    const { application } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant });

    const saved = await saveDraft({
      tenantId: tenant.id,
      applicationId: application.id,
      applicant,
      data: { fullName: "Maria Rossi" },
      currentPageKey: "applicant",
      expectedVersion: application.version,
      validate: testValidator,
    });
    expect(saved.version).toBe(application.version + 1);
    expect(saved.data).toEqual({ fullName: "Maria Rossi" });
    expect(saved.currentPageKey).toBe("applicant");
    expect(saved.draftExpiresAt!.getTime()).toBeGreaterThanOrEqual(application.draftExpiresAt!.getTime());

    // The phone still holds the old version: its save must not overwrite the laptop's.
    await expectAppError(
      saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: "Vecchio" }, expectedVersion: application.version }),
      "CONFLICT",
      "applications.errors.draftChangedElsewhere",
    );
    const drafts = await listDrafts({ tenantId: tenant.id, applicant });
    expect(drafts.map((d) => d.id)).toEqual([application.id]);
    expect(drafts[0]!.service.name).toBe(service.name);
  });

  it("maps draft validation errors to fields", async () => {
    const tenant = await createTenant();
    const citizen = await createCitizen();
    const applicant = { kind: "citizen" as const, citizenId: citizen.id };
    const service = await createTestService({ tenantId: tenant.id });
    const { application } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant });
    const e = await expectAppError(
      saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: 42 }, validate: testValidator }),
      "BAD_REQUEST",
      "applications.errors.invalidData",
    );
    expect(Object.keys(e.fields ?? {})).toEqual(["fullName"]);
  });

  it("hides a citizen's draft from another citizen and from another municipality", async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const owner = await createCitizen();
    const intruder = await createCitizen();
    const service = await createTestService({ tenantId: tenant.id });
    const { application } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant: { kind: "citizen", citizenId: owner.id } });
    const stranger = { kind: "citizen" as const, citizenId: intruder.id };

    await expectAppError(getApplicationForApplicant({ tenantId: tenant.id, applicationId: application.id, applicant: stranger }), "NOT_FOUND");
    await expectAppError(saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant: stranger, data: { fullName: "X" } }), "NOT_FOUND");
    await expectAppError(
      getApplicationForApplicant({ tenantId: other.id, applicationId: application.id, applicant: { kind: "citizen", citizenId: owner.id } }),
      "NOT_FOUND",
    );
    expect(await listDrafts({ tenantId: tenant.id, applicant: stranger })).toEqual([]);
  });
});

describe("form versions", () => {
  it("can't be changed once published", async () => {
    const tenant = await createTenant();
    const service = await createTestService({ tenantId: tenant.id });
    const prisma = await db();
    await expect(
      prisma.formVersion.update({ where: { id: service.currentFormVersionId! }, data: { schema: { pages: [] } } }),
    ).rejects.toThrow(/published and cannot be changed/);
    const unpublished = await prisma.formVersion.create({ data: { tenantId: tenant.id, serviceId: service.id, version: 2, schema: {} } });
    await prisma.formVersion.update({ where: { id: unpublished.id }, data: { schema: { pages: [] }, publishedAt: new Date() } });
  });
});
