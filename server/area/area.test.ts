import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_STATUS } from "@/server/applications/status";
import { db } from "@/server/db/client";
import type { Application, Citizen, Tenant } from "@/server/db/generated/client";
import { isAppError } from "@/server/errors";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { createContextInner } from "@/server/trpc/context";
import { createAppCaller } from "@/server/trpc/root";
import { loadViewer } from "@/server/auth/viewer";
import { getMyApplication, listMyApplications } from "./applications";
import { listDeadlines } from "./deadlines";
import { getDocumentFile, listDocuments } from "./documents";
import { countUnreadMessages, listMessages, markMessageRead } from "./messages";
import { getAreaOverview } from "./overview";
import { createRegisteredApplication, createTestDraft, moveApplication } from "./testing";

// The personal area's server functions on a real database: a citizen sees their own
// applications, messages and documents in this municipality, and nothing of anyone else's.

async function errorCode(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (isAppError(e)) return e.code;
  if (e instanceof TRPCError) return e.code;
  throw new Error(`expected an error, got ${String(e)}`);
}

describe("personal area", () => {
  let tenant: Tenant;
  let otherTenant: Tenant;
  let maria: Citizen;
  let luca: Citizen;
  let draft: Application;
  let registered: Application;
  let accepted: Application;
  let lucasApplication: Application;
  let mariaElsewhere: Application;

  beforeAll(async () => {
    tenant = await createTenant();
    otherTenant = await createTenant();
    maria = await createCitizen();
    luca = await createCitizen();
    draft = await createTestDraft(tenant.id, maria.id);
    registered = await createRegisteredApplication(tenant.id, maria.id);
    const toAccept = await createRegisteredApplication(tenant.id, maria.id);
    await moveApplication(tenant.id, toAccept.id, APPLICATION_STATUS.TAKEN_IN_CHARGE);
    accepted = await moveApplication(tenant.id, toAccept.id, APPLICATION_STATUS.ACCEPTED, "Requisiti verificati");
    lucasApplication = await createRegisteredApplication(tenant.id, luca.id);
    mariaElsewhere = await createRegisteredApplication(otherTenant.id, maria.id);
  });

  const mine = () => ({ tenantId: tenant.id, citizenId: maria.id });

  it("groups the citizen's applications into drafts, in progress and closed, only in this municipality", async () => {
    const groups = await listMyApplications(mine());
    expect(groups.draft.map((a) => a.id)).toEqual([draft.id]);
    expect(groups.inProgress.map((a) => a.id)).toEqual([registered.id]);
    expect(groups.closed.map((a) => a.id)).toEqual([accepted.id]);
    expect(groups.inProgress[0]).toMatchObject({ protocolNumber: registered.protocolNumber, dueDate: registered.dueDate, status: APPLICATION_STATUS.REGISTERED });
    expect(groups.draft[0]!.draftExpiresAt).not.toBeNull();
    const all = JSON.stringify(groups);
    expect(all).not.toContain(lucasApplication.id);
    expect(all).not.toContain(mariaElsewhere.id);
  });

  it("shows one application with its timeline in plain Italian, its receipt and its messages", async () => {
    const a = await getMyApplication({ ...mine(), applicationId: registered.id });
    expect(a.timeline.map((e) => e.label)).toEqual(["Bozza", "Inviata", "Protocollata"]);
    expect(a.timeline[1]!.description).toBe("Hai inviato la domanda al Comune.");
    expect(a.timeline[2]!.actor).toBe("SYSTEM");
    expect(a.documents).toHaveLength(1);
    expect(a.documents[0]).toMatchObject({ kind: "RECEIPT", protocolNumber: registered.protocolNumber, downloadable: true });
    expect(a.messages).toHaveLength(1);
    expect(a.messages[0]!.body).toContain(registered.protocolNumber!);

    const closed = await getMyApplication({ ...mine(), applicationId: accepted.id, locale: "en" });
    expect(closed.group).toBe("closed");
    expect(closed.timeline.at(-1)).toMatchObject({ label: "Accepted", description: "The application was accepted.", reason: "Requisiti verificati" });
  });

  it("answers NOT_FOUND for another citizen's application and for the citizen's own in another municipality", async () => {
    expect(await errorCode(getMyApplication({ ...mine(), applicationId: lucasApplication.id }))).toBe("NOT_FOUND");
    expect(await errorCode(getMyApplication({ ...mine(), applicationId: mariaElsewhere.id }))).toBe("NOT_FOUND");
  });

  it("counts unread messages and marks only the citizen's own as read", async () => {
    const prisma = await db();
    // A second, older notice in this municipality, and one to Luca.
    await prisma.message.create({ data: { tenantId: tenant.id, citizenId: maria.id, subject: "Avviso", body: "Testo", createdAt: new Date(Date.now() - 60_000) } });
    const lucasMessage = await prisma.message.findFirstOrThrow({ where: { tenantId: tenant.id, citizenId: luca.id } });

    const before = await listMessages(mine());
    // The two registration notices (registered + accepted applications) and the notice.
    expect(before.items).toHaveLength(3);
    expect(before.unreadCount).toBe(3);
    expect(before.items.every((m) => m.readAt === null)).toBe(true);
    expect(JSON.stringify(before)).not.toContain(lucasMessage.id);
    // Messages in the other municipality are not counted here.
    expect(await countUnreadMessages({ tenantId: otherTenant.id, citizenId: maria.id })).toBe(1);

    const first = before.items[0]!;
    const { readAt } = await markMessageRead({ ...mine(), messageId: first.id });
    expect(await countUnreadMessages(mine())).toBe(2);
    // Reading it again keeps the time of the first reading.
    expect((await markMessageRead({ ...mine(), messageId: first.id })).readAt).toEqual(readAt);

    expect(await errorCode(markMessageRead({ ...mine(), messageId: lucasMessage.id }))).toBe("NOT_FOUND");
    expect((await prisma.message.findUniqueOrThrow({ where: { id: lucasMessage.id } })).readAt).toBeNull();
    const elsewhere = await prisma.message.findFirstOrThrow({ where: { tenantId: otherTenant.id, citizenId: maria.id } });
    expect(await errorCode(markMessageRead({ ...mine(), messageId: elsewhere.id }))).toBe("NOT_FOUND");
  });

  it("lists the citizen's documents and serves their PDFs to them only", async () => {
    const documents = await listDocuments(mine());
    expect(documents.map((d) => d.application?.id).sort()).toEqual([registered.id, accepted.id].sort());
    const receipt = documents.find((d) => d.application?.id === registered.id)!;
    const file = await getDocumentFile({ ...mine(), documentId: receipt.id });
    expect(file.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(file.title).toContain(registered.protocolNumber!);

    const prisma = await db();
    const lucasReceipt = await prisma.document.findFirstOrThrow({ where: { applicationId: lucasApplication.id } });
    const mariasElsewhere = await prisma.document.findFirstOrThrow({ where: { applicationId: mariaElsewhere.id } });
    expect(await errorCode(getDocumentFile({ ...mine(), documentId: lucasReceipt.id }))).toBe("NOT_FOUND");
    expect(await errorCode(getDocumentFile({ ...mine(), documentId: mariasElsewhere.id }))).toBe("NOT_FOUND");
    expect(await errorCode(getDocumentFile({ tenantId: tenant.id, citizenId: luca.id, documentId: receipt.id }))).toBe("NOT_FOUND");
  });

  it("lists deadlines soonest first: the municipality's answer, the draft's deletion; none for closed ones", async () => {
    const deadlines = await listDeadlines(mine());
    expect(deadlines.map((d) => [d.kind, d.application.id])).toEqual([
      ["answerBy", registered.id],
      ["draftDeletedOn", draft.id],
    ]);
    expect(deadlines[0]!.date).toEqual(registered.dueDate);
  });

  it("summarises the area: counts and the latest items", async () => {
    const overview = await getAreaOverview(mine());
    expect(overview.applications.counts).toEqual({ draft: 1, inProgress: 1, closed: 1 });
    expect(overview.documents.count).toBe(2);
    expect(overview.messages.latest.length).toBeLessThanOrEqual(3);
    expect(overview.deadlines).toHaveLength(2);
  });

  it("serves the unread count and mark-read to the signed-in citizen only (tRPC)", async () => {
    const asCitizen = async (citizen: Citizen) => createAppCaller(await createContextInner({ viewer: { kind: "citizen", citizen }, tenantSlug: tenant.slug }));
    const maria$ = await asCitizen(maria);
    const unread = await maria$.area.unreadCount();
    expect(unread).toBe(await countUnreadMessages(mine()));
    const { items } = await listMessages(mine());
    const target = items.find((m) => !m.readAt)!;
    await maria$.area.markMessageRead({ messageId: target.id });
    expect(await maria$.area.unreadCount()).toBe(unread - 1);

    const luca$ = await asCitizen(luca);
    const other = items.find((m) => !m.readAt)!;
    expect(await errorCode(luca$.area.markMessageRead({ messageId: other.id }))).toBe("NOT_FOUND");

    const anonymous = createAppCaller(await createContextInner({ viewer: null, tenantSlug: tenant.slug }));
    expect(await errorCode(anonymous.area.unreadCount())).toBe("UNAUTHORIZED");
    const { user } = await createStaff({ tenantId: tenant.id });
    const staff = createAppCaller(
      await createContextInner({ viewer: await loadViewer({ kind: "staff", staffUserId: user.id, name: "x", email: "x", sessionVersion: 0 }), tenantSlug: tenant.slug }),
    );
    expect(await errorCode(staff.area.unreadCount())).toBe("FORBIDDEN");
  });
});
