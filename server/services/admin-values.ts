import { z } from "zod";
import { slugify as slugifyText } from "./slug";

// The back office's configuration of a service as the browser and the server both name it: the
// fields of the card and of the settings, the lifecycle actions, the inputs of the serviceAdmin
// router. Browser-safe (no server-only imports): the forms validate with these schemas before
// sending, and the server validates again. The rules (who may, from which status) are in
// permissions.ts and admin.ts.

export const SERVICE_STATUSES = ["DRAFT", "SCHEDULED", "PUBLISHED", "SUSPENDED", "CLOSED"] as const;
export type TServiceStatus = (typeof SERVICE_STATUSES)[number];

export const ACCESS_LEVELS = ["ANONYMOUS_EMAIL", "SPID_L2", "SPID_L3"] as const;

/** The card in the fixed format: service managers edit it on the services they manage. */
export const CARD_TEXT_FIELDS = ["summary", "audience", "howTo", "documentsNeeded", "cost", "contacts", "privacyNotice"] as const;
export const CARD_FIELDS = ["name", "categoryId", ...CARD_TEXT_FIELDS, "maxProcessingDays"] as const;
/** Settings only the municipality's administrators change (they change who may apply and how). */
export const SETTINGS_FIELDS = ["slug", "accessLevel", "allowWithdrawal", "allowIntegration"] as const;

export type TCardField = (typeof CARD_FIELDS)[number];
export type TSettingsField = (typeof SETTINGS_FIELDS)[number];

export const NAME_MAX_LENGTH = 200;
export const SLUG_MAX_LENGTH = 80;
export const CARD_TEXT_MAX_LENGTH = 10_000;
export const MAX_PROCESSING_DAYS = 3650;

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** "Bonus affitto 2027" → "bonus-affitto-2027" (accents dropped, anything else a hyphen). */
export function slugify(text: string): string {
  return slugifyText(text, SLUG_MAX_LENGTH);
}

const e = (key: string) => `serviceAdmin.errors.${key}`;

const ZName = z.string().trim().min(3, e("nameTooShort")).max(NAME_MAX_LENGTH, e("nameTooLong"));
/** Slugs taken by fixed routes next to /{t}/servizi/[service] (the groups' pages). */
export const RESERVED_SERVICE_SLUGS: ReadonlySet<string> = new Set(["gruppi"]);

export const ZSlug = z
  .string()
  .trim()
  .min(1, e("slugRequired"))
  .max(SLUG_MAX_LENGTH, e("slugTooLong"))
  .regex(SLUG_PATTERN, e("slugInvalid"))
  .refine((slug) => !RESERVED_SERVICE_SLUGS.has(slug), e("slugReserved"));
const ZCardText = z.string().trim().max(CARD_TEXT_MAX_LENGTH, e("textTooLong"));
const ZDays = z.number({ error: e("daysInvalid") }).int(e("daysInvalid")).min(1, e("daysInvalid")).max(MAX_PROCESSING_DAYS, e("daysInvalid"));

export const ZCardValues = z.object({
  name: ZName,
  categoryId: z.string().min(1, e("categoryRequired")).max(64),
  summary: ZCardText,
  audience: ZCardText,
  howTo: ZCardText,
  documentsNeeded: ZCardText,
  cost: ZCardText,
  contacts: ZCardText,
  privacyNotice: ZCardText,
  maxProcessingDays: ZDays,
});
export type TCardValues = z.infer<typeof ZCardValues>;

export const ZSettingsValues = z.object({
  slug: ZSlug,
  accessLevel: z.enum(ACCESS_LEVELS),
  allowWithdrawal: z.boolean(),
  allowIntegration: z.boolean(),
});
export type TSettingsValues = z.infer<typeof ZSettingsValues>;

const ZServiceId = z.string().min(1).max(64);
/** The Service.version the page showed (optimistic concurrency). */
const ZExpectedVersion = z.number().int().min(0);

export const ZServiceRef = z.object({ serviceId: ZServiceId });
export const ZServiceTarget = ZServiceRef.extend({ expectedVersion: ZExpectedVersion });

export const ZCreateServiceInput = z.object({
  name: ZName,
  categoryId: ZCardValues.shape.categoryId,
  accessLevel: z.enum(ACCESS_LEVELS),
  maxProcessingDays: ZDays,
  summary: ZCardText.min(1, e("summaryRequired")),
  /** Empty or absent: derived from the name (made unique). */
  slug: z.union([ZSlug, z.literal("")]).optional(),
});
export type TCreateServiceInput = z.infer<typeof ZCreateServiceInput>;

/** Card and settings in one patch: only the fields sent change (a manager sending a setting is refused). */
export const ZUpdateServiceInput = ZServiceTarget.extend({
  values: ZCardValues.partial().extend(ZSettingsValues.partial().shape),
});
export type TServicePatch = z.infer<typeof ZUpdateServiceInput>["values"];

/** A date and time on Rome's wall clock as an <input type="datetime-local"> gives it, or "" for none. */
export const ROME_LOCAL_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const ZRomeLocal = z.union([z.literal(""), z.string().regex(ROME_LOCAL_PATTERN, e("dateInvalid"))]);

const ZDateFields = z.object({ opensAt: ZRomeLocal, closesAt: ZRomeLocal });
/** Same-format wall-clock texts compare in time order. */
const closesAfterOpens = (v: { opensAt: string; closesAt: string }) => !v.opensAt || !v.closesAt || v.closesAt > v.opensAt;
const closesAfterOpensError = () => ({ message: e("closesBeforeOpens"), path: ["closesAt"] });

/** The dates form (the browser). */
export const ZDatesValues = ZDateFields.refine(closesAfterOpens, closesAfterOpensError());
export type TDatesValues = z.infer<typeof ZDatesValues>;
export const ZSetDatesInput = ZServiceTarget.extend(ZDateFields.shape).refine(closesAfterOpens, closesAfterOpensError());

/**
 * The lifecycle: each action, the statuses it starts from and the one it leads to.
 * DRAFT is invisible to citizens; SCHEDULED is listed with its opening date and the scheduler
 * publishes it at opensAt; SUSPENDED and CLOSED are listed but accept nothing.
 */
export const SERVICE_STATUS_ACTIONS = {
  publish: { from: ["DRAFT"], to: "PUBLISHED" },
  schedule: { from: ["DRAFT", "SUSPENDED"], to: "SCHEDULED" },
  suspend: { from: ["PUBLISHED"], to: "SUSPENDED" },
  resume: { from: ["SUSPENDED"], to: "PUBLISHED" },
  close: { from: ["PUBLISHED", "SUSPENDED", "SCHEDULED"], to: "CLOSED" },
  reopen: { from: ["CLOSED"], to: "PUBLISHED" },
  unschedule: { from: ["SCHEDULED"], to: "DRAFT" },
} as const satisfies Record<string, { from: readonly TServiceStatus[]; to: TServiceStatus }>;
export type TServiceStatusAction = keyof typeof SERVICE_STATUS_ACTIONS;
export const SERVICE_STATUS_ACTION_NAMES = Object.keys(SERVICE_STATUS_ACTIONS) as TServiceStatusAction[];

/** Actions the UI asks to confirm: they stop citizens from applying or hide the service. */
export const DESTRUCTIVE_STATUS_ACTIONS: ReadonlySet<TServiceStatusAction> = new Set(["suspend", "close", "unschedule"]);

/** The lifecycle actions possible from a status (permissions aside). */
export function statusActionsFrom(status: TServiceStatus): TServiceStatusAction[] {
  return SERVICE_STATUS_ACTION_NAMES.filter((a) => (SERVICE_STATUS_ACTIONS[a].from as readonly TServiceStatus[]).includes(status));
}

export const ZChangeStatusInput = ZServiceTarget.extend({ action: z.enum(SERVICE_STATUS_ACTION_NAMES as [TServiceStatusAction, ...TServiceStatusAction[]]) });

export const ZSetOperatorsInput = ZServiceTarget.extend({ staffIds: z.array(z.string().min(1).max(64)).max(500) });

export const ZDuplicateServiceInput = ZServiceRef.extend({
  name: ZName,
  slug: z.union([ZSlug, z.literal("")]).optional(),
});

export const ZListServicesInput = z.object({ status: z.enum(SERVICE_STATUSES).optional() }).optional();

export const ZHistoryInput = ZServiceRef.extend({ before: z.string().max(64).optional() });
