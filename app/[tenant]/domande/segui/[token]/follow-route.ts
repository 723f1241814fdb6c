import { getTranslations } from "next-intl/server";
import { privatePdfResponse } from "@/server/http/file-response";
import { unsafeFindTenantBySlug } from "@/server/tenant";

// For the follow page's file downloads (receipt, outcome): the token in the address is the only
// credential, so an unknown municipality, a wrong token or a document not issued yet all answer
// the same 404; the file is private, never cached or indexed.

type TFollowPdf = { pdf: Buffer; protocolNumber: string | null };
type TFollowPdfLoader = (input: { tenantId: string; token: string }) => Promise<TFollowPdf | null>;

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The PDF `load` finds behind the follow link, named by followApplication.<namespace>.fileName. */
export async function followPdfResponse(params: Promise<{ tenant: string; token: string }>, load: TFollowPdfLoader, namespace: "receipt" | "outcome"): Promise<Response> {
  const { tenant: slug, token } = await params;
  const tenant = await unsafeFindTenantBySlug(slug);
  if (!tenant) return notFound();
  const file = await load({ tenantId: tenant.id, token });
  if (!file) return notFound();
  const t = await getTranslations(`followApplication.${namespace}`);
  const fileName = t("fileName", { protocolNumber: file.protocolNumber ?? "" }).replace(/[^\w.-]/g, "_");
  return privatePdfResponse(file.pdf, { fileName, disposition: "attachment", headers: { "X-Robots-Tag": "noindex" } });
}
