import { getLocale } from "next-intl/server";
import { clientIp } from "@/server/auth/client-ip";
import { getStaffViewer } from "@/server/auth/session";
import { handleInboxExport } from "@/server/backoffice/inbox-export";
import type { TLocale } from "@/server/i18n/config";
import { unsafeFindTenantBySlug } from "@/server/tenant";

type TContext = { params: Promise<{ tenant: string }> };

// GET /api/[tenant]/backoffice/domande/export.csv?<inbox filters> — the filtered inbox as a CSV
// file, streamed; staff of this municipality only (server/backoffice/inbox-export.ts).
export async function GET(request: Request, { params }: TContext) {
  return handleInboxExport(request, await params, {
    resolveTenant: unsafeFindTenantBySlug,
    getStaff: getStaffViewer,
    locale: (await getLocale()) as TLocale,
    ip: clientIp(request.headers),
  });
}
