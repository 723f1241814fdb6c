import { describe, expect, it } from "vitest";
import { APPLICATION_STATUS } from "@/server/applications/status";
import { db } from "@/server/db/client";
import { createCitizen, createTenant } from "@/server/test/factories";
import { exportMyData, myDataFileName } from "./export";
import { createRegisteredApplication, createTestDraft } from "./testing";

// "I miei dati": everything this municipality holds about the citizen, and nothing about anyone
// else or held by another municipality.

describe("exportMyData", () => {
  it("holds the citizen's applications with answers and history, messages, documents, attachments and emails", async () => {
    const tenant = await createTenant();
    const otherTenant = await createTenant();
    const maria = await createCitizen();
    const luca = await createCitizen();
    const draft = await createTestDraft(tenant.id, maria.id);
    const registered = await createRegisteredApplication(tenant.id, maria.id);
    const lucas = await createRegisteredApplication(tenant.id, luca.id);
    const elsewhere = await createRegisteredApplication(otherTenant.id, maria.id);
    const prisma = await db();
    const attachment = await prisma.attachment.create({
      data: {
        tenantId: tenant.id,
        applicationId: registered.id,
        fieldKey: "certificato",
        fileName: "certificato medico.pdf",
        kind: "pdf",
        mimeType: "application/pdf",
        size: 1234,
        sha256: "a".repeat(64),
        storageKey: `${tenant.id}/attachments/secret-key.pdf`,
      },
    });
    // A document an external system addressed to Maria (no application), and one to Luca.
    const inbound = (citizenId: string, code: string) =>
      prisma.document.create({
        data: { tenantId: tenant.id, kind: "OTHER", title: `Verbale ${code}`, sha256: "b".repeat(64), verificationCode: `VERBALE-${code}`, citizenId, sourceLabel: "Polizia locale" },
      });
    const fine = await inbound(maria.id, "M1");
    const lucasFine = await inbound(luca.id, "L1");

    const data = await exportMyData({ tenantId: tenant.id, citizenId: maria.id });
    expect(data.format).toBe("sportello.my-data");
    expect(data.municipality.slug).toBe(tenant.slug);
    expect(data.citizen).toMatchObject({ fiscalCode: maria.fiscalCode, email: maria.email });

    expect(data.applications.map((a) => a.id).sort()).toEqual([draft.id, registered.id].sort());
    const a = data.applications.find((x) => x.id === registered.id)!;
    expect(a).toMatchObject({ status: APPLICATION_STATUS.REGISTERED, statusLabel: "Protocollata", protocolNumber: registered.protocolNumber, data: { fullName: "Maria Rossi" } });
    expect(a.statusHistory.map((h) => [h.from, h.to, h.label])).toEqual([
      [null, APPLICATION_STATUS.DRAFT, "Bozza"],
      [APPLICATION_STATUS.DRAFT, APPLICATION_STATUS.SUBMITTED, "Inviata"],
      [APPLICATION_STATUS.SUBMITTED, APPLICATION_STATUS.REGISTERED, "Protocollata"],
    ]);
    expect(a.attachments).toEqual([expect.objectContaining({ id: attachment.id, fileName: "certificato medico.pdf", size: 1234 })]);

    expect(data.messages.map((m) => m.applicationId)).toEqual([registered.id]);
    expect(data.documents).toEqual([
      expect.objectContaining({ applicationId: registered.id, kind: "RECEIPT" }),
      expect.objectContaining({ id: fine.id, applicationId: null, sourceLabel: "Polizia locale" }),
    ]);
    expect(data.emails).toEqual([expect.objectContaining({ to: maria.email, template: "application-receipt" })]);

    const json = JSON.stringify(data);
    for (const foreign of [luca.fiscalCode, luca.email!, lucas.id, lucas.protocolNumber!, elsewhere.id, elsewhere.protocolNumber!, lucasFine.id]) {
      expect(json).not.toContain(foreign);
    }
    // Secrets and internal keys stay out.
    expect(json).not.toContain("secret-key");
    expect(json).not.toMatch(/codeHash|accessTokenHash|storageKey|fileKey/);
  });

  it("names the file after the municipality and the day in Italy", () => {
    expect(myDataFileName("esempio", new Date("2026-12-31T23:30:00Z"))).toBe("i-miei-dati-esempio-2027-01-01.json");
    expect(myDataFileName("esempio", new Date("2026-06-30T12:00:00Z"))).toBe("i-miei-dati-esempio-2026-06-30.json");
  });
});
