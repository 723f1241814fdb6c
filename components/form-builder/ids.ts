import type { TSchemaPath } from "@/server/forms/validate-schema";
import type { TFieldPath } from "./builder-state";

// DOM ids of the builder's inputs, derived from where they are in the form, so that a problem
// (which has a path) can take the focus to the input that fixes it.

export const pageDomId = (page: number) => `fb-p${page}`;
export const fieldDomId = (path: TFieldPath) => `fb-p${path.page}-f${path.field}${path.sub === undefined ? "" : `-s${path.sub}`}`;
/** The input of one property of a field: fb-p0-f2-label, fb-p0-f2-s1-options. */
export const propDomId = (path: TFieldPath, prop: string) => `${fieldDomId(path)}-${prop}`;

/** Which inputs may fix a problem at `property`, best first (a field-level problem such as
 * "min > max" goes to the first limit the field has). */
const CANDIDATES: Record<string, string[]> = {
  "": ["min", "minLength", "minItems", "label", "text"],
  options: ["options-0-label", "options-add"],
  showIf: ["showIf"],
  accept: ["accept-pdf"],
  fields: ["fields-add"],
};

/** Ids to try, in order, for a problem at `path`; the field and page it is about. */
export function problemTarget(path: TSchemaPath): { page: number | null; field: TFieldPath | null; ids: string[] } {
  if (path[0] !== "pages" || typeof path[1] !== "number") return { page: null, field: null, ids: [] };
  const page = path[1];
  if (path[2] !== "fields" || typeof path[3] !== "number") {
    const prop = typeof path[2] === "string" ? path[2] : "title";
    return { page, field: null, ids: [`${pageDomId(page)}-${prop === "fields" ? "fields-add" : prop}`, `${pageDomId(page)}-title`] };
  }
  const nested = path[4] === "fields" && typeof path[5] === "number";
  const field: TFieldPath = nested ? { page, field: path[3], sub: path[5] as number } : { page, field: path[3] };
  const rest = path.slice(nested ? 6 : 4);
  const prop = rest[0] === undefined ? "" : String(rest[0]);
  const specific = prop === "options" && typeof rest[1] === "number" ? [`options-${rest[1]}-${rest[2] === "value" ? "value" : "label"}`] : [];
  const ids = [...specific, ...(CANDIDATES[prop] ?? [prop]), "label", "text"].map((p) => propDomId(field, p));
  return { page, field, ids: [...ids, fieldDomId(field)] };
}
