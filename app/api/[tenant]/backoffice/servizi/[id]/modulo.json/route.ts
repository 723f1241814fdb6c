import { getStaffViewer } from "@/server/auth/session";
import { handleFormExport } from "@/server/services/form-versions";
import { unsafeFindTenantBySlug } from "@/server/tenant";

type TContext = { params: Promise<{ tenant: string; id: string }> };

// GET /api/[tenant]/backoffice/servizi/[id]/modulo.json?versione=3|bozza — one version of a
// service's form as a JSON file (<service>-modulo-v3.json), for the municipality's administrators
// (server/services/form-versions.ts).
export async function GET(request: Request, { params }: TContext) {
  return handleFormExport(request, await params, { resolveTenant: unsafeFindTenantBySlug, getStaff: getStaffViewer });
}
