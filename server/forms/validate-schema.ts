import type { TCondition, TField, TFormSchema } from "./schema";
import { ZFormSchema } from "./schema";
import { resolveDateRule } from "./validators/date";

// Checks a form schema as a whole, beyond its JSON shape: what would make the form impossible to
// fill or ambiguous to read. Every problem comes with its path so the form builder (issue 5) can
// point at the field; `code` doubles as the i18n key forms.schemaProblems.<code>.

export type TSchemaPath = (string | number)[];
export type TSchemaProblem = { path: TSchemaPath; code: string; values?: Record<string, string | number>; message: string };

/** Which field types each identity source can fill (the form builder offers only these). */
export const PREFILL_TYPES: Record<string, TField["type"][]> = {
  fiscalCode: ["fiscalCode", "text"],
  givenName: ["text"],
  familyName: ["text"],
  birthDate: ["date"],
  email: ["email", "text"],
  phone: ["phone", "text"],
  domicile: ["address"],
};

function conditionRefs(c: TCondition, path: TSchemaPath): { field: string; path: TSchemaPath; equals: unknown[] }[] {
  if ("all" in c) return c.all.flatMap((x, i) => conditionRefs(x, [...path, "all", i]));
  if ("any" in c) return c.any.flatMap((x, i) => conditionRefs(x, [...path, "any", i]));
  const equals = "equals" in c ? [c.equals] : "in" in c ? c.in : [];
  return [{ field: c.field, path, equals }];
}

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

export function formSchemaProblems(schema: TFormSchema): TSchemaProblem[] {
  const problems: TSchemaProblem[] = [];
  const add = (path: TSchemaPath, code: string, message: string, values?: Record<string, string | number>) =>
    problems.push(values ? { path, code, message, values } : { path, code, message });

  const pageKeys = new Set<string>();
  schema.pages.forEach((page, p) => {
    if (pageKeys.has(page.key)) add(["pages", p, "key"], "duplicatePageKey", `Page key "${page.key}" is used twice`, { key: page.key });
    pageKeys.add(page.key);
  });

  // Top-level fields: key → page index and field.
  const topLevel = new Map<string, { pageIndex: number; field: TField }>();
  schema.pages.forEach((page, p) =>
    page.fields.forEach((field, f) => {
      if (topLevel.has(field.key)) add(["pages", p, "fields", f, "key"], "duplicateKey", `Field key "${field.key}" is used twice`, { key: field.key });
      else topLevel.set(field.key, { pageIndex: p, field });
    }),
  );

  const checkField = (field: TField, path: TSchemaPath, pageIndex: number, group: { field: TField & { type: "group" } } | null) => {
    // show-if targets
    if (field.showIf) {
      for (const ref of conditionRefs(field.showIf, [...path, "showIf"])) {
        const sibling = group?.field.type === "group" ? group.field.fields.find((s) => s.key === ref.field) : undefined;
        const top = topLevel.get(ref.field);
        const target = sibling ?? top?.field;
        if (ref.field === field.key) {
          add(ref.path, "showIfSelf", `Field "${field.key}" depends on itself`, { key: field.key });
        } else if (!target) {
          add(ref.path, "showIfMissingField", `show-if refers to "${ref.field}", which does not exist`, { field: ref.field });
        } else if (!sibling && top && top.pageIndex > pageIndex) {
          add(ref.path, "showIfLaterPage", `show-if refers to "${ref.field}", which is on a later page`, { field: ref.field });
        } else if (target.type === "static") {
          add(ref.path, "showIfStatic", `show-if refers to "${ref.field}", a static text without a value`, { field: ref.field });
        } else if ((target.type === "select" || target.type === "radio" || target.type === "checkboxes") && ref.equals.length) {
          for (const v of ref.equals) {
            if (!target.options.some((o) => o.value === String(v))) add(ref.path, "showIfUnknownOption", `show-if compares "${ref.field}" with "${String(v)}", which is not one of its options`, { field: ref.field, value: String(v) });
          }
        } else if (target.type === "yesno") {
          // visibility.ts reads "true"/"false" as booleans; anything else never matches.
          for (const v of ref.equals) {
            if (typeof v !== "boolean" && v !== "true" && v !== "false") add(ref.path, "showIfNotYesNo", `show-if compares the yes/no "${ref.field}" with "${String(v)}"`, { field: ref.field, value: String(v) });
          }
        }
      }
    }
    if (field.type === "static") return;

    // prefill
    if (field.prefill) {
      if (group) add([...path, "prefill"], "prefillInGroup", `Fields inside a group can't be prefilled`);
      else if (!PREFILL_TYPES[field.prefill]!.includes(field.type)) add([...path, "prefill"], "prefillIncompatible", `"${field.prefill}" can't fill a ${field.type} field`, { source: field.prefill, type: field.type });
    }
    if (field.readOnlyFromIdentity && !field.prefill) add([...path, "readOnlyFromIdentity"], "readOnlyWithoutPrefill", `Read-only from identity needs a prefill source`);

    switch (field.type) {
      case "text":
      case "textarea":
        if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) add(path, "minGreaterThanMax", `minLength > maxLength`, { min: field.minLength, max: field.maxLength });
        if (field.pattern !== undefined && !isValidRegex(field.pattern)) add([...path, "pattern"], "patternInvalid", `Invalid regular expression`, { pattern: field.pattern });
        break;
      case "number":
        if (field.min !== undefined && field.max !== undefined && field.min > field.max) add(path, "minGreaterThanMax", `min > max`, { min: field.min, max: field.max });
        break;
      case "date":
        // Relative rules compare the same on any day: resolve both against one fixed date.
        if (field.min && field.max && resolveDateRule(field.min, "2000-06-15") > resolveDateRule(field.max, "2000-06-15")) {
          add(path, "minGreaterThanMax", `min date after max date`, { min: field.min, max: field.max });
        }
        break;
      case "select":
      case "radio":
      case "checkboxes": {
        if (field.options.length === 0) add([...path, "options"], "optionsMissing", `A choice field needs options`);
        const seen = new Set<string>();
        field.options.forEach((o, i) => {
          if (seen.has(o.value)) add([...path, "options", i, "value"], "optionDuplicate", `Option value "${o.value}" is used twice`, { value: o.value });
          seen.add(o.value);
        });
        if (field.type === "checkboxes") {
          if (field.minItems !== undefined && field.maxItems !== undefined && field.minItems > field.maxItems) add(path, "minGreaterThanMax", `minItems > maxItems`, { min: field.minItems, max: field.maxItems });
          if (field.minItems !== undefined && field.minItems > field.options.length) add([...path, "minItems"], "minItemsAboveOptions", `minItems exceeds the number of options`, { min: field.minItems });
        }
        break;
      }
      case "file":
        if (!field.accept || field.accept.length === 0) add([...path, "accept"], "fileAcceptMissing", `A file field must say which types it accepts`);
        break;
      case "group": {
        if (group) {
          add(path, "groupNested", `Groups can't contain groups`);
          break;
        }
        if (field.minItems !== undefined && field.maxItems !== undefined && field.minItems > field.maxItems) add(path, "minGreaterThanMax", `minItems > maxItems`, { min: field.minItems, max: field.maxItems });
        const subKeys = new Set<string>();
        field.fields.forEach((sub, s) => {
          if (subKeys.has(sub.key)) add([...path, "fields", s, "key"], "duplicateKey", `Field key "${sub.key}" is used twice in the group`, { key: sub.key });
          subKeys.add(sub.key);
          checkField(sub, [...path, "fields", s], pageIndex, { field });
        });
        break;
      }
    }
  };

  schema.pages.forEach((page, p) => page.fields.forEach((field, f) => checkField(field, ["pages", p, "fields", f], p, null)));

  // Fields that show only if each other (A if B, B if A, directly or through others): none of
  // them can ever appear once one is hidden. Top-level fields among themselves, then each
  // group's fields among their siblings.
  const reportCycles = (fields: { field: TField; path: TSchemaPath }[]) => {
    const byKey = new Map(fields.map((f) => [f.field.key, f]));
    const deps = (f: TField) => (f.showIf ? conditionRefs(f.showIf, []).map((r) => r.field).filter((k) => k !== f.key && byKey.has(k)) : []);
    const state = new Map<string, "visiting" | "done">();
    const inCycle = new Set<string>();
    const visit = (key: string, stack: string[]) => {
      if (state.get(key) === "done") return;
      if (state.get(key) === "visiting") {
        stack.slice(stack.indexOf(key)).forEach((k) => inCycle.add(k));
        return;
      }
      state.set(key, "visiting");
      for (const next of deps(byKey.get(key)!.field)) visit(next, [...stack, key]);
      state.set(key, "done");
    };
    for (const f of fields) visit(f.field.key, []);
    for (const f of fields) if (inCycle.has(f.field.key)) add([...f.path, "showIf"], "showIfCycle", `Field "${f.field.key}" depends on itself through other fields`, { key: f.field.key });
  };
  const top = schema.pages.flatMap((page, p) => page.fields.map((field, f) => ({ field, path: ["pages", p, "fields", f] as TSchemaPath })));
  reportCycles(top.filter((f, i) => top.findIndex((g) => g.field.key === f.field.key) === i));
  for (const { field, path } of top) {
    if (field.type === "group") reportCycles(field.fields.map((sub, s) => ({ field: sub, path: [...path, "fields", s] })));
  }
  return problems;
}

/** Parses and checks a schema from JSON (the builder, the database): the schema or every problem. */
export function validateFormSchema(input: unknown): { ok: true; schema: TFormSchema } | { ok: false; problems: TSchemaProblem[] } {
  const parsed = ZFormSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.map((x) => (typeof x === "symbol" ? String(x) : x)), code: "structure", message: i.message })) };
  }
  const problems = formSchemaProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, schema: parsed.data };
}
