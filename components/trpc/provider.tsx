"use client";

import { QueryClientProvider, isServer, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useMemo, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/trpc/root";
import { TENANT_HEADER } from "@/server/trpc/shared";
import { makeQueryClient } from "./query-client";

// tRPC for client components: wrap a municipality's pages in <TRPCReactProvider tenant={slug}>,
// then `const trpc = useTRPC(); useQuery(trpc.me.get.queryOptions())`. Every call carries the
// tenant in a header; the server resolves it once and checks access per procedure.

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

// Query keys do not name the tenant, so each municipality gets its own cache: data of one
// never shows up on another's pages.
const browserQueryClients = new Map<string, QueryClient>();
function getQueryClient(tenant: string): QueryClient {
  // On the server a new client per request; in the browser one per municipality for the page's life.
  if (isServer) return makeQueryClient();
  let client = browserQueryClients.get(tenant);
  if (!client) {
    client = makeQueryClient();
    browserQueryClients.set(tenant, client);
  }
  return client;
}

function baseUrl(): string {
  if (typeof window !== "undefined") return "";
  return process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

export function TRPCReactProvider({ tenant, children }: { /** The municipality's slug. */ tenant?: string | null; children: ReactNode }) {
  const key = tenant ?? "";
  const queryClient = getQueryClient(key);
  const trpcClient = useMemo(
    () =>
      createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: `${baseUrl()}/api/trpc`,
            transformer: superjson,
            headers: () => (key ? { [TENANT_HEADER]: key } : {}),
          }),
        ],
      }),
    [key],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
