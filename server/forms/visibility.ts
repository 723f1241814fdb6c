import type { TCondition, TField, TFormSchema, TRawAnswers } from "./schema";
import { allFields, hasValue } from "./schema";

// Show-if conditions, evaluated on raw answers (what the browser holds while the citizen types),
// so comparisons are lenient about representation: a yes/no radio may still be "true" not true.
// A field inside a group refers first to a sibling in the same item, then to the form's fields.

/** True for values that mean "not answered": undefined, null, blank text, [], all-blank address. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (typeof value === "number") return Number.isNaN(value);
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).every(isEmptyValue);
  return false;
}

function normalize(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const s = v.trim();
  if (s === "true") return true;
  if (s === "false") return false;
  return s;
}

function looseEquals(a: unknown, b: unknown): boolean {
  const x = normalize(a);
  const y = normalize(b);
  if (x === y) return true;
  return (typeof x === "number" || typeof y === "number") && typeof x !== "object" && typeof y !== "object" && String(x) === String(y);
}

/** A value matches when equal, or (for checkboxes and files) when the list contains it. */
function matches(value: unknown, expected: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => looseEquals(v, expected));
  return looseEquals(value, expected);
}

/** Looks a condition's field up: the group item's own answers first, then the whole form's. */
function lookup(field: string, answers: TRawAnswers, item?: TRawAnswers): unknown {
  if (item && field in item) return item[field];
  return answers[field];
}

export function evaluateCondition(condition: TCondition, answers: TRawAnswers, item?: TRawAnswers): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluateCondition(c, answers, item));
  if ("any" in condition) return condition.any.some((c) => evaluateCondition(c, answers, item));
  const value = lookup(condition.field, answers, item);
  if ("equals" in condition) return matches(value, condition.equals);
  if ("in" in condition) return condition.in.some((expected) => matches(value, expected));
  return !isEmptyValue(value);
}

/**
 * Whether a field shows given the answers as they are. For a field inside a group pass the
 * item's answers too. Cascades (A hides B, B controls C) are handled by effectiveAnswers.
 */
export function isFieldVisible(field: TField, answers: TRawAnswers, item?: TRawAnswers): boolean {
  return !field.showIf || evaluateCondition(field.showIf, answers, item);
}

/**
 * The answers with every hidden field's value removed, repeated until stable, so that a field
 * controlled by a hidden one is judged as if that one were unanswered. Group items are
 * cleaned the same way. Unknown keys are kept (callers that must drop them do so).
 */
export function effectiveAnswers(schema: TFormSchema, answers: TRawAnswers): TRawAnswers {
  const fields = allFields(schema).map((f) => f.field);
  let current: TRawAnswers = { ...answers };
  // Hiding only removes values, so this terminates; the bound guards against surprises.
  for (let pass = 0; pass <= fields.length; pass++) {
    let changed = false;
    const next: TRawAnswers = { ...current };
    for (const field of fields) {
      if (!(field.key in next)) continue;
      if (!isFieldVisible(field, current)) {
        delete next[field.key];
        changed = true;
      } else if (field.type === "group" && Array.isArray(next[field.key])) {
        next[field.key] = (next[field.key] as unknown[]).map((item) => cleanItem(field.fields, current, item));
      }
    }
    if (!changed) return next;
    current = next;
  }
  return current;
}

function cleanItem(fields: TField[], answers: TRawAnswers, item: unknown): unknown {
  if (!item || typeof item !== "object" || Array.isArray(item)) return item;
  let current = { ...(item as TRawAnswers) };
  for (let pass = 0; pass <= fields.length; pass++) {
    const next = { ...current };
    for (const f of fields) if (f.key in next && !isFieldVisible(f, answers, current)) delete next[f.key];
    if (Object.keys(next).length === Object.keys(current).length) return next;
    current = next;
  }
  return current;
}

/** The fields the citizen sees, per page, given the answers (static text included). */
export function visibleFields(schema: TFormSchema, answers: TRawAnswers): { pageKey: string; fields: TField[] }[] {
  const effective = effectiveAnswers(schema, answers);
  return schema.pages.map((page) => ({ pageKey: page.key, fields: page.fields.filter((f) => isFieldVisible(f, effective)) }));
}

/** Keys of the value-carrying fields that are visible, across pages. */
export function visibleValueKeys(schema: TFormSchema, answers: TRawAnswers): Set<string> {
  return new Set(visibleFields(schema, answers).flatMap((p) => p.fields.filter(hasValue).map((f) => f.key)));
}

/**
 * The keys of the pages the citizen goes through: a page whose questions are all hidden by
 * show-if conditions (e.g. "the other person's data" when applying for oneself) is skipped. A page
 * of static text only is always shown.
 */
export function shownPageKeys(schema: TFormSchema, answers: TRawAnswers): string[] {
  return visibleFields(schema, answers)
    .filter((p, i) => p.fields.some(hasValue) || schema.pages[i]!.fields.every((f) => !hasValue(f)))
    .map((p) => p.pageKey);
}
