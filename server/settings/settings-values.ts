import { z } from "zod";
import { contrastWithWhite, MIN_BRAND_CONTRAST, normalizeHex } from "@/components/theme/brand-colors";
import { BYTES_PER_MB } from "@/server/uploads/kinds";

// A municipality's settings as the browser and the server both name them: the fields, their
// rules, the inputs of the tenantSettings router (and the base fields the platform's
// super-admins edit, server/tenants/). Messages are i18n keys of the "tenantSettings"
// namespace. Browser-safe: the settings form validates with these schemas before sending, and
// the server validates again.

export const NAME_MAX = 120;
export const AREA_MAX = 120;
export const ADDRESS_MAX = 300;
export const SENDER_NAME_MAX = 80;
export const EMAIL_MAX = 254;
export const WEBSITE_MAX = 300;

/** Prefix of protocol numbers (ESE-2026-0000123): 2 to 6 upper-case letters or digits. */
export const PROTOCOL_PREFIX_PATTERN = /^[A-Z0-9]{2,6}$/;

/** The logo: PNG, JPEG or WebP (never SVG: it can carry scripts), at most 1 MB, judged by content. */
export const LOGO_MAX_BYTES = BYTES_PER_MB;
export const LOGO_TYPE_LABELS = "PNG, JPEG, WebP";
export const LOGO_ACCEPT = ".png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp";

/** The address of a municipality's logo (GET /{tenant}/logo), versioned so a new one is fetched at once. */
export function tenantLogoUrl(tenant: { slug: string; updatedAt: Date }): string {
  return `/${tenant.slug}/logo?v=${tenant.updatedAt.getTime()}`;
}

/** App IO service API keys (an API Management subscription key: 32 hex characters today). */
export const APP_IO_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

const e = (key: string) => `tenantSettings.errors.${key}`;
const blankToNull = (v: string) => (v === "" ? null : v);
const isEmail = (v: string) => z.email().safeParse(v).success;

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const ZTenantName = z.string().trim().min(3, e("nameRequired")).max(NAME_MAX, e("nameTooLong"));
const ZArea = z.string().trim().max(AREA_MAX, e("areaTooLong")).transform(blankToNull);
export const ZProtocolPrefix = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(PROTOCOL_PREFIX_PATTERN, e("protocolPrefixInvalid")));
const ZOptionalEmail = z
  .string()
  .trim()
  .max(EMAIL_MAX, e("emailInvalid"))
  .refine((v) => v === "" || isEmail(v), e("emailInvalid"))
  .transform(blankToNull);
const ZPhone = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\+?[0-9][0-9 ./-]{4,24}$/.test(v), e("phoneInvalid"))
  .transform(blankToNull);
const ZWebsite = z
  .string()
  .trim()
  .max(WEBSITE_MAX, e("websiteInvalid"))
  .refine((v) => v === "" || isHttpsUrl(v), e("websiteInvalid"))
  .transform(blankToNull);
const ZAddress = z.string().trim().max(ADDRESS_MAX, e("addressTooLong")).transform(blankToNull);
// The sender's display name: no quotes, angle brackets, backslashes or line breaks (they would
// let it forge other headers or another address).
const ZSenderName = z
  .string()
  .trim()
  .max(SENDER_NAME_MAX, e("senderNameTooLong"))
  .refine((v) => !/["<>\\\r\n\t]/.test(v), e("senderNameInvalid"));
export const ZBrandColor = z
  .string()
  .trim()
  .refine((v) => normalizeHex(v) !== null, e("brandColorInvalid"))
  .refine((v) => (contrastWithWhite(v) ?? 0) >= MIN_BRAND_CONTRAST, e("brandColorContrast"))
  .transform((v) => normalizeHex(v)!);

/** The fields the platform's super-admins set when creating a municipality and may edit later. */
export const ZTenantBaseValues = z.object({
  name: ZTenantName,
  area: ZArea,
  protocolPrefix: ZProtocolPrefix,
  contactEmail: ZOptionalEmail,
});

/** Everything the municipality's administrators edit in "Impostazioni" (the form's one submit). */
export const ZTenantSettingsValues = ZTenantBaseValues.extend({
  contactPhone: ZPhone,
  website: ZWebsite,
  address: ZAddress,
  emailFromName: ZSenderName,
  emailFromAddress: ZOptionalEmail,
  brandColor: ZBrandColor,
}).superRefine((v, ctx) => {
  if (v.emailFromName && !v.emailFromAddress) ctx.addIssue({ code: "custom", path: ["emailFromAddress"], message: e("senderAddressRequired") });
});

/** What the form holds (every field a string, as typed). */
export type TTenantSettingsForm = z.input<typeof ZTenantSettingsValues>;
export type TTenantSettingsValues = z.output<typeof ZTenantSettingsValues>;
export type TTenantBaseForm = z.input<typeof ZTenantBaseValues>;
export type TTenantBaseValues = z.output<typeof ZTenantBaseValues>;

const ZTenantSlug = z.string().min(1);

export const ZUpdateTenantSettingsInput = z.object({
  tenantSlug: ZTenantSlug,
  /** When the page was loaded (Tenant.updatedAt): another administrator's change meanwhile → CONFLICT. */
  expectedUpdatedAt: z.date(),
  values: ZTenantSettingsValues,
});

export const ZSetAppIoKeyInput = z.object({
  tenantSlug: ZTenantSlug,
  apiKey: z.string().trim().regex(APP_IO_KEY_PATTERN, e("appIoKeyInvalid")),
});

export const ZTenantSlugInput = z.object({ tenantSlug: ZTenantSlug });

// ---- The email sender: one header value ("Comune di Esempio <noreply@…>") in Tenant.emailFrom,
// a display name and an address in the form.

const NEEDS_QUOTES = /[()[\]:;@,.]/;

export function composeEmailFrom(name: string | null | undefined, address: string | null | undefined): string | null {
  if (!address) return null;
  const display = name?.trim();
  if (!display) return address;
  return `${NEEDS_QUOTES.test(display) ? `"${display}"` : display} <${address}>`;
}

export function splitEmailFrom(value: string | null | undefined): { name: string; address: string } {
  if (!value) return { name: "", address: "" };
  const m = /^\s*(?:"([^"]*)"|([^<]*?))\s*<([^>]+)>\s*$/.exec(value);
  if (!m) return { name: "", address: value.trim() };
  return { name: (m[1] ?? m[2] ?? "").trim(), address: m[3]!.trim() };
}
