import { getDocumentFile } from "@/server/area/documents";
import { isAppError } from "@/server/errors";
import { privatePdfResponse } from "@/server/http/file-response";
import { citizenForRoute, notFoundResponse } from "../../../citizen-route";

type TContext = { params: Promise<{ tenant: string; id: string }> };

// GET /{tenant}/area-personale/documenti/{id}/download — the PDF of one of the signed-in
// citizen's documents, shown in the browser; anyone else's document is 404.
export async function GET(request: Request, { params }: TContext) {
  const { tenant: slug, id } = await params;
  const access = await citizenForRoute(request, slug);
  if (access instanceof Response) return access;
  try {
    const { title, bytes } = await getDocumentFile({ tenantId: access.tenant.id, citizenId: access.citizen.id, documentId: id });
    return privatePdfResponse(bytes, { fileName: `${title}.pdf`, disposition: "inline" });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return notFoundResponse();
    throw e;
  }
}
