import { beforeAll, describe, expect, it } from "vitest";
import { readAppIoSink } from "@/server/appio/local-sink";
import { inboundAppIoJob } from "@/server/jobs/definitions/inbound-app-io";
import { runDueJobs } from "@/server/jobs/providers/local/run-due-jobs";
import { getDocumentFile, listDocuments } from "@/server/area/documents";
import { listMessages } from "@/server/area/messages";
import { upsertCitizenFromClaims } from "@/server/auth/citizen-sign-in";
import { createRegisteredApplication } from "@/server/area/testing";
import { viewCitizenDossier } from "@/server/backoffice/dossier";
import { db } from "@/server/db/client";
import { createStaff, createTenant } from "@/server/test/factories";
import { appErrorOf } from "@/server/test/app-error";
import { minimalPdf, uploadFixture } from "@/server/uploads/testing";
import { callApiChecked, createTestApiKey } from "../testing";
import { createInboundCitizen, emailsTo, pdfForm, randomFiscalCode, isolateDataDir } from "./inbound-testing";

isolateDataDir();

// Messages and documents the municipality's other systems send to a citizen by fiscal code: in
// the personal area with their source, the citizen notified (area, verified email, App IO), a
// retry with the same externalId answered with the first delivery and nobody notified twice.

let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
let key: string;
let otherTenantKey: string;

beforeAll(async () => {
  tenant = await createTenant();
  other = await createTenant();
  key = (await createTestApiKey(tenant.id, ["messages:write", "documents:write", "applications:read"], { name: "Polizia locale" })).key;
  otherTenantKey = (await createTestApiKey(other.id, ["applications:read"])).key;
});

/** The App IO notices sent to `fiscalCode`, once the notice jobs have run. */
async function appIoTo(fiscalCode: string) {
  await runDueJobs({ definitions: [inboundAppIoJob] });
  return (await readAppIoSink()).filter((e) => e.message.fiscal_code === fiscalCode);
}

describe("POST /citizens/{fiscalCode}/messages", () => {
  it("puts the message in the citizen's area under the key's name and tells them by email and on App IO", async () => {
    const citizen = await createInboundCitizen();
    const { status, body } = await callApiChecked("POST", `/citizens/${citizen.fiscalCode}/messages`, {
      key,
      json: { subject: "Verbale n. 123", body: "È stato registrato un verbale a tuo nome." },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ recipientFiscalCode: citizen.fiscalCode, subject: "Verbale n. 123", sourceLabel: "Polizia locale", externalId: null, readAt: null });

    const area = await listMessages({ tenantId: tenant.id, citizenId: citizen.id });
    expect(area.items[0]).toMatchObject({ id: body.id, subject: "Verbale n. 123", sourceLabel: "Polizia locale", authorKind: "API", application: null });
    expect(area.unreadCount).toBe(1);
    const emails = await emailsTo(tenant.id, citizen.email!);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toContain("Polizia locale");
    // The email carries a link, not the text.
    expect(JSON.stringify(emails[0]!.props)).not.toContain("verbale a tuo nome");
    const io = await appIoTo(citizen.fiscalCode);
    expect(io).toHaveLength(1);
    expect(io[0]!.message.content.subject).toBe("Verbale n. 123");

    const prisma = await db();
    expect(await prisma.backgroundJob.count({ where: { payload: { path: ["messageId"], equals: body.id } } })).toBeGreaterThan(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { tenantId: tenant.id, action: "inbound.message.create", details: { path: ["messageId"], equals: body.id } } });
    expect(audit.actorKind).toBe("API");
    // Other municipalities' areas don't show it.
    expect((await listMessages({ tenantId: other.id, citizenId: citizen.id })).items).toEqual([]);
  });

  it("labels it with the given source, and emails nobody without a verified address", async () => {
    const citizen = await createInboundCitizen({ verified: false });
    const { status } = await callApiChecked("POST", `/citizens/${citizen.fiscalCode.toLowerCase()}/messages`, {
      key,
      json: { subject: "Mensa scolastica", body: "Saldo in esaurimento.", sourceLabel: "Ufficio scuola" },
    });
    expect(status).toBe(201);
    const area = await listMessages({ tenantId: tenant.id, citizenId: citizen.id });
    expect(area.items.map((m) => m.sourceLabel)).toEqual(["Ufficio scuola"]);
    expect(await emailsTo(tenant.id, citizen.email!)).toEqual([]);
  });

  it("answers a retry with the same externalId with the first message (200), notifying nobody again", async () => {
    const citizen = await createInboundCitizen();
    const json = { subject: "Avviso", body: "Testo", externalId: `verbale-${citizen.id}` };
    const first = await callApiChecked("POST", `/citizens/${citizen.fiscalCode}/messages`, { key, json });
    const again = await callApiChecked("POST", `/citizens/${citizen.fiscalCode}/messages`, { key, json });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.externalId).toBe(json.externalId);
    expect((await listMessages({ tenantId: tenant.id, citizenId: citizen.id })).items).toHaveLength(1);
    expect(await emailsTo(tenant.id, citizen.email!)).toHaveLength(1);
    expect(await appIoTo(citizen.fiscalCode)).toHaveLength(1);

    // The same externalId for someone else is a mistake of the caller.
    const someoneElse = await createInboundCitizen();
    const clash = await callApiChecked("POST", `/citizens/${someoneElse.fiscalCode}/messages`, { key, json });
    expect(clash.status).toBe(409);
    expect((await listMessages({ tenantId: tenant.id, citizenId: someoneElse.id })).items).toEqual([]);
  });

  it("keeps the message for a citizen who never signed in, until their first SPID sign-in", async () => {
    const fiscalCode = randomFiscalCode();
    const { status, body } = await callApiChecked("POST", `/citizens/${fiscalCode}/messages`, { key, json: { subject: "Benvenuto", body: "Un messaggio che ti aspetta." } });
    expect(status).toBe(201);
    const prisma = await db();
    const waiting = await prisma.citizen.findUniqueOrThrow({ where: { fiscalCode } });
    expect(waiting).toMatchObject({ givenName: "", familyName: "", email: null, lastLoginAt: null });

    const signedIn = await upsertCitizenFromClaims({ fiscalCode, givenName: "Carla", familyName: "Neri", birthDate: null, email: "carla.neri@example.test", domicile: null, spidLevel: 2 });
    expect(signedIn).toMatchObject({ id: waiting.id, givenName: "Carla", familyName: "Neri" });
    expect((await listMessages({ tenantId: tenant.id, citizenId: signedIn.id })).items.map((m) => m.id)).toEqual([body.id]);
  });

  it("refuses an invalid fiscal code with a field error in the caller's language", async () => {
    const path = "/citizens/RSSMRA80A01H501X/messages";
    const json = { subject: "x", body: "y" };
    const italian = await callApiChecked("POST", path, { key, json });
    expect(italian.status).toBe(400);
    expect(italian.response.headers.get("content-type")).toBe("application/problem+json");
    expect(italian.body.errors).toEqual([expect.objectContaining({ pointer: "/params/fiscalCode", code: "apiInbound.errors.fiscalCodeInvalid" })]);
    expect(italian.body.errors[0].detail).toMatch(/codice fiscale non è valido/);
    const en = await callApiChecked("POST", path, { key, json, headers: { "accept-language": "en" } });
    expect(en.body.errors[0].detail).toMatch(/fiscal code is not valid/);
    const de = await callApiChecked("POST", path, { key, json, headers: { "accept-language": "de-DE,de;q=0.9" } });
    expect(de.body.errors[0].detail).toMatch(/Steuernummer ist ungültig/);
  });

  it("needs messages:write (403) and a subject (400)", async () => {
    const citizen = await createInboundCitizen();
    const readOnly = (await createTestApiKey(tenant.id, ["applications:read"])).key;
    expect((await callApiChecked("POST", `/citizens/${citizen.fiscalCode}/messages`, { key: readOnly, json: { subject: "a", body: "b" } })).status).toBe(403);
    const missing = await callApiChecked("POST", `/citizens/${citizen.fiscalCode}/messages`, { key, json: { body: "b" } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/subject"]);
    expect((await listMessages({ tenantId: tenant.id, citizenId: citizen.id })).items).toEqual([]);
  });
});

describe("POST /citizens/{fiscalCode}/documents", () => {
  it("puts the PDF among the citizen's documents with its source, announces it, and only they can open it", async () => {
    const citizen = await createInboundCitizen();
    const neighbour = await createInboundCitizen();
    const pdf = minimalPdf("Certificato di residenza");
    const { status, body } = await callApiChecked("POST", `/citizens/${citizen.fiscalCode}/documents`, {
      key,
      form: pdfForm({ title: "Certificato di residenza", sourceLabel: "Anagrafe" }, { bytes: pdf }),
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ kind: "OTHER", title: "Certificato di residenza", applicationId: null, recipientFiscalCode: citizen.fiscalCode, sourceLabel: "Anagrafe" });
    expect(body.verificationCode).toMatch(/^[0-9A-Z]{12}$/);

    const docs = await listDocuments({ tenantId: tenant.id, citizenId: citizen.id });
    expect(docs).toEqual([expect.objectContaining({ id: body.id, title: "Certificato di residenza", sourceLabel: "Anagrafe", downloadable: true, application: null })]);
    expect((await getDocumentFile({ tenantId: tenant.id, citizenId: citizen.id, documentId: body.id })).bytes.equals(pdf)).toBe(true);
    expect(await listDocuments({ tenantId: tenant.id, citizenId: neighbour.id })).toEqual([]);
    expect((await appErrorOf(getDocumentFile({ tenantId: tenant.id, citizenId: neighbour.id, documentId: body.id }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(getDocumentFile({ tenantId: other.id, citizenId: citizen.id, documentId: body.id }))).code).toBe("NOT_FOUND");

    const messages = await listMessages({ tenantId: tenant.id, citizenId: citizen.id });
    expect(messages.items).toEqual([expect.objectContaining({ subject: "Nuovo documento: Certificato di residenza", sourceLabel: "Anagrafe" })]);
    expect(await emailsTo(tenant.id, citizen.email!)).toHaveLength(1);
    expect(await appIoTo(citizen.fiscalCode)).toHaveLength(1);

    // The API hands it out to its municipality only.
    const download = await callApiChecked("GET", `/documents/${body.id}`, { key });
    expect(Buffer.from(await download.response.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await callApiChecked("GET", `/documents/${body.id}`, { key: otherTenantKey })).status).toBe(404);
  });

  it("uses the given announcement text and answers a retry with the first document (200)", async () => {
    const citizen = await createInboundCitizen();
    const form = () => pdfForm({ title: "Avviso di pagamento TARI", message: "Ecco l'avviso di quest'anno.", externalId: `tari-${citizen.id}` });
    const first = await callApiChecked("POST", `/citizens/${citizen.fiscalCode}/documents`, { key, form: form() });
    const again = await callApiChecked("POST", `/citizens/${citizen.fiscalCode}/documents`, { key, form: form() });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.sourceLabel).toBe("Polizia locale");
    expect(await listDocuments({ tenantId: tenant.id, citizenId: citizen.id })).toHaveLength(1);
    const messages = await listMessages({ tenantId: tenant.id, citizenId: citizen.id });
    expect(messages.items).toHaveLength(1);
    expect(messages.items[0]!.body).toMatch(/^Ecco l'avviso di quest'anno\./);
    expect(await emailsTo(tenant.id, citizen.email!)).toHaveLength(1);
    expect(await appIoTo(citizen.fiscalCode)).toHaveLength(1);
  });

  it("shows what was sent in the office's dossier of the citizen", async () => {
    const citizen = await createInboundCitizen();
    await createRegisteredApplication(tenant.id, citizen.id);
    const doc = await callApiChecked("POST", `/citizens/${citizen.fiscalCode}/documents`, { key, form: pdfForm({ title: "Permesso ZTL" }) });
    const msg = await callApiChecked("POST", `/citizens/${citizen.fiscalCode}/messages`, { key, json: { subject: "Scadenza ZTL", body: "Rinnova entro il mese." } });
    const operator = (await createStaff({ tenantId: tenant.id })).user;
    const dossier = await viewCitizenDossier({ tenantId: tenant.id, citizenId: citizen.id, staff: { id: operator.id, role: "OPERATOR" }, ip: null });
    expect(dossier.documents).toContainEqual(expect.objectContaining({ id: doc.body.id, title: "Permesso ZTL", application: null }));
    expect(dossier.messages).toContainEqual(expect.objectContaining({ id: msg.body.id, authorKind: "API", authorName: "Polizia locale" }));
  });

  it("refuses what is not a PDF (400 on /body/file), over 10 MB (413), without documents:write (403)", async () => {
    const citizen = await createInboundCitizen();
    const path = `/citizens/${citizen.fiscalCode}/documents`;
    const jpeg = await callApiChecked("POST", path, { key, form: pdfForm({ title: "Foto" }, { bytes: uploadFixture("tiny.jpg"), name: "foto.pdf" }) });
    expect(jpeg.status).toBe(400);
    expect(jpeg.body.errors).toEqual([expect.objectContaining({ pointer: "/body/file", code: "apiInbound.errors.notPdf" })]);
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const tooLarge = await callApiChecked("POST", path, { key, form: pdfForm({ title: "Grande" }, { bytes: big }) });
    expect(tooLarge.status).toBe(413);
    const messagesOnly = (await createTestApiKey(tenant.id, ["messages:write"])).key;
    expect((await callApiChecked("POST", path, { key: messagesOnly, form: pdfForm({ title: "x" }) })).status).toBe(403);
    expect(await listDocuments({ tenantId: tenant.id, citizenId: citizen.id })).toEqual([]);
    expect((await listMessages({ tenantId: tenant.id, citizenId: citizen.id })).items).toEqual([]);
  });
});
