import { getCurrentApplicant } from "@/server/applicants/current";
import { getApplicationForApplicant } from "@/server/applications/drafts";
import { db } from "@/server/db/client";
import { isAppError } from "@/server/errors";
import { privatePdfResponse } from "@/server/http/file-response";
import { fileStorage } from "@/server/storage/storage";
import { unsafeFindTenantBySlug } from "@/server/tenant";

type TContext = { params: Promise<{ tenant: string; id: string }> };

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

// GET /{tenant}/domande/{id}/ricevuta — the receipt PDF of the applicant's own application
// (citizen or applicant without SPID); anyone else gets 404.
export async function GET(_req: Request, { params }: TContext) {
  const { tenant: slug, id } = await params;
  const tenant = await unsafeFindTenantBySlug(slug);
  if (!tenant) return notFound();
  const applicant = await getCurrentApplicant(tenant.id);
  if (!applicant) return notFound();
  try {
    await getApplicationForApplicant({ tenantId: tenant.id, applicationId: id, applicant });
  } catch (e) {
    if (isAppError(e)) return notFound();
    throw e;
  }
  const prisma = await db();
  const doc = await prisma.document.findFirst({
    where: { tenantId: tenant.id, applicationId: id, kind: "RECEIPT", fileKey: { not: null } },
    select: { fileKey: true, protocolNumber: true },
  });
  const bytes = doc?.fileKey ? await fileStorage().get(doc.fileKey) : null;
  if (!doc || !bytes) return notFound();
  const name = `ricevuta-${(doc.protocolNumber ?? id).replace(/[^A-Za-z0-9-]/g, "_")}.pdf`;
  return privatePdfResponse(bytes, { fileName: name, disposition: "inline" });
}
