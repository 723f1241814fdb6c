import { afterAll, describe, expect, it } from "vitest";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { createApplicationInStatus } from "@/server/applications/testing";
import { listInbox } from "@/server/backoffice/inbox";
import { db } from "@/server/db/client";
import { appErrorOf } from "@/server/test/app-error";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { tempStorage } from "@/server/uploads/testing";
import { deleteAbandonedMessageUploads } from "./attachments";
import { replyToApplication } from "./replies";
import { postStaffMessage } from "./staff-messages";
import { createConversationScenario, uploadTestFile } from "./testing";
import { countUnreadFromCitizen, listThread, openThreadAsStaff } from "./thread";

// Messages and internal notes between the office and the citizen, on a real database: who may
// write when, what is recorded, who is told by email, what the operator sees.

const temp = tempStorage();
afterAll(() => temp.cleanup());

const outbox = async (tenantId: string) => (await db()).outboundEmail.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });

describe("operator messages and notes", () => {
  it("sends a message to the citizen with a file, emails them a link (not the text) and records it in the audit trail", async () => {
    const s = await createConversationScenario();
    const fileId = await uploadTestFile({ tenantId: s.tenant.id, applicationId: s.application.id, uploader: { kind: "staff" }, storage: temp.storage });
    const posted = await postStaffMessage({
      tenantId: s.tenant.id,
      staff: s.staff,
      ip: "203.0.113.9",
      applicationId: s.application.id,
      kind: "message",
      body: "Buongiorno, la pratica è in verifica. Riservato: 12345",
      attachmentIds: [fileId],
    });
    const prisma = await db();
    const message = await prisma.message.findUniqueOrThrow({ where: { id: posted.id }, include: { attachments: true } });
    expect(message).toMatchObject({ citizenId: s.citizen.id, internal: false, authorKind: "STAFF", authorId: s.operator.id, readAt: null });
    expect(message.attachments.map((a) => a.id)).toEqual([fileId]);

    const emails = await outbox(s.tenant.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: s.citizen.email, template: "notification", subject: `Hai un nuovo messaggio sulla domanda ${s.application.protocolNumber}` });
    const props = JSON.stringify(emails[0]!.props);
    expect(props).toContain(`/area-personale/domande/${s.application.id}`);
    expect(props).not.toContain("Riservato");

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { tenantId: s.tenant.id, action: "message.create" } });
    expect(audit).toMatchObject({ actorId: s.operator.id, actorRole: "OPERATOR", applicationId: s.application.id, ip: "203.0.113.9" });
  });

  it("saves an internal note at any time after submission, without a citizen, an email or a notice", async () => {
    const s = await createConversationScenario({ status: S.ACCEPTED });
    const note = await postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "note", body: "Verificato con l'anagrafe." });
    const prisma = await db();
    expect(await prisma.message.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({ internal: true, citizenId: null, subject: "Nota interna" });
    expect(await outbox(s.tenant.id)).toEqual([]);
    expect(await prisma.auditEvent.count({ where: { tenantId: s.tenant.id, action: "note.create" } })).toBe(1);
  });

  it("writes to the citizen only inside the window 4000–4500, and never to an applicant without SPID", async () => {
    for (const status of [S.REGISTERED, S.ACCEPTING, S.ACCEPTED, S.REJECTED, S.WITHDRAWN]) {
      const s = await createConversationScenario({ status });
      const e = await appErrorOf(postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "message", body: "Ciao" }));
      expect([status, e.code, e.messageKey]).toEqual([status, "CONFLICT", "conversation.errors.outsideWindow"]);
    }
    for (const status of [S.TAKEN_IN_CHARGE, S.INTEGRATION_REQUESTED, S.INTEGRATION_SUBMITTED, S.TAKEN_IN_CHARGE_AFTER_INTEGRATION]) {
      const s = await createConversationScenario({ status });
      await expect(postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "message", body: "Ciao" })).resolves.toBeTruthy();
    }

    const s = await createConversationScenario();
    const byEmail = await createApplicationInStatus({ tenantId: s.tenant.id, service: s.service, status: S.TAKEN_IN_CHARGE, applicantEmail: "anna@example.test" });
    const e = await appErrorOf(postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: byEmail.id, kind: "message", body: "Ciao" }));
    expect([e.code, e.messageKey]).toEqual(["BAD_REQUEST", "conversation.errors.noCitizen"]);
    // A note is still possible, and the composer says why the citizen option is off.
    await postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: byEmail.id, kind: "note", body: "Chiamata la richiedente." });
    const view = await openThreadAsStaff({ tenantId: s.tenant.id, app: { id: byEmail.id, status: S.TAKEN_IN_CHARGE, citizenId: null, applicantName: null } });
    expect(view.citizenBlock).toBe("noCitizen");
  });

  it("refuses another municipality's application, a draft, empty or oversized text", async () => {
    const s = await createConversationScenario();
    const other = await createTenant();
    const elsewhere = await appErrorOf(postStaffMessage({ tenantId: other.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "note", body: "x" }));
    expect(elsewhere.code).toBe("NOT_FOUND");
    const draft = await createApplicationInStatus({ tenantId: s.tenant.id, service: s.service, status: S.DRAFT, citizenId: s.citizen.id });
    expect((await appErrorOf(postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: draft.id, kind: "note", body: "x" }))).code).toBe("NOT_FOUND");
    const empty = await appErrorOf(postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "note", body: "   " }));
    expect(empty.fields).toEqual({ body: "conversation.errors.bodyRequired" });
    const long = await appErrorOf(postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "note", body: "a".repeat(10_001) }));
    expect(long.fields).toEqual({ body: "conversation.errors.bodyTooLong" });
  });

  it("posts only files this side uploaded for this application and not sent yet", async () => {
    const s = await createConversationScenario();
    const t = await createConversationScenario();
    const up = (applicationId: string, uploader: { kind: "staff" } | { kind: "citizen"; citizenId: string }, tenantId = s.tenant.id) =>
      uploadTestFile({ tenantId, applicationId, uploader, storage: temp.storage });
    const note = (attachmentIds: string[]) =>
      postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "note", body: "con allegato", attachmentIds });

    const otherApplications = await up(t.application.id, { kind: "staff" }, t.tenant.id);
    const citizensUpload = await up(s.application.id, { kind: "citizen", citizenId: s.citizen.id });
    for (const id of [otherApplications, citizensUpload]) {
      const e = await appErrorOf(note([id]));
      expect([e.code, e.messageKey]).toEqual(["BAD_REQUEST", "conversation.errors.attachmentInvalid"]);
    }
    const mine = await up(s.application.id, { kind: "staff" });
    await note([mine]);
    // Already sent with a message: not again.
    expect((await appErrorOf(note([mine]))).messageKey).toBe("conversation.errors.attachmentInvalid");
    // A refused message leaves nothing behind.
    const prisma = await db();
    expect(await prisma.message.count({ where: { applicationId: s.application.id } })).toBe(1);
  });

  it("the nightly cleanup deletes uploads no message claimed after a day, row and bytes, and nothing else", async () => {
    const s = await createConversationScenario();
    const up = () => uploadTestFile({ tenantId: s.tenant.id, applicationId: s.application.id, uploader: { kind: "staff" }, storage: temp.storage });
    const [sent, abandoned, fresh] = [await up(), await up(), await up()];
    await postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "note", body: "con allegato", attachmentIds: [sent] });
    const prisma = await db();
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    await prisma.attachment.updateMany({ where: { id: { in: [sent, abandoned] } }, data: { createdAt: twoDaysAgo } });
    const abandonedKey = (await prisma.attachment.findUniqueOrThrow({ where: { id: abandoned } })).storageKey;

    expect(await deleteAbandonedMessageUploads({ storage: temp.storage })).toBeGreaterThanOrEqual(1);
    const left = await prisma.attachment.findMany({ where: { id: { in: [sent, abandoned, fresh] } }, select: { id: true } });
    expect(left.map((a) => a.id).sort()).toEqual([sent, fresh].sort());
    expect(await temp.storage.get(abandonedKey)).toBeNull();
  });
});

describe("citizen replies", () => {
  it("replies within the window with a file; the assigned operator gets one email, without the text", async () => {
    const s = await createConversationScenario();
    const fileId = await uploadTestFile({ tenantId: s.tenant.id, applicationId: s.application.id, uploader: { kind: "citizen", citizenId: s.citizen.id }, storage: temp.storage });
    const { id } = await replyToApplication({ tenantId: s.tenant.id, citizenId: s.citizen.id, applicationId: s.application.id, body: "Ecco il certificato. Codice 999", attachmentIds: [fileId] });
    const prisma = await db();
    const message = await prisma.message.findUniqueOrThrow({ where: { id }, include: { attachments: { select: { id: true } } } });
    expect(message).toMatchObject({ authorKind: "CITIZEN", authorId: s.citizen.id, citizenId: s.citizen.id, internal: false, readByStaffAt: null });
    // Their own message is not "unread" for them.
    expect(message.readAt).not.toBeNull();
    expect(message.attachments).toEqual([{ id: fileId }]);

    const emails = await outbox(s.tenant.id);
    expect(emails.map((e) => [e.to, e.template])).toEqual([[s.operator.email, "citizen-message"]]);
    expect(emails[0]!.subject).toBe(`Nuovo messaggio sulla pratica ${s.application.protocolNumber}`);
    expect(JSON.stringify(emails[0]!.props)).not.toContain("Codice 999");
    expect(JSON.stringify(emails[0]!.props)).toContain(`/backoffice/domande/${s.application.id}`);
  });

  it("emails the service's operators when nobody is assigned, else every active member of the staff", async () => {
    const s = await createConversationScenario();
    const prisma = await db();
    await prisma.application.update({ where: { id: s.application.id }, data: { assignedStaffId: null } });
    const first = (await createStaff({ tenantId: s.tenant.id })).user;
    const second = (await createStaff({ tenantId: s.tenant.id, role: "SERVICE_MANAGER" })).user;
    const gone = (await createStaff({ tenantId: s.tenant.id })).user;
    await prisma.staffUser.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    await prisma.serviceOperator.createMany({
      data: [first, second, gone].map((u) => ({ tenantId: s.tenant.id, serviceId: s.service.id, staffUserId: u.id })),
    });
    await replyToApplication({ tenantId: s.tenant.id, citizenId: s.citizen.id, applicationId: s.application.id, body: "Una domanda" });
    expect((await outbox(s.tenant.id)).map((e) => e.to).sort()).toEqual([first.email, second.email].sort());

    // No operators for the service: the whole active staff of this municipality, nobody else's.
    await prisma.serviceOperator.deleteMany({ where: { serviceId: s.service.id } });
    const admin = (await createStaff({ tenantId: s.tenant.id, role: "TENANT_ADMIN" })).user;
    await createStaff({ tenantId: (await createTenant()).id });
    await prisma.outboundEmail.deleteMany({ where: { tenantId: s.tenant.id } });
    await replyToApplication({ tenantId: s.tenant.id, citizenId: s.citizen.id, applicationId: s.application.id, body: "Un'altra domanda" });
    expect((await outbox(s.tenant.id)).map((e) => e.to).sort()).toEqual([s.operator.email, first.email, second.email, admin.email].sort());
  });

  it("refuses outside the window, on another citizen's or another municipality's application", async () => {
    const s = await createConversationScenario({ status: S.REGISTERED });
    const outside = await appErrorOf(replyToApplication({ tenantId: s.tenant.id, citizenId: s.citizen.id, applicationId: s.application.id, body: "Ciao" }));
    expect([outside.code, outside.messageKey]).toEqual(["CONFLICT", "conversation.errors.replyOutsideWindow"]);
    const open = await createConversationScenario();
    const luca = await createCitizen();
    expect((await appErrorOf(replyToApplication({ tenantId: open.tenant.id, citizenId: luca.id, applicationId: open.application.id, body: "Ciao" }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(replyToApplication({ tenantId: s.tenant.id, citizenId: open.citizen.id, applicationId: open.application.id, body: "Ciao" }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await outbox(open.tenant.id)).toEqual([]);
  });
});

describe("the operator's thread and unread counts", () => {
  it("lists notes and messages with authors, counts the citizen's unread messages in the inbox until the thread is opened", async () => {
    const s = await createConversationScenario();
    await postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "note", body: "Da verificare" });
    await postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id, kind: "message", body: "Serve un documento" });
    await replyToApplication({ tenantId: s.tenant.id, citizenId: s.citizen.id, applicationId: s.application.id, body: "Lo mando domani" });
    await replyToApplication({ tenantId: s.tenant.id, citizenId: s.citizen.id, applicationId: s.application.id, body: "Eccolo" });

    const thread = await listThread({ tenantId: s.tenant.id, applicationId: s.application.id });
    expect(thread.map((e) => [e.internal, e.authorKind, e.authorName, e.body])).toEqual([
      [true, "STAFF", s.operator.name, "Da verificare"],
      [false, "STAFF", s.operator.name, "Serve un documento"],
      [false, "CITIZEN", null, "Lo mando domani"],
      [false, "CITIZEN", null, "Eccolo"],
    ]);

    const page = await listInbox({ tenantId: s.tenant.id, staffUserId: s.operator.id });
    expect(page.items.map((i) => [i.id, i.unreadFromCitizen])).toEqual([[s.application.id, 2]]);

    const opened = await openThreadAsStaff({ tenantId: s.tenant.id, app: s.application });
    expect(opened.unread).toBe(2);
    expect(opened.thread.filter((e) => e.isNew).map((e) => e.body)).toEqual(["Lo mando domani", "Eccolo"]);
    expect(opened.citizenBlock).toBeNull();
    expect(opened.recipientName).toBe(`${s.citizen.givenName} ${s.citizen.familyName}`);
    expect((await countUnreadFromCitizen({ tenantId: s.tenant.id, applicationIds: [s.application.id] })).size).toBe(0);
    expect((await listInbox({ tenantId: s.tenant.id, staffUserId: s.operator.id })).items[0]!.unreadFromCitizen).toBe(0);
  });
});
