import { getTranslations } from "next-intl/server";
import type { Citizen } from "@/server/db/generated/client";
import { getViewer } from "@/server/auth/session";
import { unsafeFindTenantBySlug, type TTenant } from "@/server/tenant";

// For the personal area's route handlers (file downloads): the signed-in citizen, or the
// response to send instead: signed out → the municipality's sign-in page, coming back here;
// signed in as staff, or unknown municipality → 404.

export async function notFoundResponse(): Promise<Response> {
  const t = await getTranslations("personalArea");
  return new Response(t("downloadNotFound"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function citizenForRoute(request: Request, slug: string): Promise<{ tenant: TTenant; citizen: Citizen } | Response> {
  const tenant = await unsafeFindTenantBySlug(slug);
  if (!tenant) return notFoundResponse();
  const viewer = await getViewer();
  if (!viewer) {
    const back = new URL(request.url).pathname;
    return Response.redirect(new URL(`/${tenant.slug}/accedi?callbackUrl=${encodeURIComponent(back)}`, request.url), 303);
  }
  if (viewer.kind !== "citizen") return notFoundResponse();
  return { tenant, citizen: viewer.citizen };
}
