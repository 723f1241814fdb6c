import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TApplicant } from "@/server/applications/applicant";
import { createDraft } from "@/server/applications/drafts";
import { createTestService } from "@/server/applications/testing";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { createLocalDiskStorage } from "@/server/storage/local-disk";
import { createCitizen, createTenant } from "@/server/test/factories";

// Real sample files for the upload tests. fixtures/: tiny.jpg and tiny.png (8×8 pixels, made
// with sharp), signed-der.pdf.p7m and signed-ber.pdf.p7m (a small PDF signed with
// `openssl cms -sign -binary -nodetach [-stream] -outform DER` by a throw-away self-signed
// certificate: DER, and the indefinite-length BER streaming signers write).

export type TFixtureName = "tiny.jpg" | "tiny.png" | "signed-der.pdf.p7m" | "signed-ber.pdf.p7m";

export function uploadFixture(name: TFixtureName): Buffer {
  return fs.readFileSync(path.join(import.meta.dirname, "fixtures", name));
}

export { minimalPdf } from "./minimal-pdf";

// Test data for the upload tests: a municipality with a service whose form has file fields at
// the top level and inside a repeatable group, and a draft for a citizen and for an applicant
// without SPID.

export const UPLOAD_TEST_FORM = {
  version: 1,
  pages: [
    {
      key: "documenti",
      title: "Documenti",
      fields: [
        { key: "nome", type: "text", label: "Nome" },
        { key: "certificato", type: "file", label: "Certificato", maxSizeMb: 0.01, accept: ["pdf", "p7m"] },
        { key: "foto", type: "file", label: "Foto", maxSizeMb: 1, accept: ["jpeg", "png"], multiple: true, maxFiles: 3 },
        {
          key: "componenti",
          type: "group",
          label: "Componenti",
          maxItems: 5,
          fields: [
            { key: "nome", type: "text", label: "Nome" },
            { key: "documento", type: "file", label: "Documento", maxSizeMb: 2, accept: ["pdf", "jpeg", "png"] },
          ],
        },
      ],
    },
  ],
} satisfies Prisma.InputJsonObject;

/** A local-disk storage in a fresh temporary folder. */
export function tempStorage() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "sportello-uploads-"));
  return { root, storage: createLocalDiskStorage(root), cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export async function createUploadScenario() {
  const prisma = await db();
  const tenant = await createTenant();
  const base = await createTestService({ tenantId: tenant.id, accessLevel: "ANONYMOUS_EMAIL" });
  const form = await prisma.formVersion.create({
    data: { tenantId: tenant.id, serviceId: base.id, version: 2, schema: UPLOAD_TEST_FORM, publishedAt: new Date() },
  });
  const service = await prisma.service.update({ where: { id: base.id }, data: { currentFormVersionId: form.id } });
  const citizen = await createCitizen();
  const applicant: TApplicant = { kind: "citizen", citizenId: citizen.id };
  const { application } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant });
  const draftFor = async (who: TApplicant) => (await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant: who })).application;
  return { tenant, service, citizen, applicant, application, draftFor };
}
