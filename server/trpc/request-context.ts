import "server-only";
import { clientIp } from "@/server/auth/client-ip";
import { getViewer } from "@/server/auth/session";
import { createContextInner } from "./context";
import { TENANT_HEADER } from "./shared";

export async function createTRPCContext({ headers }: { headers: Headers }) {
  return createContextInner({ viewer: await getViewer(), tenantSlug: headers.get(TENANT_HEADER), ip: clientIp(headers) });
}
