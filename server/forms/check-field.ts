import type { TFieldErrorValues } from "./field-error";
import type { TAddress, TAnswerValue, TField, TFieldOfType, TFileKind, TFileRef } from "./schema";
import { ZFileRef } from "./schema";
import { checkDate } from "./validators/date";
import { checkEmail } from "./validators/email";
import { checkFiscalCode } from "./validators/fiscal-code";
import { checkIban } from "./validators/iban";
import { checkNumber } from "./validators/number";
import { checkItalianPhone } from "./validators/phone";
import { isEmptyValue } from "./visibility";

// Checks one non-empty value of a leaf field and returns its normalised form. Requiredness and
// visibility are the caller's (build-validator.ts): here a value is present and must be right.

export type TFieldIssue = { path: (string | number)[]; error: string; values?: TFieldErrorValues };
export type TFieldResult = { value?: TAnswerValue; issues: TFieldIssue[] };

export type TCheckContext = { today: string; mode: "draft" | "submit" };

/** MIME types the upload service reports for each kind it accepts (it sniffs the bytes). */
export const FILE_KIND_MIME: Record<TFileKind, string[]> = {
  pdf: ["application/pdf"],
  jpeg: ["image/jpeg"],
  png: ["image/png"],
  p7m: ["application/pkcs7-mime", "application/x-pkcs7-mime", "application/pkcs7-signature"],
};

const FILE_KIND_LABEL: Record<TFileKind, string> = { pdf: "PDF", jpeg: "JPEG", png: "PNG", p7m: "P7M" };

const one = (error: string, values?: TFieldErrorValues, path: (string | number)[] = []): TFieldResult => ({
  issues: [values ? { path, error, values } : { path, error }],
});

function checkText(field: TFieldOfType<"text" | "textarea">, raw: unknown): TFieldResult {
  if (typeof raw !== "string" && typeof raw !== "number") return one("invalidType");
  // Single-line text loses stray line breaks; long text keeps them.
  const value = field.type === "text" ? String(raw).trim().replace(/\s*\n\s*/g, " ") : String(raw).trim();
  const length = [...value].length;
  if (field.minLength !== undefined && length < field.minLength) return one("tooShort", { min: field.minLength, length });
  const max = field.maxLength ?? (field.type === "text" ? 500 : 10_000);
  if (length > max) return one("tooLong", { max, length });
  if (field.pattern) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(`^(?:${field.pattern})$`, "u");
    } catch {
      re = null; // validate-schema reports bad patterns; a live form must not crash on one.
    }
    if (re && !re.test(value)) return field.patternMessage ? one("patternCustom", { message: field.patternMessage }) : one("pattern");
  }
  return { value, issues: [] };
}

function fromCheck(check: { ok: true; value: TAnswerValue } | { ok: false; error: string; values?: TFieldErrorValues }): TFieldResult {
  return check.ok ? { value: check.value, issues: [] } : one(check.error, check.values);
}

function asString(raw: unknown): string | null {
  return typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : null;
}

function checkChoice(field: TFieldOfType<"select" | "radio">, raw: unknown): TFieldResult {
  const s = asString(raw);
  if (s === null || !field.options.some((o) => o.value === s)) return one("optionInvalid");
  return { value: s, issues: [] };
}

function checkCheckboxes(field: TFieldOfType<"checkboxes">, raw: unknown, ctx: TCheckContext): TFieldResult {
  // A single checkbox in react-hook-form may come as a lone string.
  const list = typeof raw === "string" ? [raw] : raw;
  if (!Array.isArray(list) || !list.every((v) => typeof v === "string")) return one("invalidType");
  const allowed = new Set(field.options.map((o) => o.value));
  if (!list.every((v) => allowed.has(v))) return one("optionInvalid");
  // Keep the form's option order and drop duplicates.
  const value = field.options.map((o) => o.value).filter((v) => list.includes(v));
  if (ctx.mode === "submit" && field.minItems !== undefined && value.length < field.minItems) return one("tooFewSelected", { min: field.minItems });
  if (field.maxItems !== undefined && value.length > field.maxItems) return one("tooManySelected", { max: field.maxItems });
  return { value, issues: [] };
}

function checkYesNo(raw: unknown): TFieldResult {
  if (typeof raw === "boolean") return { value: raw, issues: [] };
  const s = typeof raw === "string" ? raw.trim().toLowerCase() : "";
  if (["true", "yes", "si", "sì"].includes(s)) return { value: true, issues: [] };
  if (["false", "no"].includes(s)) return { value: false, issues: [] };
  return one("yesNoInvalid");
}

function checkAddress(raw: unknown, ctx: TCheckContext): TFieldResult {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return one("invalidType");
  const a = raw as Record<string, unknown>;
  const part = (k: string) => (typeof a[k] === "string" ? (a[k] as string).trim().replace(/\s+/g, " ") : typeof a[k] === "number" ? String(a[k]) : "");
  const value: TAddress = { street: part("street"), postalCode: part("postalCode"), city: part("city"), province: part("province").toUpperCase() };
  const issues: TFieldIssue[] = [];
  // An address is usable for letters and checks only when complete; a draft may be half typed.
  const complete = ctx.mode === "submit";
  if (complete && !value.street) issues.push({ path: ["street"], error: "addressStreetRequired" });
  if (complete && !value.postalCode) issues.push({ path: ["postalCode"], error: "addressPostalCodeRequired" });
  else if (value.postalCode && !/^[0-9]{5}$/.test(value.postalCode)) issues.push({ path: ["postalCode"], error: "addressPostalCodeInvalid" });
  if (complete && !value.city) issues.push({ path: ["city"], error: "addressCityRequired" });
  if (complete && !value.province) issues.push({ path: ["province"], error: "addressProvinceRequired" });
  else if (value.province && !/^[A-Z]{2}$/.test(value.province)) issues.push({ path: ["province"], error: "addressProvinceInvalid" });
  return issues.length ? { issues } : { value, issues };
}

function checkFiles(field: TFieldOfType<"file">, raw: unknown): TFieldResult {
  const list = Array.isArray(raw) ? raw : [raw];
  const files: TFileRef[] = [];
  for (const item of list) {
    const parsed = ZFileRef.safeParse(item);
    if (!parsed.success) return one("fileInvalid");
    files.push(parsed.data);
  }
  const maxFiles = field.multiple ? (field.maxFiles ?? 10) : 1;
  if (files.length > maxFiles) return one(maxFiles === 1 ? "tooManyFilesOne" : "tooManyFiles", { max: maxFiles });
  const issues: TFieldIssue[] = [];
  const kinds = field.accept ?? [];
  const allowed = new Set(kinds.flatMap((k) => FILE_KIND_MIME[k]));
  const types = kinds.map((k) => FILE_KIND_LABEL[k]).join(", ");
  files.forEach((f, i) => {
    if (!allowed.has(f.type.toLowerCase())) issues.push({ path: [i], error: "fileType", values: { name: f.name, types } });
    else if (f.size > field.maxSizeMb * 1024 * 1024) issues.push({ path: [i], error: "fileTooLarge", values: { name: f.name, max: field.maxSizeMb } });
  });
  return issues.length ? { issues } : { value: files, issues };
}

/** Checks a present (non-empty) value of a leaf field; groups are handled by the caller. */
export function checkLeafValue(field: Exclude<TField, { type: "group" }>, raw: unknown, ctx: TCheckContext): TFieldResult {
  switch (field.type) {
    case "text":
    case "textarea":
      return checkText(field, raw);
    case "number":
      return fromCheck(checkNumber(raw, field));
    case "date": {
      const s = asString(raw);
      return s === null ? one("dateInvalid") : fromCheck(checkDate(s, { min: field.min, max: field.max, today: ctx.today }));
    }
    case "email": {
      const s = asString(raw);
      return s === null ? one("emailInvalid") : fromCheck(checkEmail(s));
    }
    case "phone": {
      const s = asString(raw);
      return s === null ? one("phoneInvalid") : fromCheck(checkItalianPhone(s));
    }
    case "fiscalCode": {
      const s = asString(raw);
      return s === null ? one("fiscalCodeFormat") : fromCheck(checkFiscalCode(s));
    }
    case "iban": {
      const s = asString(raw);
      return s === null ? one("ibanFormat") : fromCheck(checkIban(s, { italianOnly: field.italianOnly }));
    }
    case "select":
    case "radio":
      return checkChoice(field, raw);
    case "checkboxes":
      return checkCheckboxes(field, raw, ctx);
    case "yesno":
      return checkYesNo(raw);
    case "address":
      return checkAddress(raw, ctx);
    case "file":
      return checkFiles(field, raw);
    case "static":
      return { issues: [] };
  }
}

export { isEmptyValue };
