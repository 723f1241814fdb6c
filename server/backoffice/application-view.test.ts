import { describe, expect, it } from "vitest";
import { createTestService } from "@/server/applications/testing";
import { db } from "@/server/db/client";
import { appErrorOf } from "@/server/test/app-error";
import { createStaff, createTenant } from "@/server/test/factories";
import { viewApplicationAsStaff } from "./application-view";
import { createInboxApplications } from "./testing";

// An operator opening an application: the answers rendered from its own form version, the
// history with who did what, the files; every view lands in the audit trail; drafts and other
// municipalities' applications are not found (and leave no trace).

const FORM = {
  version: 1,
  pages: [
    {
      key: "richiedente",
      title: "Richiedente",
      fields: [
        { key: "fullName", type: "text", label: "Nome e cognome", required: true },
        { key: "figli", type: "yesno", label: "Hai figli a carico?" },
      ],
    },
  ],
};

async function setup() {
  const tenant = await createTenant();
  const service = await createTestService({ tenantId: tenant.id, formSchema: FORM });
  const { user: operator } = await createStaff({ tenantId: tenant.id });
  return { tenant, service, operator };
}

describe("viewApplicationAsStaff", () => {
  it("shows the answers, the history and the files, and records the view", async () => {
    const prisma = await db();
    const { tenant, service, operator } = await setup();
    const [id] = await createInboxApplications({
      tenantId: tenant.id,
      service,
      applications: [{ status: 4000, applicantName: "Rossi Maria", assignedStaffId: operator.id, dueDate: new Date(Date.now() - 1000) }],
    });
    await prisma.application.update({ where: { id }, data: { data: { fullName: "Maria Rossi", figli: true } } });
    await prisma.applicationStatusChange.createMany({
      data: [
        { tenantId: tenant.id, applicationId: id!, fromStatus: 1000, toStatus: 1900, actorKind: "CITIZEN", createdAt: new Date("2026-11-01T08:00:00Z") },
        { tenantId: tenant.id, applicationId: id!, fromStatus: 3000, toStatus: 4000, actorKind: "STAFF", actorId: operator.id, createdAt: new Date("2026-11-02T08:00:00Z") },
      ],
    });
    const file = await prisma.attachment.create({
      data: { tenantId: tenant.id, applicationId: id!, fieldKey: "doc", fileName: "isee.pdf", kind: "pdf", mimeType: "application/pdf", size: 1234, sha256: "x", storageKey: "k" },
    });

    const view = await viewApplicationAsStaff({ tenantId: tenant.id, applicationId: id!, staff: { id: operator.id, role: "OPERATOR" }, ip: "203.0.113.7" });
    expect(view.summary).toEqual([
      {
        pageKey: "richiedente",
        pageTitle: "Richiedente",
        items: [
          { key: "fullName", label: "Nome e cognome", display: "Maria Rossi" },
          { key: "figli", label: "Hai figli a carico?", display: "Sì" },
        ],
      },
    ]);
    expect(view.timeline.map((e) => [e.toStatus, e.statusLabelKey, e.actorKind, e.actorName])).toEqual([
      [1900, "status.SUBMITTED", "CITIZEN", null],
      [4000, "status.TAKEN_IN_CHARGE", "STAFF", operator.name],
    ]);
    expect(view.attachments.map((a) => a.id)).toEqual([file.id]);
    expect(view.overdue).toBe(true);
    expect(view.assignedStaff).toEqual({ id: operator.id, name: operator.name });

    const events = await prisma.auditEvent.findMany({ where: { tenantId: tenant.id, applicationId: id } });
    expect(events).toMatchObject([{ actorKind: "STAFF", actorId: operator.id, actorRole: "OPERATOR", action: "application.view", ip: "203.0.113.7" }]);
    await viewApplicationAsStaff({ tenantId: tenant.id, applicationId: id!, staff: { id: operator.id, role: "OPERATOR" }, ip: null });
    expect(await prisma.auditEvent.count({ where: { tenantId: tenant.id, applicationId: id, action: "application.view" } })).toBe(2);
  });

  it("does not find drafts nor another municipality's applications, and records nothing", async () => {
    const prisma = await db();
    const mine = await setup();
    const theirs = await setup();
    const [draft] = await createInboxApplications({ tenantId: mine.tenant.id, service: mine.service, applications: [{ status: 1000 }] });
    const [other] = await createInboxApplications({ tenantId: theirs.tenant.id, service: theirs.service, applications: [{ status: 3000 }] });
    for (const applicationId of [draft!, other!]) {
      const e = await appErrorOf(viewApplicationAsStaff({ tenantId: mine.tenant.id, applicationId, staff: { id: mine.operator.id, role: "OPERATOR" }, ip: null }));
      expect(e.code).toBe("NOT_FOUND");
    }
    expect(await prisma.auditEvent.count({ where: { applicationId: { in: [draft!, other!] } } })).toBe(0);
  });
});
