import { createApiKeyForTenant, listApiKeys, revokeApiKey, type TKeysAdminInput } from "@/server/api/keys-admin";
import { ZCreateApiKeyInput, ZRevokeApiKeyInput } from "@/server/api/keys-admin-values";
import { ZTenantSlugInput } from "@/server/settings/settings-values";
import { router, staffProcedure } from "../init";

// The municipality's API keys (server/api/keys-admin.ts): its administrators and the platform's
// super-admins only; operators, service managers and other municipalities' staff get NOT_FOUND.

const admin = staffProcedure("TENANT_ADMIN");

const who = (ctx: { tenant: { id: string }; staff: { id: string }; role: TKeysAdminInput["actor"]["role"]; ip: string | null }): TKeysAdminInput => ({
  tenantId: ctx.tenant.id,
  actor: { id: ctx.staff.id, role: ctx.role },
  ip: ctx.ip,
});

export const apiKeysRouter = router({
  /** Every key of the municipality (never the key itself: only its visible prefix). */
  list: admin.input(ZTenantSlugInput).query(({ ctx }) => listApiKeys({ tenantId: ctx.tenant.id })),

  /** A new key: the answer carries the key in clear, the only time it is ever shown. */
  create: admin.input(ZCreateApiKeyInput).mutation(({ ctx, input }) => {
    const { tenantSlug: _slug, ...values } = input;
    return createApiKeyForTenant({ ...who(ctx), values });
  }),

  /** Revokes a key (idempotent). */
  revoke: admin.input(ZRevokeApiKeyInput).mutation(({ ctx, input }) => revokeApiKey({ ...who(ctx), keyId: input.keyId })),
});
