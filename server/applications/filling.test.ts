import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import type { TFormSchema } from "@/server/forms/schema";
import { createCitizen, createTenant } from "@/server/test/factories";
import type { TApplicant } from "./applicant";
import { loadFillState, moveDraftToCurrentForm, saveAnswers, startApplication, submitAnswers } from "./filling";
import { APPLICATION_STATUS } from "./status";
import { createTestService, publishTestFormVersion } from "./testing";
import { appErrorOf } from "@/server/test/app-error";

const FORM: TFormSchema = {
  version: 1,
  pages: [
    {
      key: "richiedente",
      title: "Richiedente",
      fields: [
        { key: "nome", type: "text", label: "Nome", required: true, prefill: "givenName", readOnlyFromIdentity: true },
        { key: "email", type: "email", label: "Email", required: true, prefill: "email" },
        { key: "haFigli", type: "yesno", label: "Hai figli?", required: true },
        { key: "quantiFigli", type: "number", label: "Quanti?", required: true, integer: true, min: 1, showIf: { field: "haFigli", equals: true } },
      ],
    },
    { key: "pagamento", title: "Pagamento", fields: [{ key: "iban", type: "iban", label: "IBAN", required: true }] },
  ],
};

async function setup(opts: { accessLevel?: "ANONYMOUS_EMAIL" } = {}) {
  const prisma = await db();
  const tenant = await createTenant();
  const citizen = await createCitizen({ email: "maria@example.test" });
  const service = await createTestService({ tenantId: tenant.id, formSchema: FORM, ...opts });
  const applicant: TApplicant = { kind: "citizen", citizenId: citizen.id };
  return { prisma, tenant, citizen, service, applicant };
}

describe("the form-filling flow", () => {
  it("starts a draft prefilled from identity and profile, with identity fields locked", async () => {
    const { tenant, service, applicant } = await setup();
    const { application } = await startApplication({ tenantId: tenant.id, serviceSlug: service.slug, applicant });
    const state = await loadFillState({ tenantId: tenant.id, applicationId: application.id, applicant });
    expect(state.data).toEqual({ nome: "Maria", email: "maria@example.test" });
    expect(state.readOnlyKeys).toEqual(["nome"]);
    expect(state.status).toBe(APPLICATION_STATUS.DRAFT);
  });

  it("saves what was typed even when wrong, drops unknown keys, keeps identity values and reports the checked page", async () => {
    const { tenant, service, applicant, prisma } = await setup();
    const { application } = await startApplication({ tenantId: tenant.id, serviceSlug: service.slug, applicant });
    const result = await saveAnswers({
      tenantId: tenant.id,
      applicationId: application.id,
      applicant,
      data: { nome: "Hacker", email: "non-una-email", haFigli: "true", quantiFigli: "0", estraneo: "x" },
      currentPageKey: "richiedente",
      checkPageKey: "richiedente",
    });
    expect(result.fields).toEqual({ email: expect.stringContaining("emailInvalid"), quantiFigli: expect.stringContaining("numberMin") });
    const stored = await prisma.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(stored.data).toEqual({ nome: "Maria", email: "non-una-email", haFigli: "true", quantiFigli: "0" });
    expect(stored.version).toBe(result.version);
  });

  it("refuses a save based on a version another device already replaced", async () => {
    const { tenant, service, applicant } = await setup();
    const { application } = await startApplication({ tenantId: tenant.id, serviceSlug: service.slug, applicant });
    await saveAnswers({ tenantId: tenant.id, applicationId: application.id, applicant, data: { haFigli: "false" }, expectedVersion: 0 });
    const e = await appErrorOf(saveAnswers({ tenantId: tenant.id, applicationId: application.id, applicant, data: { haFigli: "true" }, expectedVersion: 0 }));
    expect(e.messageKey).toBe("applications.errors.draftChangedElsewhere");
  });

  it("submits only complete answers, normalised, and leaves an incomplete draft untouched", async () => {
    const { tenant, service, applicant, prisma } = await setup();
    const { application } = await startApplication({ tenantId: tenant.id, serviceSlug: service.slug, applicant });
    const ref = { tenantId: tenant.id, applicationId: application.id, applicant };
    await saveAnswers({ ...ref, data: { nome: "Maria", email: "maria@example.test", haFigli: "true" } });
    const refused = await appErrorOf(submitAnswers({ ...ref, submissionKey: randomUUID() }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(Object.keys(refused.fields ?? {}).sort()).toEqual(["iban", "quantiFigli"]);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(APPLICATION_STATUS.DRAFT);

    await saveAnswers({ ...ref, data: { nome: "Maria", email: "maria@example.test", haFigli: "true", quantiFigli: "2", iban: "it60 x054 2811 1010 0000 0123 456" } });
    const { application: submitted } = await submitAnswers({ ...ref, submissionKey: randomUUID() });
    expect(submitted.status).toBe(APPLICATION_STATUS.SUBMITTED);
    expect(submitted.data).toEqual({ nome: "Maria", email: "maria@example.test", haFigli: true, quantiFigli: 2, iban: "IT60X0542811101000000123456" });
    // The inbox searches and sorts by the applicant, copied at submission.
    const citizen = await prisma.citizen.findUniqueOrThrow({ where: { id: applicant.kind === "citizen" ? applicant.citizenId : "" } });
    expect(submitted.applicantName).toBe(`${citizen.familyName} ${citizen.givenName}`);
    expect(submitted.applicantFiscalCode).toBe(citizen.fiscalCode);
  });

  it("moves a draft to the form's new version, keeping the answers", async () => {
    const { tenant, service, applicant, prisma } = await setup();
    const { application } = await startApplication({ tenantId: tenant.id, serviceSlug: service.slug, applicant });
    const v2 = await publishTestFormVersion(service.id, tenant.id, 2, FORM);
    await prisma.service.update({ where: { id: service.id }, data: { currentFormVersionId: v2.id } });
    const ref = { tenantId: tenant.id, applicationId: application.id, applicant };
    expect(await moveDraftToCurrentForm(ref)).toBe(true);
    expect(await moveDraftToCurrentForm(ref)).toBe(false);
    const state = await loadFillState(ref);
    expect(state.formVersion).toBe(2);
    expect(state.data).toMatchObject({ nome: "Maria" });
  });

  it("never shows one person's draft to another", async () => {
    const { tenant, service, applicant } = await setup();
    const { application } = await startApplication({ tenantId: tenant.id, serviceSlug: service.slug, applicant });
    const other = await createCitizen();
    const e = await appErrorOf(loadFillState({ tenantId: tenant.id, applicationId: application.id, applicant: { kind: "citizen", citizenId: other.id } }));
    expect(e.code).toBe("NOT_FOUND");
    const asEmail = await appErrorOf(saveAnswers({ tenantId: tenant.id, applicationId: application.id, applicant: { kind: "email", email: "maria@example.test" }, data: {} }));
    expect(asEmail.code).toBe("NOT_FOUND");
  });

  it("lets an applicant without SPID start and fill a service open to everyone, with nothing locked", async () => {
    const { tenant, service } = await setup({ accessLevel: "ANONYMOUS_EMAIL" });
    const applicant: TApplicant = { kind: "email", email: "anna@example.test" };
    const { application } = await startApplication({ tenantId: tenant.id, serviceSlug: service.slug, applicant });
    const state = await loadFillState({ tenantId: tenant.id, applicationId: application.id, applicant });
    expect(state.data).toEqual({ email: "anna@example.test" });
    expect(state.readOnlyKeys).toEqual([]);
  });
});

describe("files in a submission", () => {
  const FILE_FORM: TFormSchema = {
    version: 1,
    pages: [{ key: "doc", title: "Documenti", fields: [{ key: "certificato", type: "file", label: "Certificato", required: true, maxSizeMb: 5, accept: ["pdf"] }] }],
  };

  it("refuses a reference to a file that was not uploaded to this application, and keeps the draft", async () => {
    const prisma = await db();
    const tenant = await createTenant();
    const citizen = await createCitizen();
    const service = await createTestService({ tenantId: tenant.id, formSchema: FILE_FORM });
    const applicant: TApplicant = { kind: "citizen", citizenId: citizen.id };
    const { application } = await startApplication({ tenantId: tenant.id, serviceSlug: service.slug, applicant });
    const ref = { tenantId: tenant.id, applicationId: application.id, applicant };
    // A well-formed reference the client made up (or copied from someone else's application).
    await saveAnswers({ ...ref, data: { certificato: [{ id: randomUUID(), name: "x.pdf", size: 10, type: "application/pdf" }] } });
    const e = await appErrorOf(submitAnswers({ ...ref, submissionKey: randomUUID() }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(Object.keys(e.fields ?? {})).toEqual(["certificato.0"]);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(APPLICATION_STATUS.DRAFT);
  });
});
