import { brandStylesheet } from "@/components/theme/brand-colors";
import { unsafeFindTenantBySlug } from "@/server/tenant";

// GET /{tenant}/theme.css — the municipality's brand colours as CSS variables. A stylesheet
// (not an inline style) so the Content-Security-Policy needs no 'unsafe-inline' for styles.
export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const tenant = await unsafeFindTenantBySlug(slug);
  if (!tenant) return new Response("/* unknown municipality */\n", { status: 404, headers: { "Content-Type": "text/css; charset=utf-8" } });
  return new Response(brandStylesheet(tenant.slug, tenant.brandColor), {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
