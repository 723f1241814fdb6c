import { getTranslations } from "next-intl/server";
import { getFollowReceipt } from "@/server/applications/follow-view";
import { privatePdfResponse } from "@/server/http/file-response";
import { unsafeFindTenantBySlug } from "@/server/tenant";

type TContext = { params: Promise<{ tenant: string; token: string }> };

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

// GET /{tenant}/domande/segui/{token}/ricevuta — the receipt PDF of the application behind a
// follow link (applicants without SPID). The token is the credential: wrong token → 404.
export async function GET(_request: Request, { params }: TContext) {
  const { tenant: slug, token } = await params;
  const tenant = await unsafeFindTenantBySlug(slug);
  if (!tenant) return notFound();
  const receipt = await getFollowReceipt({ tenantId: tenant.id, token });
  if (!receipt) return notFound();
  const t = await getTranslations("followApplication.receipt");
  const fileName = t("fileName", { protocolNumber: receipt.protocolNumber ?? "" }).replace(/[^\w.-]/g, "_");
  return privatePdfResponse(receipt.pdf, { fileName, disposition: "attachment", headers: { "X-Robots-Tag": "noindex" } });
}
