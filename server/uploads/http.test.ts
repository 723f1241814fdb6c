import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TApplicant } from "@/server/applications/applicant";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { createStaff, createTenant } from "@/server/test/factories";
import { getTenantOrThrow } from "@/server/tenant";
import { handleDelete, handleDownload, handleUpload, type TUploadRouteDeps } from "./http";
import { createUploadScenario, minimalPdf, tempStorage, uploadFixture } from "./testing";

// The upload routes as a browser meets them: multipart requests, Origin checks, size limits
// before the body is read, translated JSON errors, download headers. Who is signed in is the
// only thing stubbed (route-deps.ts reads it from the session cookies).

const temp = tempStorage();
afterAll(() => temp.cleanup());

let s: Awaited<ReturnType<typeof createUploadScenario>>;
beforeAll(async () => {
  s = await createUploadScenario();
});

const ORIGIN = new URL(env().APP_URL).origin;

function deps(who: { applicant?: TApplicant | null; staffId?: string } = { applicant: undefined }): TUploadRouteDeps {
  return {
    resolveTenant: getTenantOrThrow,
    getApplicant: async () => (who.applicant === undefined ? s.applicant : who.applicant),
    getStaff: async () => {
      if (!who.staffId) return null;
      const prisma = await db();
      return prisma.staffUser.findUniqueOrThrow({ where: { id: who.staffId }, include: { memberships: true } });
    },
    storage: temp.storage,
  };
}

function uploadRequest(opts: { file?: Blob; name?: string; fieldKey?: string; headers?: Record<string, string>; applicationId?: string } = {}) {
  const form = new FormData();
  form.append("fieldKey", opts.fieldKey ?? "certificato");
  if (opts.file !== undefined) form.append("file", opts.file, opts.name ?? "certificato.pdf");
  return new Request(`${ORIGIN}/api/${s.tenant.slug}/applications/${opts.applicationId ?? s.application.id}/attachments`, {
    method: "POST",
    body: form,
    headers: { origin: ORIGIN, ...opts.headers },
  });
}

const post = (req: Request, d = deps()) => handleUpload(req, { tenant: s.tenant.slug, id: s.application.id }, d);
const download = (id: string, d = deps(), query = "") =>
  handleDownload(new Request(`${ORIGIN}/api/${s.tenant.slug}/attachments/${id}${query}`), { tenant: s.tenant.slug, attachmentId: id }, d);

describe("POST …/applications/[id]/attachments", () => {
  it("stores the file and answers the form's reference; GET serves it back as a download", async () => {
    const pdf = minimalPdf("Ricevuta ISEE");
    const res = await post(uploadRequest({ file: new Blob([new Uint8Array(pdf)]), name: "ISEE 2026 – Rossi.pdf" }));
    expect(res.status).toBe(201);
    const ref = (await res.json()) as { id: string; name: string; size: number; type: string };
    expect(ref).toMatchObject({ name: "ISEE 2026 – Rossi.pdf", size: pdf.length, type: "application/pdf" });

    const got = await download(ref.id);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(pdf);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toBe(`attachment; filename="ISEE 2026 _ Rossi.pdf"; filename*=UTF-8''ISEE%202026%20%E2%80%93%20Rossi.pdf`);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("cache-control")).toBe("private, no-store");
    expect((await download(ref.id, deps(), "?inline=1")).headers.get("content-disposition")).toMatch(/^inline; /);
  });

  it("opens a PDF or an image in the browser with ?inline=1, under a policy that lets it load and run nothing", async () => {
    const pdf = await post(uploadRequest({ file: new Blob([new Uint8Array(minimalPdf())]), name: "isee.pdf" }));
    const png = await post(uploadRequest({ file: new Blob([new Uint8Array(uploadFixture("tiny.png"))]), name: "foto.png", fieldKey: "foto" }));
    for (const res of [pdf, png]) {
      const { id } = (await res.json()) as { id: string };
      const inline = await download(id, deps(), "?inline=1");
      expect(inline.headers.get("content-disposition")).toMatch(/^inline; filename="(isee\.pdf|foto\.png)"/);
      expect(inline.headers.get("x-content-type-options")).toBe("nosniff");
      expect(inline.headers.get("content-security-policy")).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox");
      // Without ?inline=1 the same file is a download, under the strictest policy.
      const saved = await download(id);
      expect(saved.headers.get("content-disposition")).toMatch(/^attachment; /);
      expect(saved.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    }
  });

  it("never shows a signed P7M inline", async () => {
    const res = await post(uploadRequest({ file: new Blob([new Uint8Array(uploadFixture("signed-der.pdf.p7m"))]), name: "firmato.pdf.p7m" }));
    const ref = (await res.json()) as { id: string };
    const got = await download(ref.id, deps(), "?inline=1");
    expect(got.headers.get("content-type")).toBe("application/pkcs7-mime");
    expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="firmato.pdf.p7m"/);
    expect(got.headers.get("content-security-policy")).not.toContain("img-src");
  });

  it("refuses a file of the wrong kind with a message in the citizen's language", async () => {
    const fake = new Blob(["<html>non un pdf</html>"]);
    const it_ = await post(uploadRequest({ file: fake, name: "finto.pdf" }));
    expect(it_.status).toBe(400);
    expect(await it_.json()).toEqual({
      messageKey: "uploads.errors.typeNotAllowed",
      message: expect.stringMatching(/^Il file «finto\.pdf» non è di un tipo accettato: qui puoi allegare solo file PDF, P7M\./),
    });
    const en = await post(uploadRequest({ file: fake, name: "finto.pdf", headers: { "accept-language": "en-GB,en;q=0.9" } }));
    expect(((await en.json()) as { message: string }).message).toMatch(/^The file “finto\.pdf” is not of an accepted type/);
    const cookie = await post(uploadRequest({ file: fake, name: "finto.pdf", headers: { "accept-language": "en", cookie: "a=b; NEXT_LOCALE=it" } }));
    expect(((await cookie.json()) as { message: string }).message).toMatch(/^Il file/);
  });

  it("answers 413 with the limit when the file is over the field's size", async () => {
    const res = await post(uploadRequest({ file: new Blob([new Uint8Array(minimalPdf("x".repeat(20_000)))]) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toContain("la dimensione massima è 0,01 MB");
  });

  it("refuses a request announcing more than the form's largest file before reading its body", async () => {
    let pulled = false;
    const body = new ReadableStream(
      {
        pull(controller) {
          pulled = true;
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const req = new Request(`${ORIGIN}/api/${s.tenant.slug}/applications/${s.application.id}/attachments`, {
      method: "POST",
      body,
      duplex: "half",
      headers: { origin: ORIGIN, "content-type": "multipart/form-data; boundary=x", "content-length": String(3 * 1024 * 1024) },
    } as RequestInit);
    const res = await post(req);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toBe("Il file è troppo grande: la dimensione massima è 2 MB.");
    expect(pulled).toBe(false);
  });

  it("refuses a body cut short (as a proxy with a body limit would pass it on)", async () => {
    const whole = await uploadRequest({ file: new Blob([new Uint8Array(minimalPdf())]) }).arrayBuffer();
    const contentType = uploadRequest({ file: new Blob(["x"]) }).headers.get("content-type")!;
    const req = new Request(`${ORIGIN}/api/x`, {
      method: "POST",
      body: new Uint8Array(whole).subarray(0, 200),
      headers: { origin: ORIGIN, "content-type": contentType, "content-length": String(whole.byteLength) },
    });
    const res = await post(req);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { messageKey: string }).messageKey).toBe("uploads.errors.truncated");
  });

  it("refuses requests from another site, or without an Origin (CSRF)", async () => {
    const file = new Blob([new Uint8Array(minimalPdf())]);
    for (const origin of ["https://evil.example", "null"]) {
      const res = await post(uploadRequest({ file, headers: { origin } }));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { message: string }).message).toMatch(/non proviene da questo sito/);
    }
    const noOrigin = new Request(`${ORIGIN}/api/x`, { method: "POST", body: new FormData() });
    expect((await post(noOrigin)).status).toBe(403);
    // Same host as the request (e.g. another port or name than APP_URL) is this site.
    const sameHost = await post(uploadRequest({ file, headers: { origin: "http://sportello.comune.test", host: "sportello.comune.test" } }));
    expect(sameHost.status).toBe(201);
  });

  it("answers 401 signed out, 404 on someone else's draft, 400 without a file", async () => {
    const file = new Blob([new Uint8Array(minimalPdf())]);
    const signedOut = await post(uploadRequest({ file }), deps({ applicant: null }));
    expect(signedOut.status).toBe(401);
    const stranger = await post(uploadRequest({ file }), deps({ applicant: { kind: "email", email: "altra@example.test" } }));
    expect(stranger.status).toBe(404);
    expect(((await stranger.json()) as { messageKey: string }).messageKey).toBe("applications.errors.applicationNotFound");
    const noFile = await post(uploadRequest({}));
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as { messageKey: string }).messageKey).toBe("uploads.errors.missingFile");
  });
});

describe("DELETE …/attachments/[attachmentId] and GET access", () => {
  it("removes the owner's file (204), then it is gone (404)", async () => {
    const res = await post(uploadRequest({ file: new Blob([new Uint8Array(minimalPdf())]) }));
    const { id } = (await res.json()) as { id: string };
    const del = () =>
      handleDelete(
        new Request(`${ORIGIN}/api/${s.tenant.slug}/applications/${s.application.id}/attachments/${id}`, { method: "DELETE", headers: { origin: ORIGIN } }),
        { tenant: s.tenant.slug, id: s.application.id, attachmentId: id },
        deps(),
      );
    expect((await del()).status).toBe(204);
    expect((await del()).status).toBe(404);
    expect((await download(id)).status).toBe(404);
  });

  it("serves a file to the municipality's operator, not to another municipality's staff or a stranger", async () => {
    const res = await post(uploadRequest({ file: new Blob([new Uint8Array(uploadFixture("tiny.png"))]), name: "foto.png", fieldKey: "foto" }));
    const { id } = (await res.json()) as { id: string };
    const operator = await createStaff({ tenantId: s.tenant.id, role: "OPERATOR" });
    expect((await download(id, deps({ applicant: null, staffId: operator.user.id }))).status).toBe(200);
    const other = await createTenant();
    const foreign = await createStaff({ tenantId: other.id, role: "TENANT_ADMIN" });
    expect((await download(id, deps({ applicant: null, staffId: foreign.user.id }))).status).toBe(404);
    expect((await download(id, deps({ applicant: { kind: "email", email: "altra@example.test" } }))).status).toBe(404);
    expect((await download(id, deps({ applicant: null }))).status).toBe(401);
  });
});
