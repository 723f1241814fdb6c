import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationAccessToken, hashAccessToken } from "@/server/applications/access-token";
import { getFollowView } from "@/server/applications/follow-view";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { createApplicationInStatus } from "@/server/applications/testing";
import { getMyApplication } from "@/server/area/applications";
import { exportMyData } from "@/server/area/export";
import { countUnreadMessages, listMessages, markMessageRead } from "@/server/area/messages";
import { getAreaOverview } from "@/server/area/overview";
import { db } from "@/server/db/client";
import { appErrorOf } from "@/server/test/app-error";
import { getAttachmentForViewer } from "@/server/uploads/attachments";
import { tempStorage } from "@/server/uploads/testing";
import { postStaffMessage } from "./staff-messages";
import { createConversationScenario, uploadTestFile } from "./testing";

// Internal notes are the office's own: whatever a citizen-facing read or notice does, the text
// of a note, its files and the operator's unsent uploads never reach the citizen, and a note
// never counts as an unread message. Also checked with a note written with the citizen's id on
// it (as a careless writer or an old row could leave it), so every read filters by `internal`.

const NOTE_TEXT = "NOTA-RISERVATA: sospetta dichiarazione non veritiera";
const NOTE_FILE = "nota-riservata";
const MESSAGE_TEXT = "Messaggio per il cittadino";

const temp = tempStorage();
afterAll(() => temp.cleanup());

let s: Awaited<ReturnType<typeof createConversationScenario>>;
let noteFileId: string;
let pendingStaffUpload: string;
let messageFileId: string;
let strayNoteId: string;

beforeAll(async () => {
  s = await createConversationScenario();
  const ref = { tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: s.application.id };
  noteFileId = await uploadTestFile({ tenantId: s.tenant.id, applicationId: s.application.id, uploader: { kind: "staff" }, storage: temp.storage, text: NOTE_FILE });
  await postStaffMessage({ ...ref, kind: "note", body: NOTE_TEXT, attachmentIds: [noteFileId] });
  messageFileId = await uploadTestFile({ tenantId: s.tenant.id, applicationId: s.application.id, uploader: { kind: "staff" }, storage: temp.storage, text: "per-il-cittadino" });
  await postStaffMessage({ ...ref, kind: "message", body: MESSAGE_TEXT, attachmentIds: [messageFileId] });
  pendingStaffUpload = await uploadTestFile({ tenantId: s.tenant.id, applicationId: s.application.id, uploader: { kind: "staff" }, storage: temp.storage, text: "bozza-ufficio" });
  const prisma = await db();
  strayNoteId = (
    await prisma.message.create({
      data: { tenantId: s.tenant.id, citizenId: s.citizen.id, applicationId: s.application.id, subject: "Nota interna", body: NOTE_TEXT, internal: true, authorKind: "STAFF" },
    })
  ).id;
});

const mine = () => ({ tenantId: s.tenant.id, citizenId: s.citizen.id });

describe("internal notes never reach the citizen", () => {
  it("are not in the area's messages, the application page, nor counted as unread (the office's message is)", async () => {
    const { items, unreadCount } = await listMessages(mine());
    expect(items.map((m) => m.body)).toEqual([MESSAGE_TEXT]);
    expect(items[0]!.attachments.map((a) => a.id)).toEqual([messageFileId]);
    expect(unreadCount).toBe(1);
    expect(await countUnreadMessages(mine())).toBe(1);

    const page = await getMyApplication({ ...mine(), applicationId: s.application.id });
    expect(JSON.stringify(page)).not.toContain("NOTA-RISERVATA");
    expect(page.messages.map((m) => m.body)).toEqual([MESSAGE_TEXT]);

    const overview = await getAreaOverview(mine());
    expect(overview.messages.unreadCount).toBe(1);
    expect(JSON.stringify(overview)).not.toContain("NOTA-RISERVATA");
  });

  it("can't be marked read by the citizen", async () => {
    expect((await appErrorOf(markMessageRead({ ...mine(), messageId: strayNoteId }))).code).toBe("NOT_FOUND");
  });

  it("are not in the my-data export, nor their files", async () => {
    const data = await exportMyData(mine());
    const json = JSON.stringify(data);
    expect(json).not.toContain("NOTA-RISERVATA");
    expect(json).not.toContain(noteFileId);
    expect(json).not.toContain(pendingStaffUpload);
    expect(json).toContain(messageFileId);
    expect(data.messages.map((m) => m.body)).toEqual([MESSAGE_TEXT]);
  });

  it("can't be downloaded by the applicant (nor the operator's unsent uploads); the office can", async () => {
    const applicant = { kind: "citizen" as const, citizenId: s.citizen.id };
    for (const id of [noteFileId, pendingStaffUpload]) {
      const e = await appErrorOf(getAttachmentForViewer({ tenantId: s.tenant.id, attachmentId: id, viewer: { applicant }, storage: temp.storage }));
      expect(e.code).toBe("NOT_FOUND");
    }
    const sent = await getAttachmentForViewer({ tenantId: s.tenant.id, attachmentId: messageFileId, viewer: { applicant }, storage: temp.storage });
    expect(sent.attachment.id).toBe(messageFileId);
    const prisma = await db();
    const staff = await prisma.staffUser.findUniqueOrThrow({ where: { id: s.operator.id }, include: { memberships: true } });
    const asStaff = await getAttachmentForViewer({ tenantId: s.tenant.id, attachmentId: noteFileId, viewer: { staff }, storage: temp.storage });
    expect(asStaff.attachment.id).toBe(noteFileId);
  });

  it("are in no email queued, to anyone", async () => {
    const prisma = await db();
    const emails = await prisma.outboundEmail.findMany({ where: { tenantId: s.tenant.id } });
    expect(emails.length).toBeGreaterThan(0);
    for (const e of emails) {
      expect(JSON.stringify(e)).not.toContain("NOTA-RISERVATA");
      expect(JSON.stringify(e)).not.toContain(NOTE_FILE);
    }
  });

  it("are not on the follow page of an applicant without SPID", async () => {
    const byEmail = await createApplicationInStatus({ tenantId: s.tenant.id, service: s.service, status: S.TAKEN_IN_CHARGE, applicantEmail: "anna@example.test" });
    const token = applicationAccessToken(byEmail.id);
    const prisma = await db();
    await prisma.application.update({ where: { id: byEmail.id }, data: { accessTokenHash: hashAccessToken(token) } });
    await postStaffMessage({ tenantId: s.tenant.id, staff: s.staff, ip: null, applicationId: byEmail.id, kind: "note", body: NOTE_TEXT });
    const view = await getFollowView({ tenantId: s.tenant.id, token });
    expect(view).not.toBeNull();
    expect(JSON.stringify(view)).not.toContain("NOTA-RISERVATA");
    expect(await prisma.outboundEmail.count({ where: { tenantId: s.tenant.id, to: "anna@example.test" } })).toBe(0);
  });
});
