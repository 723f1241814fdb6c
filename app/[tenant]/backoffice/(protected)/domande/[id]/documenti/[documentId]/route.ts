import { getTranslations } from "next-intl/server";
import { clientIp } from "@/server/auth/client-ip";
import { effectiveRole } from "@/server/auth/roles";
import { getViewer } from "@/server/auth/session";
import { getApplicationDocumentForStaff } from "@/server/backoffice/application-documents";
import { isAppError } from "@/server/errors";
import { privatePdfResponse } from "@/server/http/file-response";
import { unsafeFindTenantBySlug } from "@/server/tenant";

type TContext = { params: Promise<{ tenant: string; id: string; documentId: string }> };

async function notFound(): Promise<Response> {
  const t = await getTranslations("outcome.staff");
  return new Response(t("notFound"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

// GET /{tenant}/backoffice/domande/{id}/documenti/{documentId} — the PDF of a document issued
// for the application (receipt, outcome), for the municipality's staff. Signed out: the back
// office's sign-in; anyone else, another municipality's staff or another application's
// document: 404.
export async function GET(request: Request, { params }: TContext) {
  const { tenant: slug, id, documentId } = await params;
  const tenant = await unsafeFindTenantBySlug(slug);
  if (!tenant) return notFound();
  const viewer = await getViewer();
  if (!viewer) return Response.redirect(new URL(`/${tenant.slug}/backoffice/accedi`, request.url), 303);
  const role = viewer.kind === "staff" ? effectiveRole(viewer.staff, tenant.id) : null;
  if (viewer.kind !== "staff" || !role) return notFound();
  try {
    const { title, bytes } = await getApplicationDocumentForStaff({
      tenantId: tenant.id,
      applicationId: id,
      documentId,
      staff: { id: viewer.staff.id, role },
      ip: clientIp(request.headers),
    });
    return privatePdfResponse(bytes, { fileName: `${title}.pdf`, disposition: "inline" });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return notFound();
    throw e;
  }
}
