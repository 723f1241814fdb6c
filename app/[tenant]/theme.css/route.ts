import { bootstrapPrimaryOverrides } from "@/components/theme/bootstrap-primary";
import { brandStylesheet } from "@/components/theme/brand-colors";
import { unsafeFindTenantBySlug } from "@/server/tenant";

// GET /{tenant}/theme.css — the municipality's brand colour as Bootstrap Italia's primary: the
// variables of its colour on the municipality's wrapper, then Bootstrap Italia's rules that use
// the primary, rewritten to read them (components/theme/primary-rewrite.ts). A stylesheet (not
// an inline style) so the Content-Security-Policy needs no 'unsafe-inline' for styles. The
// layout links it with ?v=<updatedAt>, so a change of colour is a new address.
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const tenant = await unsafeFindTenantBySlug(slug);
  if (!tenant) return new Response("/* unknown municipality */\n", { status: 404, headers: { "Content-Type": "text/css; charset=utf-8" } });
  const overrides = bootstrapPrimaryOverrides();
  // The current version's address never changes content (≈270 kB): browsers keep it for a year.
  const current = new URL(request.url).searchParams.get("v") === String(tenant.updatedAt.getTime());
  return new Response(brandStylesheet(tenant.slug, tenant.brandColor, overrides.levels) + overrides.css, {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=300" },
  });
}
