import { db } from "@/server/db/client";
import { tenantWhere } from "@/server/tenant";
import { normalizeVerificationCode } from "./verification-code";

// What the public verification page may show about a document: enough to confirm it is
// genuine and unchanged, nothing about the person it concerns.
const PUBLIC_FIELDS = { title: true, kind: true, protocolNumber: true, issuedAt: true, sha256: true } as const;

export type TVerifiedDocument = NonNullable<Awaited<ReturnType<typeof findDocumentForVerification>>>;

/** The document of this municipality with this code (as typed or scanned), or null. */
export async function findDocumentForVerification({ tenantId, code }: { tenantId: string; code: string }) {
  const verificationCode = normalizeVerificationCode(code);
  if (!verificationCode) return null;
  const prisma = await db();
  return prisma.document.findFirst({ where: tenantWhere(tenantId, { verificationCode }), select: PUBLIC_FIELDS });
}
