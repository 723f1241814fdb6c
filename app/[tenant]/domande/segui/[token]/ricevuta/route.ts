import { getFollowReceipt } from "@/server/applications/follow-view";
import { followPdfResponse } from "../follow-route";

type TContext = { params: Promise<{ tenant: string; token: string }> };

// GET /{tenant}/domande/segui/{token}/ricevuta — the receipt PDF of the application behind a
// follow link (applicants without SPID). The token is the credential: wrong token → 404.
export async function GET(_request: Request, { params }: TContext) {
  return followPdfResponse(params, getFollowReceipt, "receipt");
}
