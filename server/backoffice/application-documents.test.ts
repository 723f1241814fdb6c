import { beforeAll, describe, expect, it } from "vitest";
import { createRegisteredApplication } from "@/server/area/testing";
import { db } from "@/server/db/client";
import { appErrorOf } from "@/server/test/app-error";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { getApplicationDocumentForStaff, listApplicationDocuments } from "./application-documents";

// The "Documenti" section of the staff application page and its downloads.

let tenantId: string;
let otherTenantId: string;
let staff: { id: string; role: "OPERATOR" };
let application: Awaited<ReturnType<typeof createRegisteredApplication>>;
let otherApplication: Awaited<ReturnType<typeof createRegisteredApplication>>;

beforeAll(async () => {
  tenantId = (await createTenant()).id;
  otherTenantId = (await createTenant()).id;
  staff = { id: (await createStaff({ tenantId })).user.id, role: "OPERATOR" };
  const citizen = await createCitizen();
  application = await createRegisteredApplication(tenantId, citizen.id);
  otherApplication = await createRegisteredApplication(tenantId, citizen.id);
});

describe("application documents for staff", () => {
  it("lists the receipt and hands out its PDF, recording the download", async () => {
    const [receipt, ...rest] = await listApplicationDocuments({ tenantId, applicationId: application.id });
    expect(rest).toEqual([]);
    expect(receipt).toMatchObject({ kind: "RECEIPT", protocolNumber: application.protocolNumber, downloadable: true });

    const file = await getApplicationDocumentForStaff({ tenantId, applicationId: application.id, documentId: receipt!.id, staff, ip: "203.0.113.7" });
    expect(file.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const prisma = await db();
    const audit = await prisma.auditEvent.findFirst({ where: { tenantId, action: "document.download", applicationId: application.id } });
    expect(audit).toMatchObject({ actorId: staff.id, actorRole: "OPERATOR", ip: "203.0.113.7", details: { documentId: receipt!.id, kind: "RECEIPT" } });
  });

  it("finds nothing through another application or another municipality", async () => {
    const [receipt] = await listApplicationDocuments({ tenantId, applicationId: application.id });
    const ask = (over: { tenantId?: string; applicationId?: string }) =>
      getApplicationDocumentForStaff({ tenantId, applicationId: application.id, documentId: receipt!.id, staff, ip: null, ...over });

    expect((await appErrorOf(ask({ applicationId: otherApplication.id }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(ask({ tenantId: otherTenantId }))).code).toBe("NOT_FOUND");
    expect(await listApplicationDocuments({ tenantId: otherTenantId, applicationId: application.id })).toEqual([]);
  });
});
