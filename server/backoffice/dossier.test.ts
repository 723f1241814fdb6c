import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestService } from "@/server/applications/testing";
import { db } from "@/server/db/client";
import { appErrorOf } from "@/server/test/app-error";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { DOSSIER_MESSAGES_SHOWN, viewCitizenDossier } from "./dossier";
import { createInboxApplications } from "./testing";

// The citizen's dossier as an operator opens it: only what this municipality holds from
// submissions (never drafts, never another municipality's), grouped by service group, with
// documents, messages and internal notes; every view audited.

const at = (iso: string) => new Date(iso);

async function setup() {
  const prisma = await db();
  const tenant = await createTenant();
  const { user: operator } = await createStaff({ tenantId: tenant.id });
  const group = await prisma.serviceGroup.create({ data: { tenantId: tenant.id, slug: `nido-${randomUUID().slice(0, 8)}`, name: "Asilo nido" } });
  const enrolment = await createTestService({ tenantId: tenant.id });
  const delegation = await createTestService({ tenantId: tenant.id });
  const permit = await createTestService({ tenantId: tenant.id });
  await prisma.service.updateMany({ where: { id: { in: [enrolment.id, delegation.id] } }, data: { groupId: group.id } });
  const citizen = await createCitizen();
  const viewer = { tenantId: tenant.id, staff: { id: operator.id, role: "OPERATOR" as const }, ip: "192.0.2.1" };
  return { prisma, tenant, operator, enrolment, delegation, permit, citizen, viewer };
}

async function message(data: { tenantId: string; citizenId?: string | null; applicationId?: string | null; subject: string; internal?: boolean; authorKind?: "STAFF" | "CITIZEN" | "SYSTEM"; authorId?: string; createdAt: Date }) {
  const prisma = await db();
  return prisma.message.create({ data: { body: `Testo: ${data.subject}`, ...data } });
}

describe("viewCitizenDossier", () => {
  it("shows the citizen's submitted applications grouped by service group, their documents and messages, and audits the view", async () => {
    const { prisma, tenant, operator, enrolment, delegation, permit, citizen, viewer } = await setup();
    const other = await createTenant();
    const otherService = await createTestService({ tenantId: other.id });
    const neighbour = await createCitizen();

    const [enrolled, delegated, permitted, draft, neighbours] = await createInboxApplications({
      tenantId: tenant.id,
      service: enrolment,
      applications: [
        { status: 4000, citizenId: citizen.id, submittedAt: at("2026-09-01T08:00:00Z"), protocolNumber: "ESE-2026-0000010", assignedStaffId: operator.id },
        { status: 3000, citizenId: citizen.id, submittedAt: at("2026-10-01T08:00:00Z"), protocolNumber: "ESE-2026-0000020" },
        { status: 7000, citizenId: citizen.id, submittedAt: at("2026-08-01T08:00:00Z"), protocolNumber: "ESE-2026-0000005" },
        { status: 1000, citizenId: citizen.id },
        { status: 4000, citizenId: neighbour.id, protocolNumber: "ESE-2026-0000099" },
      ],
    });
    await prisma.application.update({ where: { id: delegated! }, data: { serviceId: delegation.id } });
    await prisma.application.update({ where: { id: permitted! }, data: { serviceId: permit.id } });
    const [elsewhere] = await createInboxApplications({ tenantId: other.id, service: otherService, applications: [{ status: 4000, citizenId: citizen.id }] });

    const doc = (applicationId: string, tenantId = tenant.id, title = "Ricevuta") =>
      prisma.document.create({ data: { tenantId, kind: "RECEIPT", title, sha256: "0".repeat(64), verificationCode: randomUUID(), applicationId, issuedAt: at("2026-09-01T09:00:00Z") } });
    const receipt = await doc(enrolled!);
    await doc(neighbours!, tenant.id, "Ricevuta del vicino");
    await doc(elsewhere!, other.id, "Ricevuta di un altro Comune");

    const base = { tenantId: tenant.id };
    const notice = await message({ ...base, citizenId: citizen.id, applicationId: enrolled, subject: "Domanda presa in carico", createdAt: at("2026-09-02T08:00:00Z") });
    const note = await message({ ...base, applicationId: enrolled, subject: "Manca l'ISEE", internal: true, authorKind: "STAFF", authorId: operator.id, createdAt: at("2026-09-03T08:00:00Z") });
    const general = await message({ ...base, citizenId: citizen.id, subject: "Benvenuto", createdAt: at("2026-07-01T08:00:00Z") });
    await message({ ...base, citizenId: citizen.id, applicationId: draft, subject: "La tua bozza scade", createdAt: at("2026-09-04T08:00:00Z") });
    await message({ ...base, citizenId: neighbour.id, applicationId: neighbours, subject: "Messaggio del vicino", createdAt: at("2026-09-04T08:00:00Z") });
    await message({ tenantId: other.id, citizenId: citizen.id, applicationId: elsewhere, subject: "Altro Comune", createdAt: at("2026-09-04T08:00:00Z") });

    const dossier = await viewCitizenDossier({ ...viewer, citizenId: citizen.id });

    expect(dossier.citizen).toMatchObject({ id: citizen.id, fiscalCode: citizen.fiscalCode, givenName: "Maria", familyName: citizen.familyName, email: citizen.email });
    // The group's two services together under its name (its latest application comes first),
    // the ungrouped service on its own; the draft and the other municipality's application nowhere.
    expect(dossier.sections.map((s) => [s.kind, s.title, s.applications.map((a) => a.protocolNumber)])).toEqual([
      ["group", "Asilo nido", ["ESE-2026-0000020", "ESE-2026-0000010"]],
      ["service", permit.name, ["ESE-2026-0000005"]],
    ]);
    expect(dossier.sections[0]!.applications.map((a) => [a.serviceName, a.status, a.statusLabelKey, a.assignedStaffName])).toEqual([
      [delegation.name, 3000, "status.REGISTERED", null],
      [enrolment.name, 4000, "status.TAKEN_IN_CHARGE", operator.name],
    ]);
    expect(dossier.applicationCount).toBe(3);
    expect(dossier.documents.map((d) => [d.id, d.title, d.application?.protocolNumber])).toEqual([[receipt.id, "Ricevuta", "ESE-2026-0000010"]]);
    // Newest first; the internal note marked as such, with its author.
    expect(dossier.messages.map((m) => [m.id, m.internal, m.authorName, m.application?.protocolNumber ?? null])).toEqual([
      [note.id, true, operator.name, "ESE-2026-0000010"],
      [notice.id, false, null, "ESE-2026-0000010"],
      [general.id, false, null, null],
    ]);
    expect(dossier.messagesTotal).toBe(3);

    const audit = await prisma.auditEvent.findMany({ where: { tenantId: tenant.id, action: "citizen.dossier.view" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "STAFF", actorId: operator.id, actorRole: "OPERATOR", ip: "192.0.2.1", details: { citizenId: citizen.id } });
  });

  it("shows the latest messages first and all of them on request", async () => {
    const { enrolment, citizen, viewer, tenant } = await setup();
    const [app] = await createInboxApplications({ tenantId: tenant.id, service: enrolment, applications: [{ status: 4000, citizenId: citizen.id }] });
    const total = DOSSIER_MESSAGES_SHOWN + 5;
    for (let i = 0; i < total; i++) {
      await message({ tenantId: tenant.id, citizenId: citizen.id, applicationId: app, subject: `Messaggio ${i}`, createdAt: new Date(Date.UTC(2026, 8, 1, 8, i)) });
    }
    const latest = await viewCitizenDossier({ ...viewer, citizenId: citizen.id });
    expect(latest.messagesTotal).toBe(total);
    expect(latest.messages).toHaveLength(DOSSIER_MESSAGES_SHOWN);
    expect(latest.messages[0]!.subject).toBe(`Messaggio ${total - 1}`);
    const all = await viewCitizenDossier({ ...viewer, citizenId: citizen.id, allMessages: true });
    expect(all.messages).toHaveLength(total);
    expect(all.messages.at(-1)!.subject).toBe("Messaggio 0");
  });

  it("does not exist for a citizen with only drafts here, only applications elsewhere, or no such citizen; nothing is audited", async () => {
    const { prisma, tenant, enrolment, citizen, viewer } = await setup();
    const other = await createTenant();
    const otherService = await createTestService({ tenantId: other.id });
    const elsewhere = await createCitizen();
    await createInboxApplications({ tenantId: tenant.id, service: enrolment, applications: [{ status: 1000, citizenId: citizen.id }] });
    await createInboxApplications({ tenantId: other.id, service: otherService, applications: [{ status: 4000, citizenId: elsewhere.id }] });

    for (const citizenId of [citizen.id, elsewhere.id, randomUUID()]) {
      const error = await appErrorOf(viewCitizenDossier({ ...viewer, citizenId }));
      expect(error.code).toBe("NOT_FOUND");
    }
    expect(await prisma.auditEvent.count({ where: { tenantId: tenant.id, action: "citizen.dossier.view" } })).toBe(0);
  });
});
