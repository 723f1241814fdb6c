import type { TFieldOfType, TFormSchema } from "@/server/forms/schema";

// Where file fields are in a form and which files the answers point to.
//
// An upload names its field by the path react-hook-form uses for it: the field's key at the top
// level ("certificatoMedico"), or group key, item index, sub-field key inside a repeatable group
// ("componenti.0.documento"). A bare sub-field key is not accepted: sub-field keys are unique
// only within their group. Attachments record the path without the index
// ("componenti.documento"): removing an item renumbers the ones after it, the field stays.

export type TFileField = TFieldOfType<"file">;

const INDEX = /^(0|[1-9][0-9]{0,2})$/;

/** The file field an upload path names, with the index-free key stored on the attachment. */
export function findFileField(schema: TFormSchema, fieldPath: string): { field: TFileField; fieldKey: string } | null {
  const parts = fieldPath.split(".");
  const top = schema.pages.flatMap((p) => p.fields).find((f) => f.key === parts[0]);
  if (!top) return null;
  if (parts.length === 1) return top.type === "file" ? { field: top, fieldKey: top.key } : null;
  if (parts.length !== 3 || top.type !== "group" || !INDEX.test(parts[1]!)) return null;
  if (Number(parts[1]) >= (top.maxItems ?? 100)) return null;
  const sub = top.fields.find((f) => f.key === parts[2]);
  return sub?.type === "file" ? { field: sub, fieldKey: `${top.key}.${sub.key}` } : null;
}

/** Every file field of the form (top level and inside groups). */
export function fileFields(schema: TFormSchema): TFileField[] {
  return schema.pages.flatMap((p) => p.fields).flatMap((f) => (f.type === "file" ? [f] : f.type === "group" ? f.fields.filter((s) => s.type === "file") : []));
}

export type TFileRefAt = {
  /** Answer path of the reference, e.g. "componenti.1.documento.0". */
  path: string;
  /** Index-free field key, as stored on attachments. */
  fieldKey: string;
  ref: { id: string; size?: unknown; type?: unknown };
};

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const isRef = (v: unknown): v is TFileRefAt["ref"] =>
  typeof v === "object" && v !== null && typeof (v as { id?: unknown }).id === "string";

/** The file references in a form's answers, with where each one is. Malformed entries are skipped. */
export function fileRefsIn(schema: TFormSchema, data: unknown): TFileRefAt[] {
  if (!data || typeof data !== "object") return [];
  const answers = data as Record<string, unknown>;
  const out: TFileRefAt[] = [];
  const collect = (value: unknown, path: string, fieldKey: string) =>
    asList(value).forEach((ref, i) => {
      if (isRef(ref)) out.push({ path: `${path}.${i}`, fieldKey, ref });
    });
  for (const field of schema.pages.flatMap((p) => p.fields)) {
    if (field.type === "file") collect(answers[field.key], field.key, field.key);
    if (field.type !== "group") continue;
    asList(answers[field.key]).forEach((item, index) => {
      if (!item || typeof item !== "object") return;
      for (const sub of field.fields) {
        if (sub.type === "file") collect((item as Record<string, unknown>)[sub.key], `${field.key}.${index}.${sub.key}`, `${field.key}.${sub.key}`);
      }
    });
  }
  return out;
}
