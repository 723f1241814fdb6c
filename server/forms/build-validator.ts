import { z } from "zod";
import { checkLeafValue, type TCheckContext, type TFieldIssue, type TFieldResult } from "./check-field";
import { encodeFieldError } from "./field-error";
import type { TAnswers, TAnswerValue, TField, TFieldOfType, TFormSchema, TRawAnswers } from "./schema";
import { todayInRome } from "./validators/date";
import { effectiveAnswers, isEmptyValue, isFieldVisible } from "./visibility";

// One function turns a form schema into the zod validator of its answers: react-hook-form uses
// it in the browser (zodResolver) and the server runs it again on every save and submission,
// trusting nothing the client sent. Hidden fields (show-if false) are neither checked nor kept.

export type TValidationMode = "draft" | "submit";
export type TBuildValidatorOptions = {
  /** Validate only the fields of this page (the step the citizen is on). */
  pageKey?: string | undefined;
  /** "draft": nothing is required, but values present must be right. "submit": everything. */
  mode: TValidationMode;
  /** "yyyy-mm-dd" used for "today" in date rules; defaults to today in Rome. For tests. */
  today?: string | undefined;
};

export type TAnswersIssue = TFieldIssue;

/** Empty and required: a message that says what to do for this kind of field. */
const REQUIRED_ERROR: Partial<Record<TField["type"], string>> = {
  select: "requiredChoice",
  radio: "requiredChoice",
  yesno: "requiredChoice",
  checkboxes: "requiredCheckbox",
  file: "requiredFile",
  group: "requiredGroup",
};

function checkGroup(field: TFieldOfType<"group">, raw: unknown, answers: TRawAnswers, ctx: TCheckContext): TFieldResult {
  if (!Array.isArray(raw)) return { issues: [{ path: [], error: "invalidType" }] };
  const issues: TFieldIssue[] = [];
  if (ctx.mode === "submit" && field.minItems !== undefined && raw.length < field.minItems) {
    issues.push({ path: [], error: "groupTooFew", values: { min: field.minItems } });
  }
  if (field.maxItems !== undefined && raw.length > field.maxItems) {
    issues.push({ path: [], error: "groupTooMany", values: { max: field.maxItems } });
  }
  const items: TAnswers[] = raw.map((item, index) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      issues.push({ path: [index], error: "invalidType" });
      return {};
    }
    const out: TAnswers = {};
    for (const sub of field.fields) {
      if (!isFieldVisible(sub, answers, item as TRawAnswers)) continue;
      const result = checkValue(sub, (item as TRawAnswers)[sub.key], answers, ctx);
      for (const i of result.issues) issues.push({ ...i, path: [index, sub.key, ...i.path] });
      if (result.value !== undefined) out[sub.key] = result.value;
    }
    return out;
  });
  return issues.length ? { issues } : { value: items, issues };
}

function checkValue(field: TField, raw: unknown, answers: TRawAnswers, ctx: TCheckContext): TFieldResult {
  if (field.type === "static") return { issues: [] };
  if (isEmptyValue(raw)) {
    const required = field.required || (field.type === "group" && (field.minItems ?? 0) > 0);
    return ctx.mode === "submit" && required ? { issues: [{ path: [], error: REQUIRED_ERROR[field.type] ?? "required" }] } : { issues: [] };
  }
  if (field.type === "group") return checkGroup(field, raw, answers, ctx);
  return checkLeafValue(field, raw, ctx);
}

/**
 * Checks answers against a schema without throwing: the clean answers (visible, valid, normalised
 * values of the fields in scope) and every problem with its path. Saving a draft uses this
 * directly: store what the citizen typed, show the issues.
 */
export function validateAnswers(schema: TFormSchema, raw: TRawAnswers, opts: TBuildValidatorOptions): { answers: TAnswers; issues: TAnswersIssue[] } {
  const pages = opts.pageKey === undefined ? schema.pages : schema.pages.filter((p) => p.key === opts.pageKey);
  if (pages.length === 0) throw new Error(`Unknown form page "${opts.pageKey}"`);
  const ctx: TCheckContext = { mode: opts.mode, today: opts.today ?? todayInRome() };
  const effective = effectiveAnswers(schema, raw);
  const answers: TAnswers = {};
  const issues: TAnswersIssue[] = [];
  for (const page of pages) {
    for (const field of page.fields) {
      if (!isFieldVisible(field, effective)) continue;
      const result = checkValue(field, effective[field.key], effective, ctx);
      for (const i of result.issues) issues.push({ ...i, path: [field.key, ...i.path] });
      if (result.value !== undefined) answers[field.key] = result.value as TAnswerValue;
    }
  }
  return { answers, issues };
}

/**
 * The zod validator of a form's answers. Issue messages are encoded i18n keys
 * ("forms.errors.<name>|{values}"); show them with formatFieldError. Its output holds only the
 * visible fields in scope, normalised (numbers parsed, codes upper-cased, yes/no as booleans).
 */
export function buildValidator(schema: TFormSchema, opts: TBuildValidatorOptions = { mode: "submit" }): z.ZodType<TAnswers, TRawAnswers> {
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const { answers, issues } = validateAnswers(schema, raw, opts);
    if (issues.length === 0) return answers;
    for (const issue of issues) {
      ctx.addIssue({ code: "custom", message: encodeFieldError(issue.error, issue.values), path: issue.path, input: raw });
    }
    return z.NEVER;
  });
}
