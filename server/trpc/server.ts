import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createTRPCContext } from "./request-context";
import { createAppCaller } from "./root";
import { TENANT_HEADER } from "./shared";

// Server components call procedures directly (no HTTP), with the same access checks:
//   const api = await createCaller(tenantSlug);
//   const overview = await api.backoffice.overview();

const contextFor = cache(async (tenantSlug: string | null) => {
  const h = new Headers(await headers());
  if (tenantSlug) h.set(TENANT_HEADER, tenantSlug);
  else h.delete(TENANT_HEADER);
  return createTRPCContext({ headers: h });
});

export async function createCaller(tenantSlug?: string | null) {
  return createAppCaller(await contextFor(tenantSlug ?? null));
}
