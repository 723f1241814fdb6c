import { afterAll, describe, expect, it } from "vitest";
import { listDeadlines } from "@/server/area/deadlines";
import { listMessages } from "@/server/area/messages";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { createApplicationInStatus, quietJobLogger } from "@/server/applications/testing";
import { db } from "@/server/db/client";
import { applicationStatusChangedJob } from "@/server/jobs/definitions/application-status-changed";
import { runJobNow } from "@/server/jobs/providers/local/run-due-jobs";
import { appErrorOf } from "@/server/test/app-error";
import { createCitizen, createTenant } from "@/server/test/factories";
import { tempStorage } from "@/server/uploads/testing";
import {
  getMyOpenIntegrationRequest,
  getOpenIntegrationRequest,
  integrationDeadline,
  requestIntegration,
  resumeIntegration,
  romeDay,
  staffIntegrationState,
  submitIntegration,
} from "./integration";
import { createConversationScenario, uploadTestFile } from "./testing";

// Integration requests on a real database: the office asks, the citizen answers from the area
// with files, the office resumes; statuses 4000 → 4100 → 4300 → 4500, the request row, the
// messages and emails that go with each step.

const temp = tempStorage();
afterAll(() => temp.cleanup());

const DAY = 86_400_000;
const inDays = (n: number) => romeDay(new Date(Date.now() + n * DAY));

/** Runs the status_changed job of the application's latest status change (area notice + email). */
async function runStatusJob(applicationId: string) {
  const prisma = await db();
  const change = await prisma.applicationStatusChange.findFirstOrThrow({ where: { applicationId }, orderBy: { createdAt: "desc" } });
  const job = await prisma.backgroundJob.findFirstOrThrow({ where: { dedupeKey: `${applicationStatusChangedJob.id}:${change.id}` } });
  expect(await runJobNow(job.id, { definitions: [applicationStatusChangedJob], logger: quietJobLogger })).toBe("completed");
}

describe("integration requests", () => {
  it("goes request → answer with files → resume: 4000 → 4100 → 4300 → 4500", async () => {
    const s = await createConversationScenario();
    const ref = { tenantId: s.tenant.id, staff: s.staff, ip: "198.51.100.7" };
    const requested = await requestIntegration({
      ...ref,
      applicationId: s.application.id,
      expectedVersion: s.application.version,
      message: "Manca l'attestazione ISEE.",
      documents: ["Attestazione ISEE 2026", "Documento d'identità"],
      deadline: inDays(15),
    });
    expect(requested.application.status).toBe(S.INTEGRATION_REQUESTED);
    const prisma = await db();
    const request = await prisma.integrationRequest.findUniqueOrThrow({ where: { id: requested.integrationRequestId } });
    expect(request).toMatchObject({ applicationId: s.application.id, requestedById: s.operator.id, documents: ["Attestazione ISEE 2026", "Documento d'identità"], closedAt: null });
    expect(romeDay(request.deadline)).toBe(inDays(15));

    // The citizen finds one message with the whole request (the status job reuses it) and an email.
    await runStatusJob(s.application.id);
    const area = await listMessages({ tenantId: s.tenant.id, citizenId: s.citizen.id });
    expect(area.items).toHaveLength(1);
    expect(area.items[0]!.id).toBe(request.requestMessageId);
    expect(area.items[0]!.body).toContain("Manca l'attestazione ISEE.");
    expect(area.items[0]!.body).toContain("- Documento d'identità");
    const toCitizen = await prisma.outboundEmail.findMany({ where: { tenantId: s.tenant.id, to: s.citizen.email! } });
    expect(toCitizen).toHaveLength(1);
    expect(JSON.stringify(toCitizen[0]!.props)).toContain("Manca l'attestazione ISEE.");

    // A task with a deadline in the area.
    const deadlines = await listDeadlines({ tenantId: s.tenant.id, citizenId: s.citizen.id });
    expect(deadlines.filter((d) => d.kind === "integrationDueBy").map((d) => d.application.id)).toEqual([s.application.id]);
    const mine = await getMyOpenIntegrationRequest({ tenantId: s.tenant.id, citizenId: s.citizen.id, applicationId: s.application.id });
    expect(mine).toMatchObject({ documents: ["Attestazione ISEE 2026", "Documento d'identità"], answeredAt: null, applicationVersion: requested.application.version });

    // The answer: text and two files, in one go.
    const files = [
      await uploadTestFile({ tenantId: s.tenant.id, applicationId: s.application.id, uploader: { kind: "citizen", citizenId: s.citizen.id }, storage: temp.storage, text: "isee" }),
      await uploadTestFile({ tenantId: s.tenant.id, applicationId: s.application.id, uploader: { kind: "citizen", citizenId: s.citizen.id }, storage: temp.storage, text: "ci" }),
    ];
    const answered = await submitIntegration({
      tenantId: s.tenant.id,
      citizenId: s.citizen.id,
      applicationId: s.application.id,
      expectedVersion: requested.application.version,
      text: "Ecco i documenti.",
      attachmentIds: files,
    });
    expect(answered.application.status).toBe(S.INTEGRATION_SUBMITTED);
    const after = await prisma.integrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after).toMatchObject({ answerText: "Ecco i documenti.", answerMessageId: answered.messageId, closedAt: null });
    expect(after.answeredAt).not.toBeNull();
    const toOperator = await prisma.outboundEmail.findMany({ where: { tenantId: s.tenant.id, template: "citizen-message" } });
    expect(toOperator.map((e) => [e.to, e.subject])).toEqual([[s.operator.email, `Integrazione ricevuta per la pratica ${s.application.protocolNumber}`]]);
    expect((await listDeadlines({ tenantId: s.tenant.id, citizenId: s.citizen.id })).some((d) => d.kind === "integrationDueBy")).toBe(false);

    // The operator sees the answer with its files, and may resume.
    const state = await staffIntegrationState({ tenantId: s.tenant.id, app: { ...answered.application, serviceAllowsIntegration: true }, role: "OPERATOR" });
    expect(state.kind).toBe("open");
    if (state.kind !== "open") throw new Error("unreachable");
    expect(state.request.answerFiles.map((f) => f.id).sort()).toEqual([...files].sort());
    expect(state.resumeModes).toEqual(["afterAnswer"]);

    const resumed = await resumeIntegration({ ...ref, applicationId: s.application.id, expectedVersion: answered.application.version, mode: "afterAnswer" });
    expect(resumed.application.status).toBe(S.TAKEN_IN_CHARGE_AFTER_INTEGRATION);
    expect((await prisma.integrationRequest.findUniqueOrThrow({ where: { id: request.id } })).closedAt).not.toBeNull();
    expect(await getOpenIntegrationRequest({ tenantId: s.tenant.id, applicationId: s.application.id })).toBeNull();

    const audit = await prisma.auditEvent.findMany({ where: { tenantId: s.tenant.id, action: "application.transition" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => (a.details as { action: string }).action)).toEqual(["requestIntegration", "resumeAfterIntegration"]);
  });

  it("goes on without the answer only with a reason, closing the request", async () => {
    const s = await createConversationScenario();
    const ref = { tenantId: s.tenant.id, staff: s.staff, ip: null };
    const { application } = await requestIntegration({ ...ref, applicationId: s.application.id, expectedVersion: 0, message: "Serve la planimetria.", documents: ["Planimetria"], deadline: inDays(7) });
    const noReason = await appErrorOf(resumeIntegration({ ...ref, applicationId: s.application.id, expectedVersion: application.version, mode: "withoutAnswer", reason: " " }));
    expect(noReason.fields).toEqual({ reason: "integration.errors.reasonRequired" });
    // Not answered yet: "resume after the answer" is not possible.
    expect((await appErrorOf(resumeIntegration({ ...ref, applicationId: s.application.id, expectedVersion: application.version, mode: "afterAnswer" }))).code).toBe("CONFLICT");
    const resumed = await resumeIntegration({ ...ref, applicationId: s.application.id, expectedVersion: application.version, mode: "withoutAnswer", reason: "Trovata in archivio." });
    expect(resumed.application.status).toBe(S.TAKEN_IN_CHARGE_AFTER_INTEGRATION);
    const prisma = await db();
    expect(await prisma.integrationRequest.count({ where: { applicationId: s.application.id, closedAt: null } })).toBe(0);
    // Closed: the citizen can no longer answer it.
    const late = await appErrorOf(submitIntegration({ tenantId: s.tenant.id, citizenId: s.citizen.id, applicationId: s.application.id, expectedVersion: resumed.application.version, text: "Tardi" }));
    expect([late.code, late.messageKey]).toEqual(["CONFLICT", "integration.errors.noOpenRequest"]);
  });

  it("checks the deadline: a real day, from tomorrow, at most 90 days ahead", async () => {
    const now = new Date("2026-03-10T10:00:00Z");
    const code = (day: string) => {
      try {
        integrationDeadline(day, now);
        return "ok";
      } catch (e) {
        return (e as { fields?: Record<string, string> }).fields?.deadline;
      }
    };
    expect(code("2026-02-30")).toBe("integration.errors.deadlineInvalid");
    expect(code("2026-03-10")).toBe("integration.errors.deadlinePast");
    expect(code("2026-03-11")).toBe("ok");
    expect(code("2026-06-08")).toBe("ok");
    expect(code("2026-06-09")).toBe("integration.errors.deadlineTooFar");
    // The end of the day in Rome.
    expect(integrationDeadline("2026-03-11", now).toISOString()).toBe("2026-03-11T22:59:59.999Z");

    const s = await createConversationScenario();
    const e = await appErrorOf(
      requestIntegration({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, expectedVersion: 0, message: "x", documents: ["y"], deadline: romeDay(new Date()) }),
    );
    expect(e.fields).toEqual({ deadline: "integration.errors.deadlinePast" });
    const none = await appErrorOf(
      requestIntegration({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, expectedVersion: 0, message: "x", documents: [], deadline: inDays(3) }),
    );
    expect(none.fields).toEqual({ documents: "integration.errors.documentsRequired" });
    const many = await appErrorOf(
      requestIntegration({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, expectedVersion: 0, message: "x", documents: Array(21).fill("doc"), deadline: inDays(3) }),
    );
    expect(many.fields).toEqual({ documents: "integration.errors.tooManyDocuments" });
  });

  it("is refused when the service does not allow it, for applicants without SPID, and outside 4000/4500", async () => {
    const closed = await createConversationScenario({ allowIntegration: false });
    const input = { ip: null, expectedVersion: 0, message: "x", documents: ["y"], deadline: inDays(3) };
    const off = await appErrorOf(requestIntegration({ ...input, tenantId: closed.tenant.id, staff: closed.staff, applicationId: closed.application.id }));
    expect([off.code, off.messageKey]).toEqual(["CONFLICT", "integration.errors.notAllowedForService"]);
    expect((await staffIntegrationState({ tenantId: closed.tenant.id, app: { ...closed.application, serviceAllowsIntegration: false }, role: "OPERATOR" })).kind).toBe("blocked");

    const s = await createConversationScenario();
    const byEmail = await createApplicationInStatus({ tenantId: s.tenant.id, service: s.service, status: S.TAKEN_IN_CHARGE, applicantEmail: "anna@example.test" });
    const anon = await appErrorOf(requestIntegration({ ...input, tenantId: s.tenant.id, staff: s.staff, applicationId: byEmail.id }));
    expect(anon.messageKey).toBe("integration.errors.noCitizen");

    const registered = await createConversationScenario({ status: S.REGISTERED });
    const early = await appErrorOf(requestIntegration({ ...input, tenantId: registered.tenant.id, staff: registered.staff, applicationId: registered.application.id }));
    expect([early.code, early.messageKey]).toEqual(["CONFLICT", "applications.errors.transitionNotAllowed"]);
    const prisma = await db();
    expect(await prisma.integrationRequest.count({ where: { tenantId: { in: [closed.tenant.id, s.tenant.id, registered.tenant.id] } } })).toBe(0);
  });

  it("is NOT_FOUND for another municipality and another citizen; refuses another application's files", async () => {
    const s = await createConversationScenario();
    const other = await createTenant();
    const input = { ip: null, expectedVersion: 0, message: "x", documents: ["y"], deadline: inDays(3) };
    expect((await appErrorOf(requestIntegration({ ...input, tenantId: other.id, staff: s.staff, applicationId: s.application.id }))).code).toBe("NOT_FOUND");
    const { application } = await requestIntegration({ ...input, tenantId: s.tenant.id, staff: s.staff, applicationId: s.application.id });

    const luca = await createCitizen();
    const answer = { tenantId: s.tenant.id, applicationId: s.application.id, expectedVersion: application.version, text: "Ecco" };
    expect((await appErrorOf(submitIntegration({ ...answer, citizenId: luca.id }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(submitIntegration({ ...answer, tenantId: other.id, citizenId: s.citizen.id }))).code).toBe("NOT_FOUND");
    expect(await getMyOpenIntegrationRequest({ tenantId: s.tenant.id, citizenId: luca.id, applicationId: s.application.id })).toBeNull();

    // Luca's own application in the window: his upload can't travel to Maria's answer.
    const lucas = await createApplicationInStatus({ tenantId: s.tenant.id, service: s.service, status: S.TAKEN_IN_CHARGE, citizenId: luca.id });
    const foreign = await uploadTestFile({ tenantId: s.tenant.id, applicationId: lucas.id, uploader: { kind: "citizen", citizenId: luca.id }, storage: temp.storage });
    const refused = await appErrorOf(submitIntegration({ ...answer, citizenId: s.citizen.id, attachmentIds: [foreign] }));
    expect(refused.messageKey).toBe("conversation.errors.attachmentInvalid");
    // Nothing happened: still waiting for the answer.
    const prisma = await db();
    expect((await prisma.application.findUniqueOrThrow({ where: { id: s.application.id } })).status).toBe(S.INTEGRATION_REQUESTED);

    // A stale version is a conflict, an empty answer a field error.
    expect((await appErrorOf(submitIntegration({ ...answer, citizenId: s.citizen.id, expectedVersion: 0 }))).messageKey).toBe("applications.errors.staleVersion");
    expect((await appErrorOf(submitIntegration({ ...answer, citizenId: s.citizen.id, text: " " }))).fields).toEqual({ text: "integration.errors.answerEmpty" });
  });
});
