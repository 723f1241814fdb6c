import { keyFromLabel } from "@/server/forms/builder/problems";
import type { TCondition, TField, TFieldType, TFormPage, TFormSchema, TOption } from "@/server/forms/schema";

// The form builder's state and every edit it makes, as a pure reducer (tested without a browser):
// the form being edited, the page and field selected, and whether it changed since the last save.
// Fields are addressed by position: page, field, and for a group's fields the sub-field.
// Edits keep the form's references whole: renaming a key renames the show-if conditions that
// name it, changing an option's value changes the conditions that compare with it.

export type TFieldPath = { page: number; field: number; sub?: number | undefined };
/** Where new fields go: a page, or a group's fields. */
export type TFieldListPath = { page: number; group?: number | undefined };

/** Texts a new field, page or option starts with: the builder passes them in the user's language. */
export type TBuilderWords = {
  pageTitle: (n: number) => string;
  fieldLabel: (type: TFieldType) => string;
  option: (n: number) => string;
  staticText: string;
  groupField: string;
};

export type TBuilderState = {
  schema: TFormSchema;
  page: number;
  selected: TFieldPath | null;
  /** The selected field is new: its key follows its label until the key is edited. */
  autoKey: boolean;
  /** Bumped by every change to the form; compared with savedRevision for "unsaved changes". */
  revision: number;
  savedRevision: number;
};

export type TFieldPatch = Partial<Record<string, unknown>>;

export type TBuilderAction =
  | { type: "load"; schema: TFormSchema }
  | { type: "saved"; revision: number }
  | { type: "selectPage"; page: number }
  | { type: "selectField"; path: TFieldPath | null }
  | { type: "addPage"; words: TBuilderWords }
  | { type: "updatePage"; page: number; patch: Partial<Pick<TFormPage, "title" | "key" | "description">> }
  | { type: "movePage"; page: number; delta: -1 | 1 }
  | { type: "removePage"; page: number }
  | { type: "addField"; list: TFieldListPath; fieldType: TFieldType; words: TBuilderWords }
  /** Properties to set; undefined removes one. A new key renames the conditions naming the old one. */
  | { type: "updateField"; path: TFieldPath; patch: TFieldPatch }
  | { type: "changeFieldType"; path: TFieldPath; fieldType: TFieldType; words: TBuilderWords }
  | { type: "moveField"; path: TFieldPath; delta: -1 | 1 }
  | { type: "duplicateField"; path: TFieldPath; copySuffix: string }
  | { type: "removeField"; path: TFieldPath }
  | { type: "setOptions"; path: TFieldPath; options: TOption[] };

export function initialBuilderState(schema: TFormSchema): TBuilderState {
  return { schema, page: 0, selected: null, autoKey: false, revision: 0, savedRevision: 0 };
}

export const isDirty = (s: TBuilderState) => s.revision !== s.savedRevision;

export const samePath = (a: TFieldPath | null, b: TFieldPath | null) => !!a && !!b && a.page === b.page && a.field === b.field && a.sub === b.sub;

// ---- Reading ---------------------------------------------------------------------------------

export function fieldAt(schema: TFormSchema, path: TFieldPath): TField | undefined {
  const top = schema.pages[path.page]?.fields[path.field];
  if (path.sub === undefined) return top;
  return top?.type === "group" ? top.fields[path.sub] : undefined;
}

/** The keys a field's key must differ from: all top-level keys, or its group's siblings. */
export function keysInScope(schema: TFormSchema, path: TFieldPath | TFieldListPath, except?: TFieldPath): Set<string> {
  const inGroup = "sub" in path ? path.sub !== undefined : "group" in path && path.group !== undefined;
  if (inGroup) {
    const groupIndex = "field" in path ? path.field : path.group!;
    const group = schema.pages[path.page]?.fields[groupIndex];
    const fields = group?.type === "group" ? group.fields : [];
    return new Set(fields.filter((_, i) => !(except && except.sub === i)).map((f) => f.key));
  }
  return new Set(schema.pages.flatMap((p, pi) => p.fields.filter((_, fi) => !(except && except.sub === undefined && except.page === pi && except.field === fi)).map((f) => f.key)));
}

/** The fields a show-if may refer to: value fields before this one (earlier pages, earlier on its
 * page; for a group's field, its earlier siblings first), without the ones a sibling hides. */
export function earlierFields(schema: TFormSchema, path: TFieldPath): { field: TField; inGroup: boolean }[] {
  const out: { field: TField; inGroup: boolean }[] = [];
  const siblings = new Set<string>();
  if (path.sub !== undefined) {
    const group = schema.pages[path.page]?.fields[path.field];
    if (group?.type === "group") {
      group.fields.slice(0, path.sub).forEach((f) => {
        if (f.type !== "static") out.push({ field: f, inGroup: true });
      });
      group.fields.forEach((f) => siblings.add(f.key));
    }
  }
  schema.pages.forEach((page, p) => {
    if (p > path.page) return;
    page.fields.forEach((f, i) => {
      if (p === path.page && i >= path.field) return;
      if (f.type !== "static" && !siblings.has(f.key)) out.push({ field: f, inGroup: false });
    });
  });
  return out;
}

// ---- Conditions --------------------------------------------------------------------------------

/** A condition with every reference to field `from` handed to `rename` (which may change the
 * field name and/or the compared values). */
function mapRefs(c: TCondition, from: string, rename: (leaf: Extract<TCondition, { field: string }>) => TCondition): TCondition {
  if ("all" in c) return { all: c.all.map((x) => mapRefs(x, from, rename)) };
  if ("any" in c) return { any: c.any.map((x) => mapRefs(x, from, rename)) };
  return c.field === from ? rename(c) : c;
}

/** Applies `rename` to the conditions of the fields that can see field `path` (the whole form
 * for a top-level field, except inside groups with a sibling of the same key; the siblings for
 * a group's field). */
function renameRefs(schema: TFormSchema, path: TFieldPath, key: string, rename: (leaf: Extract<TCondition, { field: string }>) => TCondition): TFormSchema {
  const fix = (f: TField): TField => (f.showIf ? ({ ...f, showIf: mapRefs(f.showIf, key, rename) } as TField) : f);
  if (path.sub !== undefined) {
    return updateTopField(schema, path.page, path.field, (g) => (g.type === "group" ? { ...g, fields: g.fields.map(fix) } : g));
  }
  return {
    ...schema,
    pages: schema.pages.map((page) => ({
      ...page,
      fields: page.fields.map((f) => {
        const own = fix(f);
        if (own.type !== "group" || own.fields.some((s) => s.key === key)) return own;
        return { ...own, fields: own.fields.map(fix) };
      }),
    })),
  };
}

// ---- Writing -----------------------------------------------------------------------------------

function updateTopField(schema: TFormSchema, page: number, field: number, fn: (f: TField) => TField): TFormSchema {
  return { ...schema, pages: schema.pages.map((p, pi) => (pi === page ? { ...p, fields: p.fields.map((f, fi) => (fi === field ? fn(f) : f)) } : p)) };
}

function updateFieldAt(schema: TFormSchema, path: TFieldPath, fn: (f: TField) => TField): TFormSchema {
  if (path.sub === undefined) return updateTopField(schema, path.page, path.field, fn);
  return updateTopField(schema, path.page, path.field, (g) => (g.type === "group" ? { ...g, fields: g.fields.map((s, si) => (si === path.sub ? fn(s) : s)) } : g));
}

/** The list a field lives in, changed by fn (a page's fields or a group's). */
function updateList(schema: TFormSchema, list: TFieldListPath, fn: (fields: TField[]) => TField[]): TFormSchema {
  if (list.group === undefined) return { ...schema, pages: schema.pages.map((p, pi) => (pi === list.page ? { ...p, fields: fn(p.fields) } : p)) };
  return updateTopField(schema, list.page, list.group, (g) => (g.type === "group" ? { ...g, fields: fn(g.fields) } : g));
}

const listOf = (path: TFieldPath): TFieldListPath => (path.sub === undefined ? { page: path.page } : { page: path.page, group: path.field });
const indexIn = (path: TFieldPath) => path.sub ?? path.field;
const withIndex = (path: TFieldPath, index: number): TFieldPath => (path.sub === undefined ? { page: path.page, field: index } : { ...path, sub: index });

function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Drops undefined properties (JSON has no undefined; the builder's patches use it to remove). */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** `key`, or `key2`, `key3`… (trailing digits replaced) when taken. */
export function uniqueKey(key: string, taken: ReadonlySet<string>): string {
  if (!taken.has(key)) return key;
  const base = key.replace(/\d+$/, "") || "campo";
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

const CHOICE: ReadonlySet<TFieldType> = new Set(["select", "radio", "checkboxes"]);
const TEXTUAL: ReadonlySet<TFieldType> = new Set(["text", "textarea"]);

export function defaultOptions(words: TBuilderWords): TOption[] {
  return [1, 2].map((n) => ({ value: keyFromLabel(words.option(n), new Set()), label: words.option(n) }));
}

/** A new field of a type, with what it needs to be valid. */
export function newField(fieldType: TFieldType, key: string, label: string, words: TBuilderWords): TField {
  switch (fieldType) {
    case "select":
    case "radio":
    case "checkboxes":
      return { key, type: fieldType, label, options: defaultOptions(words) };
    case "file":
      return { key, type: "file", label, maxSizeMb: 10, accept: ["pdf"] };
    case "static":
      return { key, type: "static", text: words.staticText };
    case "group": {
      const sub = words.groupField;
      return { key, type: "group", label, fields: [{ key: keyFromLabel(sub, new Set()), type: "text", label: sub }] };
    }
    default:
      return { key, type: fieldType, label } as TField;
  }
}

/** The field as another type: what both types share is kept (label, help, conditions, options
 * between choice types, text rules between text types), the rest starts anew. */
export function convertField(field: TField, fieldType: TFieldType, words: TBuilderWords): TField {
  if (field.type === fieldType) return field;
  const label = field.label ?? ("text" in field ? field.text.slice(0, 100) : "");
  const fresh = newField(fieldType, field.key, label || words.fieldLabel(fieldType), words);
  if (fieldType === "static")
    return clean({ ...fresh, label: field.label, text: ("help" in field && field.help) || (fresh as { text: string }).text, showIf: field.showIf } as TField);
  const common =
    field.type === "static"
      ? { showIf: field.showIf }
      : { help: field.help, required: field.required, showIf: field.showIf, prefill: field.prefill, readOnlyFromIdentity: field.readOnlyFromIdentity };
  const extra: Record<string, unknown> = {};
  if (CHOICE.has(field.type) && CHOICE.has(fieldType) && "options" in field) extra.options = field.options;
  if ((field.type === "text" || field.type === "textarea") && TEXTUAL.has(fieldType))
    Object.assign(extra, { minLength: field.minLength, maxLength: field.maxLength, pattern: field.pattern, patternMessage: field.patternMessage });
  return clean({ ...fresh, ...common, ...extra } as TField);
}

function withSchema(state: TBuilderState, schema: TFormSchema, extra: Partial<TBuilderState> = {}): TBuilderState {
  return { ...state, ...extra, schema, revision: state.revision + 1 };
}

/** The page index after moving a page from `from` by `delta`, for a page that was at `at`. */
function followMove(at: number, from: number, to: number): number {
  if (at === from) return to;
  if (from < at && to >= at) return at - 1;
  if (from > at && to <= at) return at + 1;
  return at;
}

export function builderReducer(state: TBuilderState, action: TBuilderAction): TBuilderState {
  const { schema } = state;
  switch (action.type) {
    case "load":
      return { ...initialBuilderState(action.schema), revision: state.revision + 1, savedRevision: state.revision + 1 };
    case "saved":
      return { ...state, savedRevision: action.revision };
    case "selectPage":
      return action.page === state.page ? state : { ...state, page: Math.max(0, Math.min(action.page, schema.pages.length - 1)), selected: null, autoKey: false };
    case "selectField":
      return { ...state, selected: action.path, autoKey: false, page: action.path?.page ?? state.page };

    case "addPage": {
      const keys = new Set(schema.pages.map((p) => p.key));
      const title = action.words.pageTitle(schema.pages.length + 1);
      const page: TFormPage = { key: keyFromLabel(title, keys, "pagina"), title, fields: [] };
      return withSchema(state, { ...schema, pages: [...schema.pages, page] }, { page: schema.pages.length, selected: null, autoKey: false });
    }
    case "updatePage":
      return withSchema(state, { ...schema, pages: schema.pages.map((p, i) => (i === action.page ? clean({ ...p, ...action.patch }) : p)) });
    case "movePage": {
      const to = action.page + action.delta;
      if (to < 0 || to >= schema.pages.length) return state;
      return withSchema(state, { ...schema, pages: move(schema.pages, action.page, to) }, { page: followMove(state.page, action.page, to), selected: null });
    }
    case "removePage": {
      if (schema.pages.length <= 1) return state;
      const pages = schema.pages.filter((_, i) => i !== action.page);
      const page = state.page > action.page || state.page >= pages.length ? Math.max(0, state.page - 1) : state.page;
      return withSchema(state, { ...schema, pages }, { page, selected: null, autoKey: false });
    }

    case "addField": {
      const label = action.words.fieldLabel(action.fieldType);
      const key = keyFromLabel(label, keysInScope(schema, action.list));
      const field = newField(action.fieldType, key, label, action.words);
      let index = 0;
      const next = updateList(schema, action.list, (fields) => {
        index = fields.length;
        return [...fields, field];
      });
      const path: TFieldPath = action.list.group === undefined ? { page: action.list.page, field: index } : { page: action.list.page, field: action.list.group, sub: index };
      return withSchema(state, next, { page: action.list.page, selected: path, autoKey: true });
    }
    case "updateField": {
      const current = fieldAt(schema, action.path);
      if (!current) return state;
      const patch = { ...action.patch };
      const auto = state.autoKey && samePath(state.selected, action.path);
      if (auto && typeof patch.label === "string" && patch.key === undefined) patch.key = keyFromLabel(patch.label, keysInScope(schema, action.path, action.path));
      let next = updateFieldAt(schema, action.path, (f) => clean({ ...f, ...patch }) as TField);
      const newKey = patch.key;
      if (typeof newKey === "string" && newKey !== current.key && !auto) {
        next = renameRefs(next, action.path, current.key, (leaf) => ({ ...leaf, field: newKey }));
      }
      const keyEdited = "key" in action.patch && !("label" in action.patch);
      return withSchema(state, next, keyEdited && samePath(state.selected, action.path) ? { autoKey: false } : {});
    }
    case "setOptions": {
      const current = fieldAt(schema, action.path);
      if (!current || !("options" in current)) return state;
      let next = updateFieldAt(schema, action.path, (f) => ({ ...f, options: action.options }) as TField);
      // Same position, other value: conditions comparing with the old value follow (when that
      // value was unique and the new one is not taken).
      if (current.options.length === action.options.length) {
        current.options.forEach((o, i) => {
          const to = action.options[i]!.value;
          if (o.value === to) return;
          if (current.options.filter((x) => x.value === o.value).length !== 1 || current.options.some((x) => x.value === to)) return;
          const swap = (v: string | number | boolean) => (String(v) === o.value ? to : v);
          next = renameRefs(next, action.path, current.key, (leaf) =>
            "equals" in leaf ? { ...leaf, equals: swap(leaf.equals) } : "in" in leaf ? { ...leaf, in: leaf.in.map(swap) } : leaf,
          );
        });
      }
      return withSchema(state, next);
    }
    case "changeFieldType": {
      const current = fieldAt(schema, action.path);
      if (!current || current.type === action.fieldType) return state;
      return withSchema(
        state,
        updateFieldAt(schema, action.path, (f) => convertField(f, action.fieldType, action.words)),
      );
    }
    case "moveField": {
      const from = indexIn(action.path);
      const to = from + action.delta;
      let moved = false;
      const next = updateList(schema, listOf(action.path), (fields) => {
        if (to < 0 || to >= fields.length) return fields;
        moved = true;
        return move(fields, from, to);
      });
      if (!moved) return state;
      const selected =
        state.selected && samePath(listPathOf(state.selected), listPathOf(action.path)) ? withIndex(state.selected, followMove(indexIn(state.selected), from, to)) : state.selected;
      return withSchema(state, next, { selected });
    }
    case "duplicateField": {
      const current = fieldAt(schema, action.path);
      if (!current) return state;
      const copy = structuredClone(current);
      copy.key = uniqueKey(current.key, keysInScope(schema, action.path));
      if (copy.label) copy.label = `${copy.label}${action.copySuffix}`;
      const at = indexIn(action.path) + 1;
      const next = updateList(schema, listOf(action.path), (fields) => [...fields.slice(0, at), copy, ...fields.slice(at)]);
      return withSchema(state, next, { selected: withIndex(action.path, at), autoKey: false });
    }
    case "removeField": {
      const at = indexIn(action.path);
      const next = updateList(schema, listOf(action.path), (fields) => fields.filter((_, i) => i !== at));
      let selected = state.selected;
      if (selected && samePath(listPathOf(selected), listPathOf(action.path))) {
        const i = indexIn(selected);
        selected = i === at ? null : i > at ? withIndex(selected, i - 1) : selected;
      } else if (selected && action.path.sub === undefined && selected.page === action.path.page && selected.sub !== undefined) {
        // A field inside a group: the group moved up, or went away.
        selected = selected.field === at ? null : selected.field > at ? { ...selected, field: selected.field - 1 } : selected;
      }
      return withSchema(state, next, { selected, autoKey: selected ? state.autoKey : false });
    }
  }
}

/** The list path of a field, as a comparable field path (sub marks "inside group `field`"). */
function listPathOf(path: TFieldPath): TFieldPath {
  return path.sub === undefined ? { page: path.page, field: -1 } : { page: path.page, field: path.field, sub: -1 };
}
