// A municipality's address, /{slug}: lower-case letters, digits and inner hyphens, up to 64.
// Its own module (no imports) because every request's tenant lookup uses it (server/tenant.ts).
export const TENANT_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
