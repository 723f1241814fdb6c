import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestService } from "@/server/applications/testing";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { createInboxApplications } from "@/server/backoffice/testing";
import { MESSAGE_UPLOAD_KEY } from "@/server/conversation/attachment-keys";
import { db } from "@/server/db/client";
import { fileStorage } from "@/server/storage/storage";
import { createCitizen, createTenant } from "@/server/test/factories";
import { minimalPdf } from "@/server/uploads/testing";
import { callApiChecked, createTestApiKey } from "../testing";

// The read side of /api/v1/applications, called as an external system would (every answer
// checked against the OpenAPI document): the list with its filters and pages, one application
// with its files, documents and history, a file, and a service's CSV; other municipalities'
// applications do not exist, keys without applications:read are refused.

type TService = Awaited<ReturnType<typeof createTestService>>;

let tenantId: string;
let serviceA: TService;
let serviceB: TService;
let readKey: string;
let writeOnlyKey: string;
let otherTenantKey: string;
let otherTenantService: TService;

const HOUR = 3_600_000;
const T0 = new Date("2026-03-01T09:00:00Z");

beforeAll(async () => {
  tenantId = (await createTenant()).id;
  serviceA = await createTestService({ tenantId });
  serviceB = await createTestService({ tenantId });
  readKey = (await createTestApiKey(tenantId, ["applications:read"])).key;
  writeOnlyKey = (await createTestApiKey(tenantId, ["applications:write", "services:read"])).key;
  const other = await createTenant();
  otherTenantService = await createTestService({ tenantId: other.id });
  otherTenantKey = (await createTestApiKey(other.id, ["applications:read", "applications:write"])).key;
});

async function listAll(query: string, key = readKey) {
  const { status, body } = await callApiChecked("GET", `/applications?${query}`, { key });
  expect(status, JSON.stringify(body)).toBe(200);
  return body as { items: { id: string; status: number; service: { id: string } }[]; nextCursor: string | null };
}

describe("GET /applications", () => {
  let ids: string[];
  beforeAll(async () => {
    // Seven submitted applications of service A an hour apart (newest last), plus what the list
    // must never show: a draft and an application waiting for payment before submission.
    ids = await createInboxApplications({
      tenantId,
      service: serviceA,
      applications: Array.from({ length: 7 }, (_, i) => ({ submittedAt: new Date(T0.getTime() + i * HOUR), status: i % 2 ? S.TAKEN_IN_CHARGE : S.REGISTERED })),
    });
    await createInboxApplications({ tenantId, service: serviceA, applications: [{ status: S.DRAFT }, { status: S.PAYMENT_PENDING, submittedAt: null }] });
  });

  it("walks a service's applications newest first across three pages without repeating one", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listAll(`service=${serviceA.slug}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBe(7);
  });

  it("never lists drafts nor applications waiting for payment before submission", async () => {
    const page = await listAll(`service=${serviceA.id}&limit=100`);
    expect(page.items).toHaveLength(7);
    expect(page.items.every((i) => i.status >= S.SUBMITTED)).toBe(true);
    expect(page.nextCursor).toBeNull();
  });

  it("filters by status, given as a comma list or as a repeated parameter", async () => {
    const inCharge = ids.filter((_, i) => i % 2);
    const one = await listAll(`service=${serviceA.slug}&status=4000`);
    expect(one.items.map((i) => i.id).sort()).toEqual([...inCharge].sort());
    const comma = await listAll(`service=${serviceA.slug}&status=3000,4000`);
    const repeated = await listAll(`service=${serviceA.slug}&status=3000&status=4000`);
    expect(comma.items).toHaveLength(7);
    expect(repeated.items.map((i) => i.id)).toEqual(comma.items.map((i) => i.id));
    expect((await listAll(`service=${serviceA.slug}&status=9000`)).items).toEqual([]);
  });

  it("filters by submission day in Italian time", async () => {
    const [late] = await createInboxApplications({
      tenantId,
      service: serviceB,
      // 23:30 UTC on 10 March is 00:30 on 11 March in Rome.
      applications: [{ submittedAt: new Date("2026-03-10T23:30:00Z") }, { submittedAt: new Date("2026-03-10T12:00:00Z") }],
    });
    const from11 = await listAll(`service=${serviceB.id}&submittedFrom=2026-03-11`);
    expect(from11.items.map((i) => i.id)).toEqual([late]);
    const to10 = await listAll(`service=${serviceB.id}&submittedTo=2026-03-10`);
    expect(to10.items.map((i) => i.id)).not.toContain(late);
    expect(to10.items).toHaveLength(1);
    const day11 = await listAll(`service=${serviceB.id}&submittedFrom=2026-03-11&submittedTo=2026-03-11`);
    expect(day11.items.map((i) => i.id)).toEqual([late]);
  });

  it("filters by last change (synchronisation) and by the applicant's fiscal code", async () => {
    const [changed, , withCode] = await createInboxApplications({
      tenantId,
      service: serviceB,
      applications: [{}, {}, { applicantFiscalCode: "RSSMRA80A01H501U" }],
    });
    const prisma = await db();
    await prisma.$executeRaw`UPDATE "Application" SET "updatedAt" = '2020-01-01' WHERE "serviceId" = ${serviceB.id} AND id <> ${changed}`;
    const since = await listAll(`service=${serviceB.id}&updatedSince=${encodeURIComponent("2025-06-01T00:00:00+02:00")}`);
    expect(since.items.map((i) => i.id)).toEqual([changed]);
    const byCode = await listAll(`fiscalCode=rssmra80a01h501u`);
    expect(byCode.items.map((i) => i.id)).toEqual([withCode]);
  });

  it("refuses a draft status, a bad day, a bad cursor and an unknown service with 400 and a pointer", async () => {
    const cases: [string, string][] = [
      ["status=1000", "/query/status"],
      ["status=4000,abc", "/query/status"],
      ["submittedFrom=2026-02-30", "/query/submittedFrom"],
      ["cursor=bm90LWEtY3Vyc29y", "/query/cursor"],
      ["service=no-such-service", "/query/service"],
      ["limit=101", "/query/limit"],
    ];
    for (const [query, pointer] of cases) {
      const { status, body } = await callApiChecked("GET", `/applications?${query}`, { key: readKey });
      expect(status, query).toBe(400);
      expect(body.errors.map((e: { pointer: string }) => e.pointer), query).toContain(pointer);
    }
  });

  it("shows a key only its own municipality's applications, and needs applications:read", async () => {
    const other = await listAll("limit=100", otherTenantKey);
    expect(other.items.some((i) => ids.includes(i.id))).toBe(false);
    expect((await callApiChecked("GET", `/applications?service=${serviceA.id}`, { key: otherTenantKey })).status).toBe(400);
    expect((await callApiChecked("GET", "/applications", { key: writeOnlyKey })).status).toBe(403);
  });
});

describe("GET /applications/{id} and its files", () => {
  let appId: string;
  let formFileId: string;
  let messageFileId: string;
  let abandonedId: string;
  let documentId: string;

  beforeAll(async () => {
    const prisma = await db();
    const citizen = await createCitizen();
    const [created] = await createInboxApplications({
      tenantId,
      service: serviceA,
      applications: [{ status: S.INTEGRATION_REQUESTED, citizenId: citizen.id, protocolNumber: `P-${randomUUID().slice(0, 8)}`, applicantFiscalCode: citizen.fiscalCode }],
    });
    appId = created!;
    await prisma.application.update({ where: { id: appId }, data: { data: { fullName: "Maria Rossi", children: 2 } } });
    const storage = fileStorage();
    const file = async (fieldKey: string | null, messageId: string | null, text: string) => {
      const storageKey = `${tenantId}/api-test/${randomUUID()}.pdf`;
      const bytes = minimalPdf(text);
      await storage.put(storageKey, new Uint8Array(bytes));
      const row = await prisma.attachment.create({
        data: { tenantId, applicationId: appId, fieldKey, messageId, fileName: `${text}.pdf`, kind: "pdf", mimeType: "application/pdf", size: bytes.length, sha256: "0".repeat(64), storageKey },
      });
      return row.id;
    };
    const message = await prisma.message.create({
      data: { tenantId, citizenId: citizen.id, applicationId: appId, subject: "Risposta", body: "Ecco", source: "citizen", authorKind: "CITIZEN", authorId: citizen.id },
    });
    formFileId = await file("certificato", null, "Certificato");
    messageFileId = await file(MESSAGE_UPLOAD_KEY.citizen, message.id, "Allegato risposta");
    abandonedId = await file(MESSAGE_UPLOAD_KEY.staff, null, "Bozza operatore");
    documentId = (
      await prisma.document.create({
        data: { tenantId, applicationId: appId, kind: "RECEIPT", title: "Ricevuta", sha256: "0".repeat(64), verificationCode: randomUUID(), protocolNumber: "P-1" },
      })
    ).id;
    await prisma.applicationStatusChange.createMany({
      data: [
        { tenantId, applicationId: appId, fromStatus: S.REGISTERED, toStatus: S.TAKEN_IN_CHARGE, actorKind: "STAFF", createdAt: new Date(Date.now() - 2 * HOUR) },
        { tenantId, applicationId: appId, fromStatus: S.TAKEN_IN_CHARGE, toStatus: S.INTEGRATION_REQUESTED, actorKind: "API", reason: "Manca l'ISEE", createdAt: new Date(Date.now() - HOUR) },
      ],
    });
    await prisma.integrationRequest.create({
      data: { tenantId, applicationId: appId, message: "Manca l'ISEE", documents: ["ISEE 2026"], deadline: new Date(Date.now() + 10 * 24 * HOUR) },
    });
  });

  it("gives the answers, form version, files, documents, history and the open integration request", async () => {
    const { status, body } = await callApiChecked("GET", `/applications/${appId}`, { key: readKey });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: appId, status: 4100, statusName: "INTEGRATION_REQUESTED", formVersion: 1, data: { fullName: "Maria Rossi", children: 2 } });
    expect(body.attachments.map((a: { id: string }) => a.id).sort()).toEqual([formFileId, messageFileId].sort());
    expect(body.attachments.find((a: { id: string }) => a.id === formFileId)).toMatchObject({
      fieldKey: "certificato",
      messageId: null,
      mimeType: "application/pdf",
      href: `/api/v1/applications/${appId}/attachments/${formFileId}`,
    });
    expect(body.documents).toEqual([expect.objectContaining({ id: documentId, kind: "RECEIPT", href: `/api/v1/documents/${documentId}` })]);
    expect(body.history.map((h: { to: number; actorKind: string }) => [h.to, h.actorKind])).toEqual([
      [4000, "STAFF"],
      [4100, "API"],
    ]);
    expect(body.history[1].reason).toBe("Manca l'ISEE");
    expect(body.integrationRequest).toMatchObject({ message: "Manca l'ISEE", documents: ["ISEE 2026"], answeredAt: null });
  });

  it("records the external system's view in the audit trail", async () => {
    const prisma = await db();
    const event = await prisma.auditEvent.findFirst({ where: { tenantId, applicationId: appId, action: "application.view" }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ actorKind: "API" });
    expect((event?.details as { apiKey?: string }).apiKey).toBe(readKey.slice(0, 12));
  });

  it("downloads a file of the application with its type; an abandoned upload does not exist", async () => {
    const ok = await callApiChecked("GET", `/applications/${appId}/attachments/${messageFileId}`, { key: readKey });
    expect(ok.status).toBe(200);
    expect(ok.response.headers.get("content-type")).toBe("application/pdf");
    expect(ok.response.headers.get("cache-control")).toBe("private, no-store");
    expect(ok.response.headers.get("content-disposition")).toContain("Allegato risposta.pdf");
    expect(Buffer.from(await ok.response.arrayBuffer()).subarray(0, 4).toString()).toBe("%PDF");

    expect((await callApiChecked("GET", `/applications/${appId}/attachments/${abandonedId}`, { key: readKey })).status).toBe(404);
    // A file under another application's path.
    const [otherApp] = await createInboxApplications({ tenantId, service: serviceA, applications: [{}] });
    expect((await callApiChecked("GET", `/applications/${otherApp}/attachments/${formFileId}`, { key: readKey })).status).toBe(404);
  });

  it("answers 404 to another municipality's key and 403 without applications:read", async () => {
    for (const path of [`/applications/${appId}`, `/applications/${appId}/attachments/${formFileId}`, `/applications/${appId}/receipt.pdf`, `/applications/${appId}/outcome.pdf`]) {
      const { status, body } = await callApiChecked("GET", path, { key: otherTenantKey });
      expect(status, path).toBe(404);
      expect(body.detail).not.toContain(appId);
      expect((await callApiChecked("GET", path, { key: writeOnlyKey })).status, path).toBe(403);
    }
  });

  it("answers 404 for a draft and for an unknown id", async () => {
    const [draft] = await createInboxApplications({ tenantId, service: serviceA, applications: [{ status: S.DRAFT }] });
    expect((await callApiChecked("GET", `/applications/${draft}`, { key: readKey })).status).toBe(404);
    const unknown = await callApiChecked("GET", `/applications/${randomUUID()}`, { key: readKey, headers: { "accept-language": "en" } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe("The application does not exist in this municipality.");
  });
});

describe("GET /services/{id}/applications.csv", () => {
  it("exports the service's applications only, by id or by slug, with the back office's columns", async () => {
    const service = await createTestService({ tenantId });
    const mine = await createInboxApplications({
      tenantId,
      service,
      applications: [
        { applicantName: "Bianchi Anna", protocolNumber: `CSV-${randomUUID().slice(0, 6)}` },
        { applicantName: "Verdi Luca", protocolNumber: `CSV-${randomUUID().slice(0, 6)}` },
        { status: S.DRAFT },
      ],
    });
    await createInboxApplications({ tenantId, service: serviceB, applications: [{ applicantName: "Neri Paolo" }] });

    const byId = await callApiChecked("GET", `/services/${service.id}/applications.csv`, { key: readKey });
    expect(byId.status).toBe(200);
    expect(byId.response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (byId.body as string).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Protocollo;Richiedente;Codice fiscale;Servizio;Stato;Codice stato;Presentata il;Scadenza;Scaduta;Presa in carico da;Identificativo");
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(";").pop()).sort()).toEqual([mine[0], mine[1]].sort());
    expect(byId.body).not.toContain("Neri Paolo");

    const bySlug = await callApiChecked("GET", `/services/${service.slug}/applications.csv?separator=comma`, { key: readKey, headers: { "accept-language": "en" } });
    expect(bySlug.status).toBe(200);
    expect((bySlug.body as string).replace(/^\uFEFF/, "").split("\r\n")[0]!.split(",")).toHaveLength(11);
  });

  it("answers 404 for another municipality's service or an unknown one, 403 without applications:read", async () => {
    expect((await callApiChecked("GET", `/services/${serviceA.id}/applications.csv`, { key: otherTenantKey })).status).toBe(404);
    expect((await callApiChecked("GET", `/services/${otherTenantService.slug}/applications.csv`, { key: readKey })).status).toBe(404);
    expect((await callApiChecked("GET", `/services/${serviceA.id}/applications.csv`, { key: writeOnlyKey })).status).toBe(403);
  });
});
