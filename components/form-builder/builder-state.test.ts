import { describe, expect, it } from "vitest";
import { formSchemaProblems } from "@/server/forms/validate-schema";
import type { TField, TFormSchema } from "@/server/forms/schema";
import { builderReducer, earlierFields, fieldAt, initialBuilderState, isDirty, type TBuilderAction, type TBuilderState, type TBuilderWords } from "./builder-state";

// The builder's edits as an administrator makes them, without a browser.

const words: TBuilderWords = {
  pageTitle: (n) => `Pagina ${n}`,
  fieldLabel: (type) => (type === "text" ? "Testo breve" : `Campo ${type}`),
  option: (n) => `Opzione ${n}`,
  staticText: "Testo informativo",
  groupField: "Nome",
};

const FORM: TFormSchema = {
  version: 1,
  pages: [
    {
      key: "uno",
      title: "Uno",
      fields: [
        {
          key: "perChi",
          type: "radio",
          label: "Per chi",
          options: [
            { value: "se", label: "Per me" },
            { value: "altri", label: "Per altri" },
          ],
        },
        { key: "nome", type: "text", label: "Nome", showIf: { field: "perChi", equals: "altri" } },
      ],
    },
    {
      key: "due",
      title: "Due",
      fields: [
        {
          key: "figli",
          type: "group",
          label: "Figli",
          fields: [
            { key: "nome", type: "text", label: "Nome" },
            { key: "eta", type: "number", label: "Età", showIf: { field: "nome", notEmpty: true } },
          ],
        },
        {
          key: "nota",
          type: "textarea",
          label: "Nota",
          showIf: {
            all: [
              { field: "perChi", in: ["se", "altri"] },
              { field: "nome", notEmpty: true },
            ],
          },
        },
      ],
    },
  ],
};

const run = (actions: TBuilderAction[], schema = FORM): TBuilderState => actions.reduce(builderReducer, initialBuilderState(schema));
const field = (s: TBuilderState, page: number, f: number, sub?: number) => fieldAt(s.schema, { page, field: f, sub }) as TField & Record<string, unknown>;

describe("builderReducer", () => {
  it("adds a field whose key follows its label until the key is edited", () => {
    let s = run([{ type: "addField", list: { page: 0 }, fieldType: "text", words }]);
    expect(s.selected).toEqual({ page: 0, field: 2 });
    expect(field(s, 0, 2)).toEqual({ key: "testoBreve", type: "text", label: "Testo breve" });
    s = builderReducer(s, { type: "updateField", path: { page: 0, field: 2 }, patch: { label: "Data di nascita" } });
    expect(field(s, 0, 2).key).toBe("dataDiNascita");
    // "Nome" is taken on the page list: the key stays unique.
    s = builderReducer(s, { type: "updateField", path: { page: 0, field: 2 }, patch: { label: "Nome" } });
    expect(field(s, 0, 2).key).toBe("nome2");
    s = builderReducer(s, { type: "updateField", path: { page: 0, field: 2 }, patch: { key: "nomeBambino" } });
    s = builderReducer(s, { type: "updateField", path: { page: 0, field: 2 }, patch: { label: "Nome del bambino" } });
    expect(field(s, 0, 2)).toMatchObject({ key: "nomeBambino", label: "Nome del bambino" });
    // Inside a group, keys only need to differ from the siblings.
    s = builderReducer(s, { type: "addField", list: { page: 1, group: 0 }, fieldType: "text", words });
    expect(s.selected).toEqual({ page: 1, field: 0, sub: 2 });
    s = builderReducer(s, { type: "updateField", path: { page: 1, field: 0, sub: 2 }, patch: { label: "Per chi" } });
    expect(field(s, 1, 0, 2).key).toBe("perChi");
  });

  it("renames the conditions naming a renamed key, but not those a group's sibling answers", () => {
    let s = run([{ type: "updateField", path: { page: 0, field: 1 }, patch: { key: "nomeTitolare" } }]);
    expect(field(s, 1, 1).showIf).toEqual({
      all: [
        { field: "perChi", in: ["se", "altri"] },
        { field: "nomeTitolare", notEmpty: true },
      ],
    });
    // The group's "eta" depends on its sibling "nome", which is not the renamed field.
    expect(field(s, 1, 0, 1).showIf).toEqual({ field: "nome", notEmpty: true });
    s = builderReducer(s, { type: "updateField", path: { page: 1, field: 0, sub: 0 }, patch: { key: "nomeFiglio" } });
    expect(field(s, 1, 0, 1).showIf).toEqual({ field: "nomeFiglio", notEmpty: true });
    s = builderReducer(s, { type: "updateField", path: { page: 0, field: 0 }, patch: { key: "destinatario" } });
    expect(field(s, 0, 1).showIf).toEqual({ field: "destinatario", equals: "altri" });
    expect(formSchemaProblems(s.schema)).toEqual([]);
  });

  it("changes the conditions comparing with an option whose value changed", () => {
    const s = run([
      {
        type: "setOptions",
        path: { page: 0, field: 0 },
        options: [
          { value: "se", label: "Per me" },
          { value: "altraPersona", label: "Per un'altra persona" },
        ],
      },
    ]);
    expect(field(s, 0, 1).showIf).toEqual({ field: "perChi", equals: "altraPersona" });
    expect(field(s, 1, 1).showIf).toEqual({
      all: [
        { field: "perChi", in: ["se", "altraPersona"] },
        { field: "nome", notEmpty: true },
      ],
    });
    // Removing an option leaves the condition pointing at nothing: the problems panel says so.
    const removed = builderReducer(s, { type: "setOptions", path: { page: 0, field: 0 }, options: [{ value: "se", label: "Per me" }] });
    expect(formSchemaProblems(removed.schema).map((p) => p.code)).toEqual(["showIfUnknownOption", "showIfUnknownOption"]);
  });

  it("moves, duplicates and removes fields keeping the selection on the same field", () => {
    let s = run([
      { type: "selectField", path: { page: 1, field: 1 } },
      { type: "moveField", path: { page: 1, field: 1 }, delta: -1 },
    ]);
    expect(s.schema.pages[1]!.fields.map((f) => f.key)).toEqual(["nota", "figli"]);
    expect(s.selected).toEqual({ page: 1, field: 0 });
    expect(builderReducer(s, { type: "moveField", path: { page: 1, field: 0 }, delta: -1 })).toBe(s);

    s = builderReducer(s, { type: "duplicateField", path: { page: 1, field: 1 }, copySuffix: " (copia)" });
    expect(s.schema.pages[1]!.fields.map((f) => [f.key, f.label])).toEqual([
      ["nota", "Nota"],
      ["figli", "Figli"],
      ["figli2", "Figli (copia)"],
    ]);
    expect(s.selected).toEqual({ page: 1, field: 2 });
    s = builderReducer(s, { type: "selectField", path: { page: 1, field: 2, sub: 1 } });
    s = builderReducer(s, { type: "removeField", path: { page: 1, field: 0 } });
    expect(s.selected).toEqual({ page: 1, field: 1, sub: 1 });
    s = builderReducer(s, { type: "removeField", path: { page: 1, field: 1 } });
    expect(s.selected).toBeNull();
  });

  it("adds, moves and removes pages; the last one stays", () => {
    let s = run([{ type: "addPage", words }]);
    expect(s.schema.pages.map((p) => [p.key, p.title, p.fields.length])).toEqual([
      ["uno", "Uno", 2],
      ["due", "Due", 2],
      ["pagina3", "Pagina 3", 0],
    ]);
    expect(s.page).toBe(2);
    s = builderReducer(s, { type: "movePage", page: 2, delta: -1 });
    expect(s.schema.pages.map((p) => p.key)).toEqual(["uno", "pagina3", "due"]);
    expect(s.page).toBe(1);
    s = builderReducer(s, { type: "removePage", page: 0 });
    s = builderReducer(s, { type: "removePage", page: 0 });
    expect(s.schema.pages.map((p) => p.key)).toEqual(["due"]);
    expect(builderReducer(s, { type: "removePage", page: 0 })).toBe(s);
  });

  it("changes a field's type keeping what both types share", () => {
    let s = run([{ type: "changeFieldType", path: { page: 0, field: 0 }, fieldType: "select", words }]);
    expect(field(s, 0, 0)).toEqual({ ...FORM.pages[0]!.fields[0], type: "select" });
    s = builderReducer(s, { type: "changeFieldType", path: { page: 0, field: 0 }, fieldType: "text", words });
    expect(field(s, 0, 0)).toEqual({ key: "perChi", type: "text", label: "Per chi" });
    s = builderReducer(s, { type: "changeFieldType", path: { page: 0, field: 1 }, fieldType: "file", words });
    expect(field(s, 0, 1)).toEqual({ key: "nome", type: "file", label: "Nome", maxSizeMb: 10, accept: ["pdf"], showIf: { field: "perChi", equals: "altri" } });
    s = builderReducer(s, { type: "changeFieldType", path: { page: 0, field: 1 }, fieldType: "static", words });
    expect(field(s, 0, 1)).toEqual({ key: "nome", type: "static", label: "Nome", text: "Testo informativo", showIf: { field: "perChi", equals: "altri" } });
  });

  it("offers to show-if only the fields before the one being edited", () => {
    const keys = (page: number, f: number, sub?: number) => earlierFields(FORM, { page, field: f, sub }).map((e) => `${e.field.key}${e.inGroup ? "*" : ""}`);
    expect(keys(0, 0)).toEqual([]);
    expect(keys(0, 1)).toEqual(["perChi"]);
    expect(keys(1, 1)).toEqual(["perChi", "nome", "figli"]);
    // In the group: the earlier sibling, and the form's fields but the one a sibling shadows.
    expect(keys(1, 0, 1)).toEqual(["nome*", "perChi"]);
  });

  it("knows when there are unsaved changes", () => {
    let s = run([]);
    expect(isDirty(s)).toBe(false);
    s = builderReducer(s, { type: "updatePage", page: 0, patch: { title: "Primo passo" } });
    expect(isDirty(s)).toBe(true);
    const revision = s.revision;
    s = builderReducer(s, { type: "saved", revision });
    expect(isDirty(s)).toBe(false);
    s = builderReducer(s, { type: "updatePage", page: 0, patch: { description: "Chi sei" } });
    s = builderReducer(s, { type: "saved", revision });
    expect(isDirty(s)).toBe(true);
    s = builderReducer(s, { type: "load", schema: FORM });
    expect(isDirty(s)).toBe(false);
    // Selecting is not a change.
    expect(isDirty(builderReducer(s, { type: "selectPage", page: 1 }))).toBe(false);
  });
});
