import { getLocale } from "next-intl/server";
import { exportMyData, myDataFileName } from "@/server/area/export";
import type { TLocale } from "@/server/i18n/config";
import { contentDisposition } from "@/server/http/file-response";
import { citizenForRoute } from "../../citizen-route";

type TContext = { params: Promise<{ tenant: string }> };

// GET /{tenant}/area-personale/i-miei-dati/download — everything the municipality holds about
// the signed-in citizen, as a JSON file to keep.
export async function GET(request: Request, { params }: TContext) {
  const { tenant: slug } = await params;
  const access = await citizenForRoute(request, slug);
  if (access instanceof Response) return access;
  const now = new Date();
  const data = await exportMyData({ tenantId: access.tenant.id, citizenId: access.citizen.id, locale: (await getLocale()) as TLocale, now });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", myDataFileName(access.tenant.slug, now)),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
