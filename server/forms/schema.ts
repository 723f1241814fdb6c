import { z } from "zod";

// The shape of a service's form, stored as versioned JSON and written by the municipality (labels
// are plain Italian strings, not i18n keys). Structure only: semantic checks (unique keys, show-if
// targets, min ≤ max…) live in validate-schema.ts so the form builder can list every problem at once.
// Pure: imported by client components (react-hook-form) and by the server.

/** Field keys double as answer property names and react-hook-form paths: identifier-like. */
export const FIELD_KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
export const ZFieldKey = z.string().regex(FIELD_KEY_PATTERN);

/** "yyyy-mm-dd", "today", or a date relative to today: "today-3y", "today+30d", "today-6m". */
export const DATE_RULE_PATTERN = /^(\d{4}-\d{2}-\d{2}|today([+-]\d{1,4}[dmy])?)$/;
export const ZDateRule = z.string().regex(DATE_RULE_PATTERN);

export type TConditionValue = string | number | boolean;
export type TCondition =
  | { field: string; equals: TConditionValue }
  | { field: string; in: TConditionValue[] }
  | { field: string; notEmpty: true }
  | { all: TCondition[] }
  | { any: TCondition[] };

const ZConditionValue = z.union([z.string(), z.number(), z.boolean()]);
export const ZCondition: z.ZodType<TCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: ZFieldKey, equals: ZConditionValue }),
    z.strictObject({ field: ZFieldKey, in: z.array(ZConditionValue).min(1) }),
    z.strictObject({ field: ZFieldKey, notEmpty: z.literal(true) }),
    z.strictObject({ all: z.array(ZCondition).min(1) }),
    z.strictObject({ any: z.array(ZCondition).min(1) }),
  ]),
);

export const PREFILL_SOURCES = ["fiscalCode", "givenName", "familyName", "birthDate", "email", "phone", "domicile"] as const;
export type TPrefillSource = (typeof PREFILL_SOURCES)[number];

const base = {
  key: ZFieldKey,
  label: z.string().min(1).max(500),
  help: z.string().max(2000).optional(),
  required: z.boolean().optional(),
  showIf: ZCondition.optional(),
  /** Value taken from the citizen's identity (SPID/CIE) or profile when a draft starts. */
  prefill: z.enum(PREFILL_SOURCES).optional(),
  /** With prefill: when the identity gives a value the citizen can't change it (enforced server-side). */
  readOnlyFromIdentity: z.boolean().optional(),
};

const textRules = {
  minLength: z.int().min(0).optional(),
  maxLength: z.int().min(1).optional(),
  pattern: z.string().optional(),
  /** Shown instead of the generic "wrong format" message, e.g. "Scrivi la targa senza spazi (AB123CD)". */
  patternMessage: z.string().optional(),
};

export const ZOption = z.strictObject({ value: z.string().min(1).max(200), label: z.string().min(1).max(500) });
export type TOption = z.infer<typeof ZOption>;

export const FILE_KINDS = ["pdf", "jpeg", "png", "p7m"] as const;
export type TFileKind = (typeof FILE_KINDS)[number];

export const ZTextField = z.strictObject({ ...base, type: z.literal("text"), ...textRules });
export const ZTextareaField = z.strictObject({ ...base, type: z.literal("textarea"), ...textRules });
export const ZNumberField = z.strictObject({
  ...base,
  type: z.literal("number"),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  /** Shown after the input, e.g. "€". */
  unit: z.string().max(20).optional(),
});
export const ZDateField = z.strictObject({ ...base, type: z.literal("date"), min: ZDateRule.optional(), max: ZDateRule.optional() });
export const ZEmailField = z.strictObject({ ...base, type: z.literal("email") });
export const ZPhoneField = z.strictObject({ ...base, type: z.literal("phone") });
export const ZSelectField = z.strictObject({ ...base, type: z.literal("select"), options: z.array(ZOption) });
export const ZRadioField = z.strictObject({ ...base, type: z.literal("radio"), options: z.array(ZOption) });
export const ZCheckboxesField = z.strictObject({
  ...base,
  type: z.literal("checkboxes"),
  options: z.array(ZOption),
  minItems: z.int().min(0).optional(),
  maxItems: z.int().min(1).optional(),
});
export const ZYesNoField = z.strictObject({ ...base, type: z.literal("yesno") });
export const ZFiscalCodeField = z.strictObject({ ...base, type: z.literal("fiscalCode") });
export const ZIbanField = z.strictObject({ ...base, type: z.literal("iban"), italianOnly: z.boolean().optional() });
export const ZAddressField = z.strictObject({ ...base, type: z.literal("address") });
export const ZFileField = z.strictObject({
  ...base,
  type: z.literal("file"),
  maxSizeMb: z.number().positive().max(100),
  // Optional here so a config without it reaches validate-schema and is reported with its path.
  accept: z.array(z.enum(FILE_KINDS)).optional(),
  multiple: z.boolean().optional(),
  /** With multiple: how many files at most (default 10). */
  maxFiles: z.int().min(1).max(50).optional(),
});
export const ZStaticField = z.strictObject({
  key: ZFieldKey,
  type: z.literal("static"),
  label: z.string().max(500).optional(),
  text: z.string().min(1).max(10_000),
  showIf: ZCondition.optional(),
});

const leafFields = [
  ZTextField,
  ZTextareaField,
  ZNumberField,
  ZDateField,
  ZEmailField,
  ZPhoneField,
  ZSelectField,
  ZRadioField,
  ZCheckboxesField,
  ZYesNoField,
  ZFiscalCodeField,
  ZIbanField,
  ZAddressField,
  ZFileField,
  ZStaticField,
] as const;

export type TLeafField = z.infer<(typeof leafFields)[number]>;
export type TGroupField = {
  key: string;
  type: "group";
  label: string;
  help?: string | undefined;
  required?: boolean | undefined;
  showIf?: TCondition | undefined;
  prefill?: TPrefillSource | undefined;
  readOnlyFromIdentity?: boolean | undefined;
  /** Heading of each item, e.g. "Componente" → "Componente 1", "Componente 2"… */
  itemLabel?: string | undefined;
  minItems?: number | undefined;
  maxItems?: number | undefined;
  /** Structurally recursive so that validate-schema can report a nested group with its path. */
  fields: TField[];
};
export type TField = TLeafField | TGroupField;

// Recursive through a getter (zod 4) so the union stays discriminated by "type" and a broken
// field is reported at its own path rather than as "no union member matched".
export const ZGroupField = z.strictObject({
  ...base,
  type: z.literal("group"),
  itemLabel: z.string().max(100).optional(),
  minItems: z.int().min(0).optional(),
  maxItems: z.int().min(1).max(100).optional(),
  get fields(): z.ZodArray<z.ZodType<TField>> {
    return z.array(ZField).min(1);
  },
});

export const ZField: z.ZodType<TField> = z.lazy(() => z.discriminatedUnion("type", [...leafFields, ZGroupField]));

export const ZFormPage = z.strictObject({
  key: ZFieldKey,
  title: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  fields: z.array(ZField).min(1),
});

export const ZFormSchema = z.strictObject({
  version: z.literal(1),
  pages: z.array(ZFormPage).min(1),
});

export type TFormPage = z.infer<typeof ZFormPage>;
export type TFormSchema = z.infer<typeof ZFormSchema>;
export type TFieldType = TField["type"];
export type TFieldOfType<K extends TFieldType> = Extract<TField, { type: K }>;

// ---- Answers ----------------------------------------------------------------------------------

/** A file already stored by the upload service; the form only keeps references. */
export const ZFileRef = z.strictObject({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(255),
  size: z.int().min(0),
  type: z.string().min(1).max(200),
});
export type TFileRef = z.infer<typeof ZFileRef>;

export type TAddress = { street: string; postalCode: string; city: string; province: string };

export type TAnswerValue = string | number | boolean | string[] | TAddress | TFileRef[] | TAnswers[];
/** Answers are flat by field key across pages; a group's value is an array of item answers. */
export type TAnswers = { [key: string]: TAnswerValue | undefined };

/** Input as it comes from a browser or a stored draft: anything. */
export type TRawAnswers = Record<string, unknown>;

/** Fields that carry a value (everything but static text). */
export function hasValue(field: TField): boolean {
  return field.type !== "static";
}

/** Every top-level field with the page it is on, in form order. */
export function allFields(schema: TFormSchema): { field: TField; page: TFormPage; pageIndex: number }[] {
  return schema.pages.flatMap((page, pageIndex) => page.fields.map((field) => ({ field, page, pageIndex })));
}
