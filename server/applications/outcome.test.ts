import { extractText } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { listDocuments } from "@/server/area/documents";
import { createRegisteredApplication } from "@/server/area/testing";
import { db } from "@/server/db/client";
import { findDocumentForVerification } from "@/server/documents/find-document-for-verification";
import { verificationUrl } from "@/server/documents/verification-url";
import { applicationOutcomeJob } from "@/server/jobs/definitions/application-outcome";
import { applicationStatusChangedJob } from "@/server/jobs/definitions/application-status-changed";
import { runJobNow } from "@/server/jobs/providers/local/run-due-jobs";
import { fileStorage } from "@/server/storage/storage";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { issueOutcomeDocument } from "./outcome";
import { APPLICATION_STATUS as S } from "./status";
import { quietJobLogger } from "./testing";
import { applyTransition, type TTransitionAction } from "./transitions";

// The outcome document: what the citizen gets when the office accepts or rejects their
// application, and what happens when the job runs again or the application moved meanwhile.

let tenant: Awaited<ReturnType<typeof createTenant>>;
let citizen: Awaited<ReturnType<typeof createCitizen>>;
let operatorId: string;
let managerId: string;

beforeAll(async () => {
  tenant = await createTenant();
  citizen = await createCitizen();
  operatorId = (await createStaff({ tenantId: tenant.id })).user.id;
  managerId = (await createStaff({ tenantId: tenant.id, role: "SERVICE_MANAGER" })).user.id;
});

/** A registered application (protocol number, receipt) that an operator took in charge. */
async function applicationInCharge() {
  const registered = await createRegisteredApplication(tenant.id, citizen.id);
  const { application } = await act(registered.id, "takeInCharge");
  return application;
}

async function act(applicationId: string, action: TTransitionAction, reason?: string) {
  const prisma = await db();
  const { version } = await prisma.application.findUniqueOrThrow({ where: { id: applicationId }, select: { version: true } });
  const manager = action === "annul" || action === "reopen";
  return applyTransition({
    tenantId: tenant.id,
    applicationId,
    action,
    actor: { kind: "staff", id: manager ? managerId : operatorId, role: manager ? "SERVICE_MANAGER" : "OPERATOR" },
    reason,
    expectedVersion: version,
  });
}

/** Runs the job the status change enqueued for `definition`. */
async function runJobFor(statusChangeId: string, definition = applicationOutcomeJob) {
  const prisma = await db();
  const job = await prisma.backgroundJob.findFirstOrThrow({ where: { name: definition.id, dedupeKey: `${definition.id}:${statusChangeId}` } });
  return { job, outcome: await runJobNow(job.id, { definitions: [definition], logger: quietJobLogger }) };
}

async function outcomeDocuments(applicationId: string) {
  const prisma = await db();
  return prisma.document.findMany({ where: { tenantId: tenant.id, applicationId, kind: "OUTCOME" } });
}

async function pdfTextOf(fileKey: string) {
  const bytes = await fileStorage().get(fileKey);
  expect(bytes).not.toBeNull();
  return (await extractText(new Uint8Array(bytes!), { mergePages: true })).text;
}

describe("outcome document", () => {
  it("issues the acceptance, finalizes the application, and the citizen finds it in the area", async () => {
    const app = await applicationInCharge();
    const { statusChange } = await act(app.id, "accept");
    expect((await runJobFor(statusChange.id)).outcome).toBe("completed");

    const prisma = await db();
    const after = await prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(after.status).toBe(S.ACCEPTED);
    const [document, ...more] = await outcomeDocuments(app.id);
    expect(more).toEqual([]);
    expect(document).toMatchObject({ protocolNumber: app.protocolNumber, title: `Esito della domanda ${app.protocolNumber} (accolta)` });

    const text = await pdfTextOf(document!.fileKey!);
    for (const expected of [
      tenant.name,
      "Esito della domanda",
      "Domanda accolta",
      app.protocolNumber!,
      citizen.fiscalCode,
      `${citizen.givenName} ${citizen.familyName}`,
      document!.verificationCode,
      verificationUrl(tenant.slug, document!.verificationCode),
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Domanda respinta");

    // Anyone holding the paper can check it.
    expect(await findDocumentForVerification({ tenantId: tenant.id, code: document!.verificationCode })).toMatchObject({ kind: "OUTCOME", protocolNumber: app.protocolNumber });
    // The citizen's documents: the receipt and now the outcome, downloadable.
    const documents = await listDocuments({ tenantId: tenant.id, citizenId: citizen.id });
    expect(documents.find((d) => d.id === document!.id)).toMatchObject({ kind: "OUTCOME", downloadable: true });

    // The final status change is notified like any other, pointing to the document.
    const final = await prisma.applicationStatusChange.findFirstOrThrow({ where: { applicationId: app.id, toStatus: S.ACCEPTED } });
    expect(final).toMatchObject({ actorKind: "SYSTEM", actorId: "outcome-document" });
    expect((await runJobFor(final.id, applicationStatusChangedJob)).outcome).toBe("completed");
    const message = await prisma.message.findFirstOrThrow({ where: { tenantId: tenant.id, dedupeKey: `status-change:${final.id}` } });
    expect(message.body).toContain("è stata accolta");
    expect(message.body).toContain("sezione Documenti della tua area personale");
  });

  it("issues the rejection with the operator's reason", async () => {
    const app = await applicationInCharge();
    const reason = "Il richiedente non risulta residente nel Comune alla data di presentazione della domanda.";
    const { statusChange } = await act(app.id, "reject", reason);
    expect((await runJobFor(statusChange.id)).outcome).toBe("completed");

    const prisma = await db();
    expect((await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe(S.REJECTED);
    const [document] = await outcomeDocuments(app.id);
    expect(document!.title).toBe(`Esito della domanda ${app.protocolNumber} (respinta)`);
    const text = await pdfTextOf(document!.fileKey!);
    expect(text).toContain("Domanda respinta");
    expect(text).toContain("Motivazione");
    expect(text.replace(/\s+/g, " ")).toContain(reason);
  });

  it("issues one document when the job runs again, even after losing its step record", async () => {
    const app = await applicationInCharge();
    const { statusChange } = await act(app.id, "accept");
    const { job } = await runJobFor(statusChange.id);

    // As if the worker died after the commit, before recording the step.
    const prisma = await db();
    await prisma.backgroundJobStep.deleteMany({ where: { jobId: job.id } });
    await prisma.backgroundJob.update({ where: { id: job.id }, data: { status: "FAILED" } });
    expect(await runJobNow(job.id, { definitions: [applicationOutcomeJob], logger: quietJobLogger })).toBe("completed");
    expect(await issueOutcomeDocument({ tenantId: tenant.id, applicationId: app.id, statusChangeId: statusChange.id })).toEqual({ issued: false, reason: "notWaiting" });

    expect(await outcomeDocuments(app.id)).toHaveLength(1);
    expect(await prisma.applicationStatusChange.count({ where: { applicationId: app.id, toStatus: S.ACCEPTED } })).toBe(1);
  });

  it("issues one document when two runs race", async () => {
    const app = await applicationInCharge();
    const { statusChange } = await act(app.id, "accept");
    const ref = { tenantId: tenant.id, applicationId: app.id, statusChangeId: statusChange.id };
    const results = await Promise.all([issueOutcomeDocument(ref), issueOutcomeDocument(ref)]);
    expect(results.filter((r) => r.issued)).toHaveLength(1);
    expect(await outcomeDocuments(app.id)).toHaveLength(1);
  });

  it("does nothing for an application annulled meanwhile", async () => {
    const app = await applicationInCharge();
    const { statusChange } = await act(app.id, "accept");
    await act(app.id, "annul", "Domanda presentata due volte.");
    expect((await runJobFor(statusChange.id)).outcome).toBe("completed");

    const prisma = await db();
    expect((await prisma.application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe(S.ANNULLED);
    expect(await outcomeDocuments(app.id)).toEqual([]);
  });

  it("documents each decision once: an old decision's retry after a reopen issues nothing", async () => {
    const app = await applicationInCharge();
    const first = await act(app.id, "accept");
    await runJobFor(first.statusChange.id);
    await act(app.id, "reopen", "Errore nella valutazione dell'ISEE.");
    const second = await act(app.id, "reject", "ISEE superiore alla soglia.");

    const stale = { tenantId: tenant.id, applicationId: app.id, statusChangeId: first.statusChange.id };
    expect(await issueOutcomeDocument(stale)).toEqual({ issued: false, reason: "superseded" });
    await runJobFor(second.statusChange.id);

    const documents = await outcomeDocuments(app.id);
    expect(documents.map((d) => d.title).sort()).toEqual([
      `Esito della domanda ${app.protocolNumber} (accolta)`,
      `Esito della domanda ${app.protocolNumber} (respinta)`,
    ]);
  });

  it("ignores status changes that are not a decision", async () => {
    const registered = await createRegisteredApplication(tenant.id, citizen.id);
    const { statusChange } = await act(registered.id, "takeInCharge");
    expect((await runJobFor(statusChange.id)).outcome).toBe("completed");
    const prisma = await db();
    expect((await prisma.application.findUniqueOrThrow({ where: { id: registered.id } })).status).toBe(S.TAKEN_IN_CHARGE);
    expect(await outcomeDocuments(registered.id)).toEqual([]);
  });
});
