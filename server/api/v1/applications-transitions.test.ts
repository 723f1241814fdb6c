import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { createApplicationInStatus, createTestService, quietJobLogger } from "@/server/applications/testing";
import { getMyApplication } from "@/server/area/applications";
import { listMessages } from "@/server/area/messages";
import { createRegisteredApplication } from "@/server/area/testing";
import { viewApplicationAsStaff } from "@/server/backoffice/application-view";
import { takeInCharge } from "@/server/backoffice/work";
import { romeDay } from "@/server/conversation/integration";
import { db } from "@/server/db/client";
import type { TJobDefinition } from "@/server/jobs/define";
import { applicationOutcomeJob } from "@/server/jobs/definitions/application-outcome";
import { applicationStatusChangedJob } from "@/server/jobs/definitions/application-status-changed";
import { runJobNow } from "@/server/jobs/providers/local/run-due-jobs";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { callApiChecked, createTestApiKey } from "../testing";

// POST /applications/{id}/transitions: an external system moves applications on through the
// same services as the back office's buttons. The citizen hears about it as from an operator,
// the history and the audit trail name the key, the back office shows "Sistema esterno · key".

let tenantId: string;
let citizen: Awaited<ReturnType<typeof createCitizen>>;
let writer: Awaited<ReturnType<typeof createTestApiKey>>;
let readOnlyKey: string;
let otherTenantKey: string;

const DAY = 86_400_000;

beforeAll(async () => {
  tenantId = (await createTenant()).id;
  citizen = await createCitizen();
  writer = await createTestApiKey(tenantId, ["applications:read", "applications:write"], { name: "Protocollo informatico" });
  readOnlyKey = (await createTestApiKey(tenantId, ["applications:read"])).key;
  otherTenantKey = (await createTestApiKey((await createTenant()).id, ["applications:read", "applications:write"])).key;
});

function transition(applicationId: string, json: Record<string, unknown>, key = writer.key) {
  return callApiChecked("POST", `/applications/${applicationId}/transitions`, { key, json });
}

async function version(applicationId: string) {
  return (await (await db()).application.findUniqueOrThrow({ where: { id: applicationId }, select: { version: true } })).version;
}

/** Runs the job `definition` enqueued for the application's latest status change. */
async function runLatestJob(applicationId: string, definition: TJobDefinition = applicationStatusChangedJob) {
  const prisma = await db();
  const change = await prisma.applicationStatusChange.findFirstOrThrow({ where: { applicationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const job = await prisma.backgroundJob.findFirstOrThrow({ where: { name: definition.id, dedupeKey: `${definition.id}:${change.id}` } });
  expect(await runJobNow(job.id, { definitions: [definition], logger: quietJobLogger })).toBe("completed");
}

async function pdfBytes(applicationId: string, file: "receipt" | "outcome") {
  const res =
    file === "receipt"
      ? await callApiChecked("GET", `/applications/${applicationId}/receipt.pdf`, { key: readOnlyKey })
      : await callApiChecked("GET", `/applications/${applicationId}/outcome.pdf`, { key: readOnlyKey });
  expect(res.status, file).toBe(200);
  expect(res.response.headers.get("content-type")).toBe("application/pdf");
  return Buffer.from(await res.response.arrayBuffer());
}

describe("POST /applications/{id}/transitions", () => {
  it("takes a registered application in charge for the office: nobody holds it, the key is recorded, the citizen is told", async () => {
    const app = await createRegisteredApplication(tenantId, citizen.id);
    const { status, body } = await transition(app.id, { action: "takeInCharge", expectedVersion: app.version });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: app.id, status: S.TAKEN_IN_CHARGE, statusName: "TAKEN_IN_CHARGE", assignedTo: null, version: app.version + 1 });

    const prisma = await db();
    const change = await prisma.applicationStatusChange.findFirstOrThrow({ where: { applicationId: app.id, toStatus: S.TAKEN_IN_CHARGE } });
    expect(change).toMatchObject({ fromStatus: S.REGISTERED, actorKind: "API", actorId: writer.id });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { tenantId, applicationId: app.id, action: "application.transition" } });
    expect(audit).toMatchObject({ actorKind: "API", actorId: writer.id, actorRole: null });
    expect(audit.details).toMatchObject({ action: "takeInCharge", from: S.REGISTERED, to: S.TAKEN_IN_CHARGE, apiKey: writer.prefix });

    // The citizen: a message in the area and an email, as for an operator's action.
    const before = await prisma.outboundEmail.count({ where: { tenantId, to: citizen.email! } });
    await runLatestJob(app.id);
    const { items } = await listMessages({ tenantId, citizenId: citizen.id });
    const notice = await prisma.message.findFirstOrThrow({ where: { tenantId, dedupeKey: `status-change:${change.id}` } });
    expect(notice).toMatchObject({ citizenId: citizen.id, applicationId: app.id, internal: false });
    expect(items.map((m) => m.id)).toContain(notice.id);
    expect(await prisma.outboundEmail.count({ where: { tenantId, to: citizen.email! } })).toBe(before + 1);

    // An operator takes it later.
    const operator = (await createStaff({ tenantId })).user;
    const held = await takeInCharge({ tenantId, applicationId: app.id, staff: { id: operator.id, role: "OPERATOR" }, ip: null, expectedVersion: body.version });
    expect(held).toMatchObject({ status: S.TAKEN_IN_CHARGE, assignedStaffId: operator.id });
  });

  it("answers 409 for an action not possible from the current status and for a stale expectedVersion", async () => {
    const app = await createRegisteredApplication(tenantId, citizen.id);
    const early = await transition(app.id, { action: "accept" });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("apiApplications.problems.transitionNotAllowed");
    expect(early.body.detail).toContain("3000 REGISTERED");

    const taken = await transition(app.id, { action: "takeInCharge" });
    expect(taken.status).toBe(200);
    const again = await transition(app.id, { action: "takeInCharge" });
    expect(again.status).toBe(409);

    const stale = await transition(app.id, { action: "accept", expectedVersion: taken.body.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("apiApplications.problems.staleVersion");
    await expect((await db()).application.findUniqueOrThrow({ where: { id: app.id } })).resolves.toMatchObject({ status: S.TAKEN_IN_CHARGE });
  });

  it("needs a reason to reject, reopen, annul and resume without integration (400 pointing at /body/reason)", async () => {
    const app = await createApplicationInStatus({ tenantId, service: await createTestService({ tenantId }), status: S.TAKEN_IN_CHARGE, citizenId: citizen.id });
    for (const json of [{ action: "reject" }, { action: "annul", reason: "   " }, { action: "reopen" }]) {
      const { status, body } = await transition(app.id, json);
      expect(status, json.action).toBe(400);
      expect(body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/reason"]);
    }
    expect(await version(app.id)).toBe(0);
    const unknown = await transition(app.id, { action: "withdraw" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].pointer).toBe("/body/action");
  });

  it("accepts, and the outcome PDF appears once issued; then reopens and annuls with a reason", async () => {
    const app = await createRegisteredApplication(tenantId, citizen.id);
    expect((await pdfBytes(app.id, "receipt")).subarray(0, 4).toString()).toBe("%PDF");
    const missing = await callApiChecked("GET", `/applications/${app.id}/outcome.pdf`, { key: readOnlyKey });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("apiApplications.problems.outcomeNotFound");

    await transition(app.id, { action: "takeInCharge" });
    const accepted = await transition(app.id, { action: "accept", reason: "Requisiti verificati dal gestionale." });
    expect(accepted.body.status).toBe(S.ACCEPTING);
    await runLatestJob(app.id, applicationOutcomeJob);
    expect((await pdfBytes(app.id, "outcome")).subarray(0, 4).toString()).toBe("%PDF");

    const reopened = await transition(app.id, { action: "reopen", reason: "Esito da rivedere." });
    expect(reopened.body.status).toBe(S.TAKEN_IN_CHARGE);
    const annulled = await transition(app.id, { action: "annul", reason: "Domanda duplicata." });
    expect(annulled.body.status).toBe(S.ANNULLED);
    const rejectedAfter = await transition(app.id, { action: "reject", reason: "x" });
    expect(rejectedAfter.status).toBe(409);
  });

  it("asks for an integration, then resumes without it", async () => {
    const app = await createApplicationInStatus({ tenantId, service: await createTestService({ tenantId }), status: S.TAKEN_IN_CHARGE, citizenId: citizen.id });
    const noDetails = await transition(app.id, { action: "requestIntegration" });
    expect(noDetails.status).toBe(400);
    expect(noDetails.body.errors[0]).toMatchObject({ pointer: "/body/integration", code: "apiApplications.problems.integrationRequired" });

    const integration = { message: "Manca l'attestazione ISEE.", documents: ["Attestazione ISEE 2026"], deadline: romeDay(new Date(Date.now() + 15 * DAY)) };
    const past = await transition(app.id, { action: "requestIntegration", integration: { ...integration, deadline: romeDay(new Date(Date.now() - DAY)) } });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].pointer).toBe("/body/integration/deadline");
    const noDocs = await transition(app.id, { action: "requestIntegration", integration: { ...integration, documents: [] } });
    expect(noDocs.body.errors[0].pointer).toBe("/body/integration/documents");

    const requested = await transition(app.id, { action: "requestIntegration", integration });
    expect(requested.status).toBe(200);
    expect(requested.body.status).toBe(S.INTEGRATION_REQUESTED);
    const prisma = await db();
    const message = await prisma.message.findFirstOrThrow({ where: { tenantId, applicationId: app.id } });
    expect(message).toMatchObject({ citizenId: citizen.id, authorKind: "API", authorId: writer.id, source: "api", internal: false });
    expect(message.body).toContain("Attestazione ISEE 2026");
    const detail = await callApiChecked("GET", `/applications/${app.id}`, { key: readOnlyKey });
    expect(detail.body.integrationRequest).toMatchObject({ message: integration.message, documents: integration.documents, answeredAt: null });

    const afterAnswer = await transition(app.id, { action: "resumeAfterIntegration" });
    expect(afterAnswer.status).toBe(409);
    const noReason = await transition(app.id, { action: "resumeWithoutIntegration" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].pointer).toBe("/body/reason");
    const resumed = await transition(app.id, { action: "resumeWithoutIntegration", reason: "Documento acquisito d'ufficio." });
    expect(resumed.body.status).toBe(S.TAKEN_IN_CHARGE_AFTER_INTEGRATION);
    expect(await prisma.integrationRequest.count({ where: { applicationId: app.id, closedAt: null } })).toBe(0);
    expect((await callApiChecked("GET", `/applications/${app.id}`, { key: readOnlyKey })).body.integrationRequest).toBeNull();
  });

  it("answers 403 without applications:write, 404 for another municipality's key, a draft or an unknown id", async () => {
    const service = await createTestService({ tenantId });
    const app = await createApplicationInStatus({ tenantId, service, status: S.REGISTERED, citizenId: citizen.id });
    expect((await transition(app.id, { action: "takeInCharge" }, readOnlyKey)).status).toBe(403);
    expect((await transition(app.id, { action: "takeInCharge" }, otherTenantKey)).status).toBe(404);
    const draft = await createApplicationInStatus({ tenantId, service, status: S.DRAFT, citizenId: citizen.id });
    expect((await transition(draft.id, { action: "annul", reason: "x" })).status).toBe(404);
    expect((await transition(randomUUID(), { action: "takeInCharge" })).status).toBe(404);
    expect(await version(app.id)).toBe(0);
    for (const pdf of ["receipt.pdf", "outcome.pdf"]) {
      expect((await callApiChecked("GET", `/applications/${app.id}/${pdf}`, { key: otherTenantKey })).status).toBe(404);
    }
  });
});

describe("an external system's actions as people see them", () => {
  it("shows the key's name in the back office and keeps the citizen's timeline working", async () => {
    const app = await createRegisteredApplication(tenantId, citizen.id);
    expect((await transition(app.id, { action: "takeInCharge" })).status).toBe(200);
    const manager = (await createStaff({ tenantId, role: "SERVICE_MANAGER" })).user;
    const view = await viewApplicationAsStaff({ tenantId, applicationId: app.id, staff: { id: manager.id, role: "SERVICE_MANAGER" }, ip: null });
    expect(view.timeline.at(-1)).toMatchObject({ toStatus: S.TAKEN_IN_CHARGE, actorKind: "API", actorName: "Protocollo informatico" });

    const mine = await getMyApplication({ tenantId, citizenId: citizen.id, applicationId: app.id });
    expect(mine.timeline.at(-1)).toMatchObject({ status: S.TAKEN_IN_CHARGE, actor: "API" });
    expect(mine.timeline.at(-1)!.label).not.toBe("");
  });
});
