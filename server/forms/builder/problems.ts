import type { z } from "zod";
import { FIELD_KEY_PATTERN, ZFormSchema, type TFormSchema } from "../schema";
import { formSchemaProblems, type TSchemaPath } from "../validate-schema";

// What the form builder says is wrong with a form, for the problems panel (live, in the browser)
// and for the server's save, publish and import. Two kinds:
//   - structure: the JSON does not have the shape of a form (ZFormSchema): a draft like that is
//     not saved, an import is refused. zod's issues become i18n keys formBuilder.structure.<kind>
//     so that an Italian administrator reads Italian, wherever the JSON came from.
//   - semantic: validate-schema's formSchemaProblems (forms.schemaProblems.<code>): a draft with
//     them is saved (work is never lost) but not published.
// Pure: the builder's client components import it.

export type TBuilderProblem = {
  path: TSchemaPath;
  /** Full i18n key: "formBuilder.structure.missing", "forms.schemaProblems.duplicateKey". */
  key: string;
  values?: Record<string, string | number>;
  /** Structural: the draft can't even be saved. */
  blocking: boolean;
};

type TIssue = z.core.$ZodIssue;

const at = (v: unknown, i: string | number): unknown => (v && typeof v === "object" ? (v as Record<string | number, unknown>)[i] : undefined);
const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(", ");

/** One zod issue → its i18n key and values. */
function structureKey(issue: TIssue, input: unknown): { kind: string; values?: Record<string, string | number> } {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case "invalid_type":
      return issue.path.reduce<unknown>((v, k) => at(v, k as string | number), input) === undefined ? { kind: "missing" } : { kind: "wrongType", values: { expected: issue.expected } };
    case "invalid_value":
      return { kind: "notAllowed", values: { allowed: list(issue.values) } };
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator === "type") return { kind: "unknownType", values: { allowed: list((issue as { options?: unknown[] }).options ?? []) } };
      return issue.path.includes("showIf") ? { kind: "invalidCondition" } : { kind: "invalid" };
    case "unrecognized_keys":
      return { kind: "unknownProperty", values: { keys: issue.keys.join(", "), count: issue.keys.length } };
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? { kind: "empty" } : { kind: "tooShort", values: { min: Number(issue.minimum) } };
      if (issue.origin === "array") return { kind: last === "fields" ? "noFields" : last === "pages" ? "noPages" : "tooFewItems", values: { min: Number(issue.minimum) } };
      return { kind: "tooSmall", values: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { kind: "tooLong", values: { max: Number(issue.maximum) } };
      if (issue.origin === "array") return { kind: "tooManyItems", values: { max: Number(issue.maximum) } };
      return { kind: "tooBig", values: { max: Number(issue.maximum) } };
    case "invalid_format":
      if (last === "key" || last === "field") return { kind: "badKey" };
      if (last === "min" || last === "max") return { kind: "badDateRule" };
      return { kind: "invalid" };
    default:
      return { kind: "invalid" };
  }
}

const toPath = (path: readonly PropertyKey[]): TSchemaPath => path.map((x) => (typeof x === "number" ? x : String(x)));

/** The structural problems of any JSON value (empty when it has the shape of a form). */
export function structureProblems(input: unknown): TBuilderProblem[] {
  const parsed = ZFormSchema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const { kind, values } = structureKey(issue, input);
    return { path: toPath(issue.path), key: `formBuilder.structure.${kind}`, ...(values ? { values } : {}), blocking: true };
  });
}

function semanticProblems(schema: TFormSchema): TBuilderProblem[] {
  return formSchemaProblems(schema).map((p) => ({ path: p.path, key: `forms.schemaProblems.${p.code}`, ...(p.values ? { values: p.values } : {}), blocking: false }));
}

/**
 * Every problem of a form as the builder holds it (typed, but possibly with empty labels, bad
 * keys or pages without fields while being edited): structure first, then meaning.
 */
export function builderProblems(schema: TFormSchema): TBuilderProblem[] {
  return [...structureProblems(schema), ...semanticProblems(schema)];
}

/**
 * Checks JSON from outside (a save, an import): the form when its shape is right (with its
 * semantic problems, possibly none), else the structural problems only.
 */
export function checkFormJson(input: unknown): { schema: TFormSchema; problems: TBuilderProblem[] } | { schema: null; problems: TBuilderProblem[] } {
  const parsed = ZFormSchema.safeParse(input);
  if (!parsed.success) return { schema: null, problems: structureProblems(input) };
  return { schema: parsed.data, problems: semanticProblems(parsed.data) };
}

/** A pasted or uploaded text → JSON, or the problem saying why it isn't JSON. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: TBuilderProblem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const position = /position (\d+)/.exec(e instanceof Error ? e.message : "")?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split("\n").length;
    return { ok: false, problem: { path: [], key: line ? "formBuilder.structure.notJsonAt" : "formBuilder.structure.notJson", ...(line ? { values: { line } } : {}), blocking: true } };
  }
}

/** JSON with object keys sorted: equal forms give equal text whatever the key order (jsonb reorders). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export function sameForm(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Where a problem is, in words the builder can show: page, field, sub-field, property. */
export type TProblemPlace = {
  page?: { index: number; title: string | null };
  field?: { index: number; label: string | null; key: string | null };
  sub?: { index: number; label: string | null; key: string | null };
  /** The property below the field (or page): "key", "options", "showIf", "accept"… */
  property: string | null;
  /** Which item of that property, when it is a list (the third option: 2). */
  item?: number;
};

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);

export function problemPlace(form: unknown, path: TSchemaPath): TProblemPlace {
  const place: TProblemPlace = { property: null };
  if (path[0] !== "pages" || typeof path[1] !== "number") {
    place.property = path.length ? String(path[0]) : null;
    return place;
  }
  const page = at(at(form, "pages"), path[1]);
  place.page = { index: path[1], title: str(at(page, "title")) };
  let rest = path.slice(2);
  if (rest[0] === "fields" && typeof rest[1] === "number") {
    const field = at(at(page, "fields"), rest[1]);
    place.field = { index: rest[1], label: str(at(field, "label")), key: str(at(field, "key")) };
    rest = rest.slice(2);
    if (rest[0] === "fields" && typeof rest[1] === "number") {
      const sub = at(at(field, "fields"), rest[1]);
      place.sub = { index: rest[1], label: str(at(sub, "label")), key: str(at(sub, "key")) };
      rest = rest.slice(2);
    }
  }
  place.property = rest.length ? String(rest[0]) : null;
  if (typeof rest[1] === "number") place.item = rest[1];
  return place;
}

/** "dataDiNascita" from "Data di nascita": a key (FIELD_KEY_PATTERN) not among `taken`. */
export function keyFromLabel(label: string, taken: ReadonlySet<string>, fallback = "campo"): string {
  const words = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join("");
  if (!/^[A-Za-z]/.test(key)) key = key ? `${fallback}${key[0]!.toUpperCase()}${key.slice(1)}` : fallback;
  key = key.slice(0, 60);
  if (!FIELD_KEY_PATTERN.test(key)) key = fallback;
  if (!taken.has(key)) return key;
  for (let n = 2; ; n++) if (!taken.has(`${key}${n}`)) return `${key}${n}`;
}
