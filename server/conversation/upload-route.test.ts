import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TApplicant } from "@/server/applications/applicant";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { createApplicationInStatus } from "@/server/applications/testing";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { getTenantOrThrow } from "@/server/tenant";
import type { TUploadRouteDeps } from "@/server/uploads/http";
import { minimalPdf, tempStorage, uploadFixture } from "@/server/uploads/testing";
import { MESSAGE_UPLOAD_KEY } from "./attachment-keys";
import { createConversationScenario } from "./testing";
import { handleMessageUpload } from "./upload-route";

// The message-attachment routes of both sides as a browser meets them: same-origin check, who
// may upload to which application, content sniffing, the file recorded as an unsent upload of
// that side.

const temp = tempStorage();
afterAll(() => temp.cleanup());
const ORIGIN = new URL(env().APP_URL).origin;

let s: Awaited<ReturnType<typeof createConversationScenario>>;
beforeAll(async () => {
  s = await createConversationScenario();
});

function deps(who: { applicant?: TApplicant | null; staffId?: string | null }): TUploadRouteDeps {
  return {
    resolveTenant: getTenantOrThrow,
    getApplicant: async () => who.applicant ?? null,
    getStaff: async () => (who.staffId ? (await db()).staffUser.findUniqueOrThrow({ where: { id: who.staffId }, include: { memberships: true } }) : null),
    storage: temp.storage,
  };
}

function request(file: Buffer, name: string, headers: Record<string, string> = { origin: ORIGIN }) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file)]), name);
  return new Request(`${ORIGIN}/api/x`, { method: "POST", body: form, headers });
}

const upload = (side: "staff" | "citizen", who: Parameters<typeof deps>[0], opts: { file?: Buffer; name?: string; applicationId?: string; headers?: Record<string, string> } = {}) =>
  handleMessageUpload(
    request(opts.file ?? minimalPdf(), opts.name ?? "documento.pdf", opts.headers),
    { tenant: s.tenant.slug, id: opts.applicationId ?? s.application.id },
    deps(who),
    side,
  );

describe("message attachment uploads", () => {
  it("stores an operator's PDF, image or signed P7M as an unsent staff upload", async () => {
    for (const [file, name] of [
      [minimalPdf(), "verbale.pdf"],
      [uploadFixture("tiny.png"), "foto.png"],
      [uploadFixture("signed-der.pdf.p7m"), "firmato.pdf.p7m"],
    ] as const) {
      const res = await upload("staff", { staffId: s.operator.id }, { file, name });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      const row = await (await db()).attachment.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ applicationId: s.application.id, fieldKey: MESSAGE_UPLOAD_KEY.staff, messageId: null });
    }
  });

  it("checks the content, not the name", async () => {
    const res = await upload("staff", { staffId: s.operator.id }, { file: Buffer.from("just text"), name: "finto.pdf" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { messageKey: string }).messageKey).toBe("uploads.errors.typeNotAllowed");
  });

  it("refuses a request from another site, and staff of another municipality as if the application did not exist", async () => {
    const cross = await upload("staff", { staffId: s.operator.id }, { headers: { origin: "https://evil.example" } });
    expect(cross.status).toBe(403);
    const other = await createTenant();
    const stranger = (await createStaff({ tenantId: other.id })).user;
    expect((await upload("staff", { staffId: stranger.id })).status).toBe(404);
    expect((await upload("staff", {})).status).toBe(401);
  });

  it("lets the citizen upload to their own application inside the window only", async () => {
    const applicant: TApplicant = { kind: "citizen", citizenId: s.citizen.id };
    const ok = await upload("citizen", { applicant });
    expect(ok.status).toBe(201);
    const { id } = (await ok.json()) as { id: string };
    expect((await (await db()).attachment.findUniqueOrThrow({ where: { id } })).fieldKey).toBe(MESSAGE_UPLOAD_KEY.citizen);

    const luca = await createCitizen();
    expect((await upload("citizen", { applicant: { kind: "citizen", citizenId: luca.id } })).status).toBe(404);
    expect((await upload("citizen", { applicant: { kind: "email", email: "anna@example.test" } })).status).toBe(404);

    const registered = await createApplicationInStatus({ tenantId: s.tenant.id, service: s.service, status: S.REGISTERED, citizenId: s.citizen.id });
    const early = await upload("citizen", { applicant }, { applicationId: registered.id });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { message: string }).message).toBe("Puoi scrivere all'ufficio solo mentre la domanda è in lavorazione. Ricarica la pagina per vedere lo stato attuale.");
  });
});
