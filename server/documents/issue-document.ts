import type { Document, DocumentKind, Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { sha256 } from "@/server/pdf/sha256";
import { generateVerificationCode } from "./verification-code";

// Records a document a municipality issues: its SHA-256 and a random verification code, which
// the document prints (text + QR) and the public verification page looks up. The code must be
// known before the PDF is drawn, so the PDF can be passed as a function of the code.

export type TIssueDocumentInput = {
  tenantId: string;
  kind: DocumentKind;
  title: string;
  protocolNumber?: string | null;
  /** The finished PDF, or a renderer that prints the verification code it is given. */
  pdf: Buffer | ((verificationCode: string) => Promise<Buffer>);
  /** Issue inside the caller's transaction (e.g. with the application it belongs to). */
  tx?: Prisma.TransactionClient;
};

export async function issueDocument(input: TIssueDocumentInput): Promise<{ document: Document; pdf: Buffer }> {
  // 60 random bits: a collision with the unique index is not worth a retry loop.
  const verificationCode = generateVerificationCode();
  const pdf = typeof input.pdf === "function" ? await input.pdf(verificationCode) : input.pdf;
  const client = input.tx ?? (await db());
  const document = await client.document.create({
    data: {
      tenantId: input.tenantId,
      kind: input.kind,
      title: input.title,
      protocolNumber: input.protocolNumber ?? null,
      sha256: sha256(pdf),
      verificationCode,
    },
  });
  return { document, pdf };
}
