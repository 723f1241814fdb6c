import { removeTenantLogo } from "@/server/settings/logo";
import { ZSetAppIoKeyInput, ZTenantSlugInput, ZUpdateTenantSettingsInput } from "@/server/settings/settings-values";
import {
  getTenantSettings,
  listSettingsChanges,
  removeAppIoApiKey,
  setAppIoApiKey,
  updateTenantSettings,
  type TSettingsRef,
} from "@/server/settings/tenant-settings";
import { router, staffProcedure } from "../init";

// The municipality's settings (server/settings/): its administrators only; operators, service
// managers and other municipalities' staff get NOT_FOUND. The logo is uploaded through
// POST /api/{tenant}/backoffice/logo (a file); removing it is here.

const admin = staffProcedure("TENANT_ADMIN");

const ref = (ctx: { tenant: { id: string }; staff: { id: string }; role: TSettingsRef["actor"]["role"]; ip: string | null }): TSettingsRef => ({
  tenantId: ctx.tenant.id,
  actor: { id: ctx.staff.id, role: ctx.role },
  ip: ctx.ip,
});

export const tenantSettingsRouter = router({
  /** The settings as the form shows them; the App IO key only as "configured" and since when. */
  get: admin.input(ZTenantSlugInput).query(({ ctx }) => getTenantSettings({ tenantId: ctx.tenant.id })),

  update: admin
    .input(ZUpdateTenantSettingsInput)
    .mutation(({ ctx, input }) => updateTenantSettings({ ...ref(ctx), values: input.values, expectedUpdatedAt: input.expectedUpdatedAt })),

  setAppIoKey: admin.input(ZSetAppIoKeyInput).mutation(async ({ ctx, input }) => {
    await setAppIoApiKey({ ...ref(ctx), apiKey: input.apiKey });
    return { configured: true };
  }),

  removeAppIoKey: admin.input(ZTenantSlugInput).mutation(async ({ ctx }) => {
    await removeAppIoApiKey(ref(ctx));
    return { configured: false };
  }),

  removeLogo: admin.input(ZTenantSlugInput).mutation(async ({ ctx }) => {
    await removeTenantLogo(ref(ctx));
    return { hasLogo: false };
  }),

  /** "Ultime modifiche": who changed which settings, when. */
  history: admin.input(ZTenantSlugInput).query(({ ctx }) => listSettingsChanges({ tenantId: ctx.tenant.id })),
});
