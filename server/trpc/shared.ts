// Shared by the tRPC client (browser) and server: keep free of server-only imports.

/** Header the client sets on every tRPC call: the municipality the page belongs to. */
export const TENANT_HEADER = "x-sportello-tenant";
