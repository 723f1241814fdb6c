import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderReceiptPdf } from "@/server/pdf/receipt";
import { sha256 } from "@/server/pdf/sha256";
import { createTenant } from "@/server/test/factories";
import { findDocumentForVerification } from "./find-document-for-verification";
import { issueDocument } from "./issue-document";
import { generateVerificationCode, normalizeVerificationCode } from "./verification-code";
import { verificationUrl } from "./verification-url";

async function issueReceipt(tenant: { id: string; slug: string; name: string }) {
  return issueDocument({
    tenantId: tenant.id,
    kind: "RECEIPT",
    title: "Ricevuta di presentazione",
    protocolNumber: "ESE-2025-000042",
    pdf: (verificationCode) =>
      renderReceiptPdf({
        municipality: { name: tenant.name },
        tenantSlug: tenant.slug,
        applicant: { name: "Mario Bianchi", fiscalCode: "BNCMRA75C12F205X" },
        serviceName: "Contrassegno disabili",
        protocolNumber: "ESE-2025-000042",
        submittedAt: new Date(),
        summary: [{ label: "Targa", value: "AB123CD" }],
        verificationCode,
      }),
  });
}

describe("issued documents", () => {
  it("records the PDF's hash and prints the verification link it can be checked with", async () => {
    const tenant = await createTenant();
    const { document, pdf } = await issueReceipt(tenant);

    expect(document.sha256).toBe(sha256(pdf));
    expect(normalizeVerificationCode(document.verificationCode)).toBe(document.verificationCode);
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(text).toContain(verificationUrl(tenant.slug, document.verificationCode));
  });

  it("confirms a document only to its municipality's page, with public facts only", async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const { document } = await issueReceipt(tenant);

    const found = await findDocumentForVerification({ tenantId: tenant.id, code: document.verificationCode });
    expect(found).toEqual({
      title: "Ricevuta di presentazione",
      kind: "RECEIPT",
      protocolNumber: "ESE-2025-000042",
      issuedAt: document.issuedAt,
      sha256: document.sha256,
    });
    // As a person might type it off the paper.
    const typed = document.verificationCode.toLowerCase().replace(/(.{4})(?!$)/g, "$1-");
    expect(await findDocumentForVerification({ tenantId: tenant.id, code: typed })).toEqual(found);

    expect(await findDocumentForVerification({ tenantId: other.id, code: document.verificationCode })).toBeNull();
    expect(await findDocumentForVerification({ tenantId: tenant.id, code: generateVerificationCode() })).toBeNull();
    expect(await findDocumentForVerification({ tenantId: tenant.id, code: "../../etc" })).toBeNull();
  });
});

describe("verification codes", () => {
  it("are random, 12 characters, and survive confusable letters", () => {
    const codes = new Set(Array.from({ length: 2000 }, generateVerificationCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(normalizeVerificationCode("abcd-0123 efgh")).toBe("ABCD0123EFGH");
    expect(normalizeVerificationCode("ABCDOI23EFGH")).toBe("ABCD0123EFGH");
    expect(normalizeVerificationCode("ABCD0123EFG")).toBeNull();
    expect(normalizeVerificationCode("ABCD0123EFGU")).toBeNull();
  });
});
