import type { TAddress, TAnswers, TField, TFileRef, TFormSchema, TRawAnswers } from "./schema";
import { formatItalianDate } from "./validators/date";
import { formatIban } from "./validators/iban";
import { formatEuro, formatItalianNumber } from "./validators/number";
import { effectiveAnswers, isEmptyValue, isFieldVisible } from "./visibility";

// What the citizen answered, in form order and in words: the summary page before submitting,
// the PDF receipt and the operator's view all show the same thing. Italian display values.

export const NOT_ANSWERED = "Non indicato";

export type TSummaryItem = {
  key: string;
  label: string;
  /** Human-readable value; for groups a count ("2 componenti" is left to the UI: here "2"). */
  display: string;
  /** Only for groups: one entry per item, each with its own items. */
  groupItems?: { label: string; items: TSummaryItem[] }[];
};
export type TSummaryPage = { pageKey: string; pageTitle: string; items: TSummaryItem[] };

function displayAddress(a: TAddress): string {
  const place = [a.postalCode, a.city].filter(Boolean).join(" ");
  return [a.street, place].filter(Boolean).join(", ") + (a.province ? ` (${a.province})` : "");
}

/** The display text of one (non-group) value. */
export function displayValue(field: TField, value: unknown): string {
  if (isEmptyValue(value)) return NOT_ANSWERED;
  switch (field.type) {
    case "select":
    case "radio":
      return field.options.find((o) => o.value === value)?.label ?? String(value);
    case "checkboxes":
      return (Array.isArray(value) ? value : [value]).map((v) => field.options.find((o) => o.value === v)?.label ?? String(v)).join("; ");
    case "yesno":
      return value === true || value === "true" ? "Sì" : "No";
    case "date":
      return formatItalianDate(String(value));
    case "number": {
      if (typeof value === "number" && field.unit === "€") return formatEuro(value);
      const n = typeof value === "number" ? formatItalianNumber(value) : String(value);
      return field.unit ? `${n} ${field.unit}` : n;
    }
    case "iban":
      return formatIban(String(value));
    case "address":
      return typeof value === "object" && value ? displayAddress(value as TAddress) : String(value);
    case "file":
      return (Array.isArray(value) ? (value as TFileRef[]) : []).map((f) => f.name).join(", ");
    default:
      return String(value);
  }
}

function summarizeField(field: TField, value: unknown, answers: TRawAnswers): TSummaryItem {
  if (field.type !== "group") return { key: field.key, label: field.label ?? "", display: displayValue(field, value) };
  const list = Array.isArray(value) ? (value as TRawAnswers[]) : [];
  const itemLabel = field.itemLabel ?? field.label;
  return {
    key: field.key,
    label: field.label,
    display: list.length ? String(list.length) : NOT_ANSWERED,
    groupItems: list.map((item, i) => ({
      label: `${itemLabel} ${i + 1}`,
      items: field.fields.filter((sub) => sub.type !== "static" && isFieldVisible(sub, answers, item)).map((sub) => summarizeField(sub, item[sub.key], answers)),
    })),
  };
}

/** Visible, value-carrying fields per page (pages with nothing to show are left out). */
export function summarizeAnswers(schema: TFormSchema, answers: TAnswers | TRawAnswers): TSummaryPage[] {
  const effective = effectiveAnswers(schema, answers);
  return schema.pages
    .map((page) => ({
      pageKey: page.key,
      pageTitle: page.title,
      items: page.fields.filter((f) => f.type !== "static" && isFieldVisible(f, effective)).map((f) => summarizeField(f, effective[f.key], effective)),
    }))
    .filter((p) => p.items.length > 0);
}
