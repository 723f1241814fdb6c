import { getStaffViewer } from "@/server/auth/session";
import { handleLogoUpload } from "@/server/settings/logo-http";
import { getTenantOrThrow } from "@/server/tenant";

// POST /api/[tenant]/backoffice/logo: the municipality's administrators upload its logo.
export async function POST(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  return handleLogoUpload(request, await params, { resolveTenant: getTenantOrThrow, getStaff: getStaffViewer });
}
