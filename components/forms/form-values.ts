import type { TField, TFormSchema, TRawAnswers } from "@/server/forms/schema";

// Stored answers → what the form inputs hold: yes/no as "true"/"false" (radio values), numbers as
// text (typed the Italian way), groups item by item. The validator turns them back.

function toInput(field: TField, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (field.type === "yesno" && typeof value === "boolean") return String(value);
  if (field.type === "number" && typeof value === "number") return String(value).replace(".", ",");
  if (field.type === "group" && Array.isArray(value)) {
    return value.map((item) => {
      if (!item || typeof item !== "object") return {};
      const out: TRawAnswers = { ...(item as TRawAnswers) };
      for (const sub of field.fields) if (sub.key in out) out[sub.key] = toInput(sub, out[sub.key]);
      return out;
    });
  }
  return value;
}

export function toFormValues(schema: TFormSchema, data: TRawAnswers): TRawAnswers {
  const out: TRawAnswers = { ...data };
  for (const page of schema.pages) for (const field of page.fields) if (field.key in out) out[field.key] = toInput(field, out[field.key]);
  return out;
}
