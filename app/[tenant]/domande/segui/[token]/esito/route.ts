import { getFollowOutcome } from "@/server/applications/follow-view";
import { followPdfResponse } from "../follow-route";

type TContext = { params: Promise<{ tenant: string; token: string }> };

// GET /{tenant}/domande/segui/{token}/esito — the outcome document (accepted / rejected) of the
// application behind a follow link: applicants without SPID have no area's documents to find it
// in. The token is the credential: wrong token, or no decision yet → 404.
export async function GET(_request: Request, { params }: TContext) {
  return followPdfResponse(params, getFollowOutcome, "outcome");
}
