import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listMessages } from "@/server/area/messages";
import { APPLICATION_STATUS } from "@/server/applications/status";
import { postStaffMessage } from "@/server/conversation/staff-messages";
import { createConversationScenario, uploadTestFile } from "@/server/conversation/testing";
import { db } from "@/server/db/client";
import { createTenant } from "@/server/test/factories";
import { tempStorage } from "@/server/uploads/testing";
import { callApiChecked, createTestApiKey } from "../testing";
import { emailsTo, isolateDataDir } from "./inbound-testing";

isolateDataDir();

// An application's conversation through the API: reading it (messages, notes, attachments) and
// writing to the citizen or a note as the office, with the same rules as an operator.

type TScenario = Awaited<ReturnType<typeof createConversationScenario>>;

let s: TScenario;
let reader: string;
let writer: string;
let otherTenantKey: string;

beforeAll(async () => {
  s = await createConversationScenario();
  reader = (await createTestApiKey(s.tenant.id, ["applications:read"])).key;
  writer = (await createTestApiKey(s.tenant.id, ["messages:write"], { name: "Protocollo informatico" })).key;
  const other = await createTenant();
  otherTenantKey = (await createTestApiKey(other.id, ["applications:read", "messages:write"])).key;
});

async function messagesOf(applicationId: string) {
  const prisma = await db();
  return prisma.message.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } });
}

describe("GET /applications/{id}/messages", () => {
  it("lists the conversation oldest first, notes flagged internal, with the operators' names and attachment links", async () => {
    const { storage, cleanup } = tempStorage();
    try {
      const fileId = await uploadTestFile({ tenantId: s.tenant.id, applicationId: s.application.id, uploader: { kind: "staff" }, storage, text: "allegato" });
      await postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "message", body: "Serve un documento.", attachmentIds: [fileId] });
      await postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "note", body: "Nota per l'ufficio." });

      const { status, body } = await callApiChecked("GET", `/applications/${s.application.id}/messages`, { key: reader });
      expect(status).toBe(200);
      const [message, note] = body.items.slice(-2);
      expect(message).toMatchObject({ authorKind: "STAFF", authorName: s.operator.name, internal: false, body: "Serve un documento." });
      expect(message.attachments).toEqual([
        expect.objectContaining({ id: fileId, fileName: "allegato.pdf", kind: "pdf", href: `/api/v1/applications/${s.application.id}/attachments/${fileId}` }),
      ]);
      expect(note).toMatchObject({ internal: true, body: "Nota per l'ufficio.", attachments: [] });
    } finally {
      cleanup();
    }
  });

  it("answers 404 for another municipality's application or an unknown one, 403 without applications:read", async () => {
    expect((await callApiChecked("GET", `/applications/${s.application.id}/messages`, { key: otherTenantKey })).status).toBe(404);
    expect((await callApiChecked("GET", `/applications/${randomUUID()}/messages`, { key: reader })).status).toBe(404);
    const denied = await callApiChecked("GET", `/applications/${s.application.id}/messages`, { key: writer });
    expect(denied.status).toBe(403);
  });
});

describe("POST /applications/{id}/messages", () => {
  it("writes to the citizen signed with the key's name: in their area, by email, with its audit line and message.created event", async () => {
    const before = (await emailsTo(s.tenant.id, s.citizen.email!)).length;
    const { status, body } = await callApiChecked("POST", `/applications/${s.application.id}/messages`, { key: writer, json: { body: "La pratica è in verifica." } });
    expect(status).toBe(201);
    expect(body).toMatchObject({ applicationId: s.application.id, authorKind: "API", authorName: "Protocollo informatico", internal: false, body: "La pratica è in verifica.", readAt: null });

    const prisma = await db();
    const row = await prisma.message.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ source: "api", sourceLabel: "Protocollo informatico", citizenId: s.citizen.id, authorKind: "API" });

    const area = await listMessages({ tenantId: s.tenant.id, citizenId: s.citizen.id });
    expect(area.items.find((m) => m.id === body.id)).toMatchObject({ sourceLabel: "Protocollo informatico", body: "La pratica è in verifica." });
    expect((await emailsTo(s.tenant.id, s.citizen.email!)).length).toBe(before + 1);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { tenantId: s.tenant.id, action: "message.create", details: { path: ["messageId"], equals: body.id } } });
    expect(audit).toMatchObject({ actorKind: "API", applicationId: s.application.id });
    expect((audit.details as { apiKey: string }).apiKey).toBe(writer.slice(0, 12));
    const events = await prisma.backgroundJob.count({ where: { payload: { path: ["messageId"], equals: body.id } } });
    expect(events).toBeGreaterThan(0);
  });

  it("adds an internal note the citizen never sees nor hears about", async () => {
    const before = (await emailsTo(s.tenant.id, s.citizen.email!)).length;
    const { status, body } = await callApiChecked("POST", `/applications/${s.application.id}/messages`, { key: writer, json: { body: "Verificato in anagrafe.", internal: true } });
    expect(status).toBe(201);
    expect(body.internal).toBe(true);
    const area = await listMessages({ tenantId: s.tenant.id, citizenId: s.citizen.id });
    expect(area.items.some((m) => m.id === body.id)).toBe(false);
    expect((await emailsTo(s.tenant.id, s.citizen.email!)).length).toBe(before);
  });

  it("refuses a message to the citizen outside the messaging window with 409, but takes a note", async () => {
    const registered = await createConversationScenario({ status: APPLICATION_STATUS.REGISTERED });
    const key = (await createTestApiKey(registered.tenant.id, ["messages:write"])).key;
    const path = `/applications/${registered.application.id}/messages`;
    const refused = await callApiChecked("POST", path, { key, json: { body: "Ciao" } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("conversation.errors.outsideWindow");
    expect(await messagesOf(registered.application.id)).toEqual([]);
    expect((await callApiChecked("POST", path, { key, json: { body: "Nota", internal: true } })).status).toBe(201);
  });

  it("answers 404 across municipalities, 403 without messages:write, 400 for an empty text", async () => {
    const path = `/applications/${s.application.id}/messages`;
    const count = (await messagesOf(s.application.id)).length;
    expect((await callApiChecked("POST", path, { key: otherTenantKey, json: { body: "Intruso" } })).status).toBe(404);
    expect((await callApiChecked("POST", "/applications/not-a-uuid/messages", { key: writer, json: { body: "x" } })).status).toBe(404);
    expect((await callApiChecked("POST", path, { key: reader, json: { body: "Senza permesso" } })).status).toBe(403);
    const empty = await callApiChecked("POST", path, { key: writer, json: { body: "   " } });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ pointer: "/body/body", code: "conversation.errors.bodyRequired" })]);
    expect((await messagesOf(s.application.id)).length).toBe(count);
  });
});
