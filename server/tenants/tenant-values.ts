import { z } from "zod";
import { ZTenantBaseValues } from "@/server/settings/settings-values";
import { TENANT_SLUG_PATTERN } from "./slug";

// The platform's administration of municipalities as the browser and the server both name it:
// a new municipality's address (slug) and base fields, the inputs of the platform router.
// Browser-safe. Reserved slugs (the platform's own routes) are checked by the server.

const e = (key: string) => `admin.errors.${key}`;

export const ZNewTenantSlug = z.string().trim().toLowerCase().min(2, e("slugInvalid")).regex(TENANT_SLUG_PATTERN, e("slugInvalid"));

/** The contact email is required for a new municipality (optional later, in its settings). */
export const ZCreateTenantValues = ZTenantBaseValues.extend({
  slug: ZNewTenantSlug,
  contactEmail: z.string().trim().min(1, "tenantSettings.errors.emailInvalid").pipe(z.email("tenantSettings.errors.emailInvalid")),
});
export type TCreateTenantForm = z.input<typeof ZCreateTenantValues>;
export type TCreateTenantValues = z.output<typeof ZCreateTenantValues>;

export const ZCreateTenantInput = z.object({ values: ZCreateTenantValues });

export const ZUpdateTenantInput = z.object({
  tenantId: z.uuid(),
  expectedUpdatedAt: z.date(),
  values: ZTenantBaseValues,
});

export const ZTenantBySlugInput = z.object({ slug: z.string().min(1) });
