import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TApplicant } from "@/server/applications/applicant";
import { APPLICATION_STATUS } from "@/server/applications/status";
import { db } from "@/server/db/client";
import type { AppError } from "@/server/errors";
import { ZFormSchema } from "@/server/forms/schema";
import { createStaff, createTenant } from "@/server/test/factories";
import {
  assertAttachmentsBelongTo,
  deleteAttachment,
  getAttachmentForViewer,
  MAX_ATTACHMENTS_PER_APPLICATION,
  maxUploadBytes,
  uploadAttachment,
  type TUploadAttachmentInput,
} from "./attachments";
import { createUploadScenario, minimalPdf, tempStorage, UPLOAD_TEST_FORM, uploadFixture } from "./testing";
import type { UploadError } from "./upload-error";

const temp = tempStorage();
const { storage } = temp;
afterAll(() => temp.cleanup());

let s: Awaited<ReturnType<typeof createUploadScenario>>;
beforeAll(async () => {
  s = await createUploadScenario();
});

const upload = (over: Partial<TUploadAttachmentInput> = {}) =>
  uploadAttachment({
    tenantId: s.tenant.id,
    applicationId: s.application.id,
    applicant: s.applicant,
    fieldKey: "certificato",
    fileName: "certificato.pdf",
    bytes: minimalPdf(),
    storage,
    ...over,
  });

async function rejection(p: Promise<unknown>): Promise<AppError & Partial<Pick<UploadError, "values">>> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!e) throw new Error("expected a rejection");
  return e as AppError;
}

const schema = ZFormSchema.parse(UPLOAD_TEST_FORM);

describe("uploadAttachment", () => {
  it("stores a good PDF, records it and gives the form's file reference; its owner reads it back", async () => {
    const bytes = minimalPdf("Certificato medico");
    const ref = await upload({ bytes, fileName: "C:\\Users\\anna\\Certificato medico.pdf" });
    expect(ref).toEqual({ id: expect.any(String), name: "Certificato medico.pdf", size: bytes.length, type: "application/pdf" });

    const prisma = await db();
    const row = await prisma.attachment.findUniqueOrThrow({ where: { id: ref.id } });
    expect(row).toMatchObject({
      tenantId: s.tenant.id,
      applicationId: s.application.id,
      fieldKey: "certificato",
      kind: "pdf",
      mimeType: "application/pdf",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey: `${s.tenant.id}/attachments/${s.application.id}/${ref.id}`,
    });
    expect(fs.readFileSync(path.join(temp.root, ...row.storageKey.split("/")))).toEqual(bytes);

    const seen = await getAttachmentForViewer({ tenantId: s.tenant.id, attachmentId: ref.id, viewer: { applicant: s.applicant }, storage });
    expect(seen.bytes).toEqual(bytes);
    expect(seen.attachment).toMatchObject({ fileName: "Certificato medico.pdf", mimeType: "application/pdf", kind: "pdf" });
  });

  it("accepts a signed P7M and names it so it opens with a signature reader", async () => {
    const ref = await upload({ bytes: uploadFixture("signed-der.pdf.p7m"), fileName: "domanda.pdf" });
    expect(ref).toMatchObject({ name: "domanda.pdf.p7m", type: "application/pkcs7-mime" });
  });

  it("judges the type by content: a text file named .pdf is refused with the allowed types", async () => {
    const e = await rejection(upload({ bytes: Buffer.from("Non sono un PDF, ma ho il nome giusto"), fileName: "finto.pdf" }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.messageKey).toBe("uploads.errors.typeNotAllowed");
    expect(e.values).toEqual({ name: "finto.pdf", types: "PDF, P7M" });
    // A real image is still refused where only PDF and P7M go.
    expect((await rejection(upload({ bytes: uploadFixture("tiny.png"), fileName: "foto.png" }))).messageKey).toBe("uploads.errors.typeNotAllowed");
  });

  it("refuses a file over the field's limit, saying the limit in MB, and an empty file", async () => {
    const big = minimalPdf("x".repeat(11_000));
    const e = await rejection(upload({ bytes: big }));
    expect(e.code).toBe("PAYLOAD_TOO_LARGE");
    expect(e.messageKey).toBe("uploads.errors.tooLarge");
    expect(e.values).toMatchObject({ max: 0.01 });
    const empty = await rejection(upload({ bytes: new Uint8Array(0) }));
    expect([empty.code, empty.messageKey]).toEqual(["BAD_REQUEST", "uploads.errors.empty"]);
  });

  it("finds file fields inside repeatable groups by their answer path, and refuses other fields", async () => {
    const ref = await upload({ fieldKey: "componenti.2.documento", bytes: uploadFixture("tiny.jpg"), fileName: "carta.jpg" });
    const prisma = await db();
    expect((await prisma.attachment.findUniqueOrThrow({ where: { id: ref.id } })).fieldKey).toBe("componenti.documento");
    for (const fieldKey of ["nome", "documento", "componenti.documento", "componenti.9.documento", "componenti.0.nome", "nonEsiste"]) {
      const e = await rejection(upload({ fieldKey }));
      expect([fieldKey, e.messageKey]).toEqual([fieldKey, "uploads.errors.unknownField"]);
    }
  });

  it("is NOT_FOUND for another person's application, and CONFLICT once it is no longer a draft", async () => {
    const stranger = await rejection(upload({ applicant: { kind: "email", email: "altra@example.test" } }));
    expect([stranger.code, stranger.messageKey]).toEqual(["NOT_FOUND", "applications.errors.applicationNotFound"]);
    const otherTenant = await createTenant();
    expect((await rejection(upload({ tenantId: otherTenant.id }))).code).toBe("NOT_FOUND");

    const prisma = await db();
    const submitted = await s.draftFor(s.applicant);
    await prisma.application.update({ where: { id: submitted.id }, data: { status: APPLICATION_STATUS.SUBMITTED } });
    const e = await rejection(upload({ applicationId: submitted.id }));
    expect([e.code, e.messageKey]).toEqual(["CONFLICT", "applications.errors.notADraft"]);
    expect(await prisma.attachment.count({ where: { applicationId: submitted.id } })).toBe(0);
  });

  it("works for an applicant without SPID, on their own draft only", async () => {
    const anna = { kind: "email", email: "Anna@Example.test" } as const;
    const draft = await s.draftFor(anna);
    const ref = await upload({ applicant: { kind: "email", email: "anna@example.test" }, applicationId: draft.id });
    expect(ref.type).toBe("application/pdf");
    // The citizen of the scenario is not Anna.
    expect((await rejection(upload({ applicationId: draft.id }))).code).toBe("NOT_FOUND");
  });

  it(`stops at ${MAX_ATTACHMENTS_PER_APPLICATION} files per application`, async () => {
    const prisma = await db();
    const draft = await s.draftFor(s.applicant);
    await prisma.attachment.createMany({
      data: Array.from({ length: MAX_ATTACHMENTS_PER_APPLICATION }, (_, i) => ({
        tenantId: s.tenant.id,
        applicationId: draft.id,
        fieldKey: "foto",
        fileName: `f${i}.png`,
        kind: "png",
        mimeType: "image/png",
        size: 10,
        sha256: "0".repeat(64),
        storageKey: `${s.tenant.id}/attachments/${draft.id}/f${i}`,
      })),
    });
    const e = await rejection(upload({ applicationId: draft.id }));
    expect([e.code, e.messageKey, e.values]).toEqual(["CONFLICT", "uploads.errors.tooManyFiles", { max: MAX_ATTACHMENTS_PER_APPLICATION }]);
  });

  it("tells the route the largest upload the draft's form accepts", async () => {
    expect(await maxUploadBytes({ tenantId: s.tenant.id, applicationId: s.application.id, applicant: s.applicant })).toBe(2 * 1024 * 1024);
  });
});

describe("getAttachmentForViewer", () => {
  it("lets the municipality's staff (any role, and super-admins) see a file; others get NOT_FOUND", async () => {
    const ref = await upload();
    const get = (viewer: Parameters<typeof getAttachmentForViewer>[0]["viewer"], tenantId = s.tenant.id) =>
      getAttachmentForViewer({ tenantId, attachmentId: ref.id, viewer, storage });

    const operator = await createStaff({ tenantId: s.tenant.id, role: "OPERATOR" });
    const prisma = await db();
    const withMemberships = (id: string) => prisma.staffUser.findUniqueOrThrow({ where: { id }, include: { memberships: true } });
    expect((await get({ staff: await withMemberships(operator.user.id) })).attachment.id).toBe(ref.id);
    const superAdmin = await createStaff({ isSuperAdmin: true });
    expect((await get({ staff: await withMemberships(superAdmin.user.id) })).bytes.length).toBe(ref.size);

    const otherTenant = await createTenant();
    const foreignAdmin = await createStaff({ tenantId: otherTenant.id, role: "TENANT_ADMIN" });
    const foreign = await rejection(get({ staff: await withMemberships(foreignAdmin.user.id) }));
    expect([foreign.code, foreign.messageKey]).toEqual(["NOT_FOUND", "uploads.errors.attachmentNotFound"]);
    // Nor through the other municipality's URL, even for its own staff.
    expect((await rejection(get({ staff: await withMemberships(foreignAdmin.user.id) }, otherTenant.id))).code).toBe("NOT_FOUND");

    expect((await rejection(get({ applicant: { kind: "email", email: "altra@example.test" } }))).code).toBe("NOT_FOUND");
    expect((await rejection(get({}))).code).toBe("NOT_FOUND");
  });
});

describe("deleteAttachment", () => {
  it("removes the owner's file from the draft (row and bytes); a stranger gets NOT_FOUND", async () => {
    const ref = await upload();
    const prisma = await db();
    const { storageKey } = await prisma.attachment.findUniqueOrThrow({ where: { id: ref.id } });
    const del = (applicant: TApplicant = s.applicant) =>
      deleteAttachment({ tenantId: s.tenant.id, applicationId: s.application.id, attachmentId: ref.id, applicant, storage });

    expect((await rejection(del({ kind: "email", email: "altra@example.test" }))).code).toBe("NOT_FOUND");
    await del();
    expect(await prisma.attachment.findUnique({ where: { id: ref.id } })).toBeNull();
    expect(await storage.get(storageKey)).toBeNull();
    expect((await rejection(del())).code).toBe("NOT_FOUND");
  });

  it("keeps the files of a submitted application", async () => {
    const prisma = await db();
    const draft = await s.draftFor(s.applicant);
    const ref = await upload({ applicationId: draft.id });
    await prisma.application.update({ where: { id: draft.id }, data: { status: APPLICATION_STATUS.SUBMITTED } });
    const e = await rejection(deleteAttachment({ tenantId: s.tenant.id, applicationId: draft.id, attachmentId: ref.id, applicant: s.applicant, storage }));
    expect(e.code).toBe("CONFLICT");
    expect(await prisma.attachment.findUnique({ where: { id: ref.id } })).not.toBeNull();
  });
});

describe("assertAttachmentsBelongTo", () => {
  it("accepts answers that point at this application's files, each in the field it was uploaded for", async () => {
    const draft = await s.draftFor(s.applicant);
    const cert = await upload({ applicationId: draft.id });
    const photo = await upload({ applicationId: draft.id, fieldKey: "foto", bytes: uploadFixture("tiny.png"), fileName: "foto.png" });
    const doc = await upload({ applicationId: draft.id, fieldKey: "componenti.1.documento", bytes: uploadFixture("tiny.jpg"), fileName: "ci.jpg" });
    const data = { certificato: [cert], foto: [photo], componenti: [{ nome: "Luca" }, { nome: "Sara", documento: [doc] }] };
    await expect(assertAttachmentsBelongTo({ tenantId: s.tenant.id, applicationId: draft.id, schema, data })).resolves.toBeUndefined();
  });

  it("refuses someone else's file, a file moved to another field, and a reference dressed up as another type", async () => {
    const mine = await s.draftFor(s.applicant);
    const theirs = await s.draftFor({ kind: "email", email: "vicino@example.test" });
    const theirFile = await upload({ applicationId: theirs.id, applicant: { kind: "email", email: "vicino@example.test" } });
    const photo = await upload({ applicationId: mine.id, fieldKey: "foto", bytes: uploadFixture("tiny.png"), fileName: "foto.png" });
    const cert = await upload({ applicationId: mine.id });

    const check = (data: unknown) => rejection(assertAttachmentsBelongTo({ tenantId: s.tenant.id, applicationId: mine.id, schema, data }));
    const stolen = await check({ certificato: [theirFile] });
    expect([stolen.code, stolen.messageKey, stolen.fields]).toEqual([
      "BAD_REQUEST",
      "uploads.errors.attachmentsInvalid",
      { "certificato.0": "uploads.errors.attachmentInvalid" },
    ]);
    // The photo put in the PDF-only field, and the PDF passed off as a PNG in the photo field.
    const moved = await check({ certificato: [photo], foto: [{ ...cert, type: "image/png" }] });
    expect(moved.fields).toEqual({ "certificato.0": "uploads.errors.attachmentInvalid", "foto.0": "uploads.errors.attachmentInvalid" });
    const inGroup = await check({ componenti: [{ documento: [{ id: "not-an-attachment", name: "x.pdf", size: 1, type: "application/pdf" }] }] });
    expect(inGroup.fields).toEqual({ "componenti.0.documento.0": "uploads.errors.attachmentInvalid" });
  });
});
