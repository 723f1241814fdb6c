import { getDocumentFile } from "@/server/area/documents";
import { isAppError } from "@/server/errors";
import { citizenForRoute, contentDisposition, notFoundResponse } from "../../../citizen-route";

type TContext = { params: Promise<{ tenant: string; id: string }> };

// GET /{tenant}/area-personale/documenti/{id}/download — the PDF of one of the signed-in
// citizen's documents, shown in the browser; anyone else's document is 404.
export async function GET(request: Request, { params }: TContext) {
  const { tenant: slug, id } = await params;
  const access = await citizenForRoute(request, slug);
  if (access instanceof Response) return access;
  try {
    const { title, bytes } = await getDocumentFile({ tenantId: access.tenant.id, citizenId: access.citizen.id, documentId: id });
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": contentDisposition("inline", `${title}.pdf`),
        "Content-Length": String(bytes.length),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return notFoundResponse();
    throw e;
  }
}
