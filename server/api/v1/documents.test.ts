import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDocumentFile, listDocuments } from "@/server/area/documents";
import { listMessages } from "@/server/area/messages";
import { createRegisteredApplication } from "@/server/area/testing";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { quietJobLogger } from "@/server/applications/testing";
import { applyTransition, type TTransitionAction } from "@/server/applications/transitions";
import { db } from "@/server/db/client";
import { issueDocument } from "@/server/documents/issue-document";
import { applicationOutcomeJob } from "@/server/jobs/definitions/application-outcome";
import { applicationStatusChangedJob } from "@/server/jobs/definitions/application-status-changed";
import { runJobNow } from "@/server/jobs/providers/local/run-due-jobs";
import { createStaff, createTenant } from "@/server/test/factories";
import { minimalPdf, uploadFixture } from "@/server/uploads/testing";
import { callApiChecked, createTestApiKey } from "../testing";
import { createInboundCitizen, emailsTo, pdfForm, isolateDataDir } from "./inbound-testing";

isolateDataDir();

// Documents through the API: an application's list, any document's PDF, and the outcome document
// an external system decided and signed itself.

let tenant: Awaited<ReturnType<typeof createTenant>>;
let citizen: Awaited<ReturnType<typeof createInboundCitizen>>;
let operatorId: string;
let reader: string;
let writer: string;
let otherTenantKey: string;

beforeAll(async () => {
  tenant = await createTenant();
  citizen = await createInboundCitizen();
  operatorId = (await createStaff({ tenantId: tenant.id })).user.id;
  reader = (await createTestApiKey(tenant.id, ["applications:read"])).key;
  writer = (await createTestApiKey(tenant.id, ["documents:write"], { name: "Firma digitale" })).key;
  const other = await createTenant();
  otherTenantKey = (await createTestApiKey(other.id, ["applications:read", "documents:write"])).key;
});

async function act(applicationId: string, action: TTransitionAction, reason?: string) {
  const prisma = await db();
  const { version } = await prisma.application.findUniqueOrThrow({ where: { id: applicationId }, select: { version: true } });
  return applyTransition({ tenantId: tenant.id, applicationId, action, actor: { kind: "staff", id: operatorId, role: "OPERATOR" }, reason, expectedVersion: version });
}

async function applicationInCharge() {
  const registered = await createRegisteredApplication(tenant.id, citizen.id);
  return (await act(registered.id, "takeInCharge")).application;
}

async function statusOf(applicationId: string) {
  const prisma = await db();
  return (await prisma.application.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true } })).status;
}

async function outcomeDocuments(applicationId: string) {
  const prisma = await db();
  return prisma.document.findMany({ where: { tenantId: tenant.id, applicationId, kind: "OUTCOME" } });
}

async function runJob(definition: typeof applicationOutcomeJob, statusChangeId: string) {
  const prisma = await db();
  const job = await prisma.backgroundJob.findFirstOrThrow({ where: { name: definition.id, dedupeKey: `${definition.id}:${statusChangeId}` } });
  return runJobNow(job.id, { definitions: [definition], logger: quietJobLogger });
}

describe("GET /applications/{id}/documents and GET /documents/{id}", () => {
  it("lists an application's receipt and hands out its PDF", async () => {
    const app = await createRegisteredApplication(tenant.id, citizen.id);
    const { status, body } = await callApiChecked("GET", `/applications/${app.id}/documents`, { key: reader });
    expect(status).toBe(200);
    expect(body.items).toHaveLength(1);
    const receipt = body.items[0];
    expect(receipt).toMatchObject({ kind: "RECEIPT", applicationId: app.id, protocolNumber: app.protocolNumber, recipientFiscalCode: null, href: `/api/v1/documents/${receipt.id}` });

    const file = await callApiChecked("GET", `/documents/${receipt.id}`, { key: reader });
    expect(file.status).toBe(200);
    expect(file.response.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await file.response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("answers 404 for another municipality's application or document, a document without file, and 403 without applications:read", async () => {
    const app = await createRegisteredApplication(tenant.id, citizen.id);
    const prisma = await db();
    const receipt = await prisma.document.findFirstOrThrow({ where: { applicationId: app.id } });
    expect((await callApiChecked("GET", `/applications/${app.id}/documents`, { key: otherTenantKey })).status).toBe(404);
    expect((await callApiChecked("GET", `/documents/${receipt.id}`, { key: otherTenantKey })).status).toBe(404);
    expect((await callApiChecked("GET", `/documents/${randomUUID()}`, { key: reader })).status).toBe(404);
    const { document: noFile } = await issueDocument({ tenantId: tenant.id, kind: "OTHER", title: "Senza file", pdf: minimalPdf() });
    expect((await callApiChecked("GET", `/documents/${noFile.id}`, { key: reader })).status).toBe(404);
    expect((await callApiChecked("GET", `/applications/${app.id}/documents`, { key: writer })).status).toBe(403);
    expect((await callApiChecked("GET", `/documents/${receipt.id}`, { key: writer })).status).toBe(403);
  });
});

describe("POST /applications/{id}/outcome-document", () => {
  it("accepts an application in charge with the supplied PDF, finalizes it, and the citizen gets it with the usual notices", async () => {
    const app = await applicationInCharge();
    const pdf = minimalPdf("Provvedimento firmato");
    const { status, body } = await callApiChecked("POST", `/applications/${app.id}/outcome-document`, {
      key: writer,
      form: pdfForm({ outcome: "accepted", title: "Autorizzazione n. 12" }, { bytes: pdf }),
    });
    expect(status).toBe(201);
    expect(body.status).toBe(S.ACCEPTED);
    expect(body.document).toMatchObject({ kind: "OUTCOME", title: "Autorizzazione n. 12", applicationId: app.id });
    expect(await statusOf(app.id)).toBe(S.ACCEPTED);

    // The decision is the key's; the same bytes come back, from the API and from the area.
    const prisma = await db();
    const changes = await prisma.applicationStatusChange.findMany({ where: { applicationId: app.id }, orderBy: { createdAt: "asc" } });
    const accept = changes.find((c) => c.toStatus === S.ACCEPTING)!;
    const final = changes.find((c) => c.toStatus === S.ACCEPTED)!;
    expect(accept).toMatchObject({ actorKind: "API" });
    const download = await callApiChecked("GET", `/documents/${body.document.id}`, { key: reader });
    expect(Buffer.from(await download.response.arrayBuffer()).equals(pdf)).toBe(true);
    const area = await listDocuments({ tenantId: tenant.id, citizenId: citizen.id });
    expect(area.find((d) => d.id === body.document.id)).toMatchObject({ kind: "OUTCOME", downloadable: true });
    expect((await getDocumentFile({ tenantId: tenant.id, citizenId: citizen.id, documentId: body.document.id })).bytes.equals(pdf)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { tenantId: tenant.id, applicationId: app.id, action: "application.outcome_document", actorKind: "API" } })).toBe(1);

    // The outcome job of the decision finds nothing to do: still one outcome document.
    expect(await runJob(applicationOutcomeJob, accept.id)).toBe("completed");
    expect(await outcomeDocuments(app.id)).toHaveLength(1);
    // The final status change notifies the citizen as usual.
    const before = (await emailsTo(tenant.id, citizen.email!)).length;
    expect(await runJob(applicationStatusChangedJob, final.id)).toBe("completed");
    expect((await emailsTo(tenant.id, citizen.email!)).length).toBe(before + 1);
    const messages = await listMessages({ tenantId: tenant.id, citizenId: citizen.id });
    expect(messages.items.some((m) => m.application?.id === app.id && /accolta/i.test(m.subject))).toBe(true);
  });

  it("rejects only with a reason (400 on /body/reason), then finalizes to 9000", async () => {
    const app = await applicationInCharge();
    const path = `/applications/${app.id}/outcome-document`;
    const missing = await callApiChecked("POST", path, { key: writer, form: pdfForm({ outcome: "rejected" }) });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/reason"]);
    expect(await statusOf(app.id)).toBe(S.TAKEN_IN_CHARGE);
    const ok = await callApiChecked("POST", path, { key: writer, form: pdfForm({ outcome: "rejected", reason: "Requisiti non soddisfatti" }) });
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe(S.REJECTED);
    const prisma = await db();
    const decision = await prisma.applicationStatusChange.findFirstOrThrow({ where: { applicationId: app.id, toStatus: S.REJECTING } });
    expect(decision.reason).toBe("Requisiti non soddisfatti");
  });

  it("takes the place of the generated document while the decision awaits it; a contradicting outcome is 409", async () => {
    const app = await applicationInCharge();
    const { statusChange } = await act(app.id, "accept");
    const path = `/applications/${app.id}/outcome-document`;
    const contradicting = await callApiChecked("POST", path, { key: writer, form: pdfForm({ outcome: "rejected", reason: "No" }) });
    expect(contradicting.status).toBe(409);
    expect(await statusOf(app.id)).toBe(S.ACCEPTING);

    const { status, body } = await callApiChecked("POST", path, { key: writer, form: pdfForm({ outcome: "accepted" }) });
    expect(status).toBe(201);
    expect(body.status).toBe(S.ACCEPTED);
    expect(body.document.title).toBe(`Esito della domanda ${app.protocolNumber} (accolta)`);
    expect(await runJob(applicationOutcomeJob, statusChange.id)).toBe("completed");
    expect(await outcomeDocuments(app.id)).toHaveLength(1);
    // Final now: nothing more to attach.
    expect((await callApiChecked("POST", path, { key: writer, form: pdfForm({ outcome: "accepted" }) })).status).toBe(409);
  });

  it("answers 409 before the application is taken in charge", async () => {
    const app = await createRegisteredApplication(tenant.id, citizen.id);
    const refused = await callApiChecked("POST", `/applications/${app.id}/outcome-document`, { key: writer, form: pdfForm({ outcome: "accepted" }) });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("apiInbound.errors.outcomeNotPossible");
    expect(refused.body.detail).toContain(String(S.REGISTERED));
    expect(await statusOf(app.id)).toBe(S.REGISTERED);
  });

  it("refuses what is not a PDF (400 on /body/file) and files over 10 MB (413), changing nothing", async () => {
    const app = await applicationInCharge();
    const path = `/applications/${app.id}/outcome-document`;
    const png = await callApiChecked("POST", path, { key: writer, form: pdfForm({ outcome: "accepted" }, { bytes: uploadFixture("tiny.png"), name: "esito.pdf" }) });
    expect(png.status).toBe(400);
    expect(png.body.errors).toEqual([expect.objectContaining({ pointer: "/body/file", code: "apiInbound.errors.notPdf" })]);

    const justOver = Buffer.concat([minimalPdf(), Buffer.alloc(10 * 1024 * 1024 - minimalPdf().length + 1, 0x20)]);
    const over = await callApiChecked("POST", path, { key: writer, form: pdfForm({ outcome: "accepted" }, { bytes: justOver }) });
    expect(over.status).toBe(413);
    const huge = await callApiChecked("POST", path, { key: writer, form: pdfForm({ outcome: "accepted" }, { bytes: Buffer.alloc(11 * 1024 * 1024, 0x20) }) });
    expect(huge.status).toBe(413);
    expect(await statusOf(app.id)).toBe(S.TAKEN_IN_CHARGE);
    expect(await outcomeDocuments(app.id)).toEqual([]);
  });

  it("answers 404 across municipalities and 403 without documents:write", async () => {
    const app = await applicationInCharge();
    const path = `/applications/${app.id}/outcome-document`;
    expect((await callApiChecked("POST", path, { key: otherTenantKey, form: pdfForm({ outcome: "accepted" }) })).status).toBe(404);
    expect((await callApiChecked("POST", path, { key: reader, form: pdfForm({ outcome: "accepted" }) })).status).toBe(403);
    expect(await statusOf(app.id)).toBe(S.TAKEN_IN_CHARGE);
  });
});
