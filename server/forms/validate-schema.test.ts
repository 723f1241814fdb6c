import { describe, expect, it } from "vitest";
import type { TField, TFormSchema } from "./schema";
import { formSchemaProblems, validateFormSchema } from "./validate-schema";

const page = (key: string, fields: unknown[]) => ({ key, title: key, fields });
const codes = (input: unknown) => {
  const r = validateFormSchema(input);
  return r.ok ? [] : r.problems.map((p) => `${p.code}@${p.path.join(".")}`);
};
const yesno = (key: string): TField => ({ key, type: "yesno", label: key });

describe("validateFormSchema", () => {
  it("accepts a well-formed schema", () => {
    const schema: TFormSchema = { version: 1, pages: [page("a", [yesno("x"), { key: "y", type: "text", label: "Y", showIf: { field: "x", equals: true } }]) as TFormSchema["pages"][number]] };
    expect(validateFormSchema(schema)).toEqual({ ok: true, schema });
  });

  it("reports JSON-shape problems with their paths", () => {
    expect(codes({ version: 2, pages: [] })).toEqual(expect.arrayContaining(["structure@version"]));
    expect(codes({ version: 1, pages: [page("a", [{ key: "9bad key", type: "text", label: "X" }])] })).toEqual(["structure@pages.0.fields.0.key"]);
    expect(codes({ version: 1, pages: [page("a", [{ key: "x", type: "colour", label: "X" }])] })[0]).toMatch(/^structure@pages\.0\.fields\.0/);
  });

  it.each<[string, unknown[], unknown[] | null, string]>([
    ["duplicate keys across pages", [yesno("x")], [yesno("x")], "duplicateKey@pages.1.fields.0.key"],
    ["show-if on a missing field", [{ ...yesno("x"), showIf: { field: "nope", equals: true } }], null, "showIfMissingField@pages.0.fields.0.showIf"],
    ["show-if on itself", [{ ...yesno("x"), showIf: { field: "x", equals: true } }], null, "showIfSelf@pages.0.fields.0.showIf"],
    ["show-if on a later page", [{ ...yesno("x"), showIf: { any: [{ field: "later", notEmpty: true }] } }], [yesno("later")], "showIfLaterPage@pages.0.fields.0.showIf.any.0"],
    ["show-if on static text", [{ key: "info", type: "static", text: "t" }, { ...yesno("x"), showIf: { field: "info", notEmpty: true } }], null, "showIfStatic@pages.0.fields.1.showIf"],
    ["show-if on an option that doesn't exist", [{ key: "s", type: "radio", label: "S", options: [{ value: "a", label: "A" }] }, { ...yesno("x"), showIf: { field: "s", in: ["a", "b"] } }], null, "showIfUnknownOption@pages.0.fields.1.showIf"],
    ["choice without options", [{ key: "s", type: "select", label: "S", options: [] }], null, "optionsMissing@pages.0.fields.0.options"],
    ["duplicated options", [{ key: "s", type: "checkboxes", label: "S", options: [{ value: "a", label: "A" }, { value: "a", label: "B" }] }], null, "optionDuplicate@pages.0.fields.0.options.1.value"],
    ["number min > max", [{ key: "n", type: "number", label: "N", min: 10, max: 1 }], null, "minGreaterThanMax@pages.0.fields.0"],
    ["date min > max", [{ key: "d", type: "date", label: "D", min: "today", max: "today-1y" }], null, "minGreaterThanMax@pages.0.fields.0"],
    ["minLength > maxLength", [{ key: "t", type: "text", label: "T", minLength: 5, maxLength: 2 }], null, "minGreaterThanMax@pages.0.fields.0"],
    ["invalid regex", [{ key: "t", type: "text", label: "T", pattern: "([a-z]" }], null, "patternInvalid@pages.0.fields.0.pattern"],
    ["file without accepted types", [{ key: "f", type: "file", label: "F", maxSizeMb: 5 }], null, "fileAcceptMissing@pages.0.fields.0.accept"],
    ["file with an empty accept list", [{ key: "f", type: "file", label: "F", maxSizeMb: 5, accept: [] }], null, "fileAcceptMissing@pages.0.fields.0.accept"],
    ["group inside a group", [{ key: "g", type: "group", label: "G", fields: [{ key: "h", type: "group", label: "H", fields: [yesno("x")] }] }], null, "groupNested@pages.0.fields.0.fields.0"],
    ["duplicate keys inside a group", [{ key: "g", type: "group", label: "G", fields: [yesno("x"), yesno("x")] }], null, "duplicateKey@pages.0.fields.0.fields.1.key"],
    ["prefill of the wrong type", [{ key: "d", type: "text", label: "D", prefill: "birthDate" }], null, "prefillIncompatible@pages.0.fields.0.prefill"],
    ["read-only without prefill", [{ key: "d", type: "text", label: "D", readOnlyFromIdentity: true }], null, "readOnlyWithoutPrefill@pages.0.fields.0.readOnlyFromIdentity"],
    // Beyond the basics: what the form builder can produce or an import can bring.
    ["duplicate page keys", [yesno("x")], null, "duplicatePageKey@pages.1.key"],
    ["show-if on an unknown option of a select (equals)", [{ key: "s", type: "select", label: "S", options: [{ value: "a", label: "A" }] }, { ...yesno("x"), showIf: { field: "s", equals: "z" } }], null, "showIfUnknownOption@pages.0.fields.1.showIf"],
    ["show-if comparing a yes/no with a word", [yesno("y"), { ...yesno("x"), showIf: { field: "y", equals: "si" } }], null, "showIfNotYesNo@pages.0.fields.1.showIf"],
    ["show-if inside a group on a later page", [{ key: "g", type: "group", label: "G", fields: [{ ...yesno("x"), showIf: { field: "later", equals: true } }] }], [yesno("later")], "showIfLaterPage@pages.0.fields.0.fields.0.showIf"],
    ["show-if on a field inside a group, from outside", [{ key: "g", type: "group", label: "G", fields: [yesno("inner")] }, { ...yesno("x"), showIf: { field: "inner", equals: true } }], null, "showIfMissingField@pages.0.fields.1.showIf"],
    ["show-if nested in all/any on a missing field", [yesno("a"), { ...yesno("x"), showIf: { all: [{ field: "a", equals: true }, { any: [{ field: "a", notEmpty: true }, { field: "nope", notEmpty: true }] }] } }], null, "showIfMissingField@pages.0.fields.1.showIf.all.1.any.1"],
    ["checkboxes minItems > maxItems", [{ key: "c", type: "checkboxes", label: "C", options: [{ value: "a", label: "A" }, { value: "b", label: "B" }], minItems: 2, maxItems: 1 }], null, "minGreaterThanMax@pages.0.fields.0"],
    ["checkboxes minItems above the options", [{ key: "c", type: "checkboxes", label: "C", options: [{ value: "a", label: "A" }], minItems: 2 }], null, "minItemsAboveOptions@pages.0.fields.0.minItems"],
    ["group minItems > maxItems", [{ key: "g", type: "group", label: "G", minItems: 3, maxItems: 2, fields: [yesno("x")] }], null, "minGreaterThanMax@pages.0.fields.0"],
    ["a prefilled field inside a group", [{ key: "g", type: "group", label: "G", fields: [{ key: "n", type: "text", label: "N", prefill: "givenName" }] }], null, "prefillInGroup@pages.0.fields.0.fields.0.prefill"],
    ["invalid regex in a textarea", [{ key: "t", type: "textarea", label: "T", pattern: "a{2,1}" }], null, "patternInvalid@pages.0.fields.0.pattern"],
  ])("reports %s", (name, first, second, expected) => {
    const pages = second ? [page("a", first), page("b", second)] : name === "duplicate page keys" ? [page("a", first), page("a", [yesno("y")])] : [page("a", first)];
    expect(codes({ version: 1, pages })).toEqual([expected]);
  });

  it("lets a group's field depend on a sibling in the same item or on an earlier field", () => {
    const schema = {
      version: 1 as const,
      pages: [
        page("a", [yesno("top")]),
        page("b", [{ key: "g", type: "group", label: "G", fields: [yesno("lavora"), { key: "datore", type: "text", label: "D", showIf: { all: [{ field: "lavora", equals: true }, { field: "top", equals: true }] } }] }]),
      ],
    } as TFormSchema;
    expect(formSchemaProblems(schema)).toEqual([]);
  });

  it("reports fields that show only if each other, directly or through others", () => {
    const cyc = codes({
      version: 1,
      pages: [
        page("a", [
          { ...yesno("a"), showIf: { field: "c", equals: true } },
          { ...yesno("b"), showIf: { field: "a", equals: true } },
          { ...yesno("c"), showIf: { any: [{ field: "b", equals: true }] } },
          { ...yesno("d"), showIf: { field: "a", equals: true } },
        ]),
      ],
    });
    // d depends on the cycle but is not part of it.
    expect(cyc).toEqual(["showIfCycle@pages.0.fields.0.showIf", "showIfCycle@pages.0.fields.1.showIf", "showIfCycle@pages.0.fields.2.showIf"]);
    const inGroup = codes({ version: 1, pages: [page("a", [{ key: "g", type: "group", label: "G", fields: [{ ...yesno("x"), showIf: { field: "y", equals: true } }, { ...yesno("y"), showIf: { field: "x", equals: true } }] }])] });
    expect(inGroup).toEqual(["showIfCycle@pages.0.fields.0.fields.0.showIf", "showIfCycle@pages.0.fields.0.fields.1.showIf"]);
  });

  it("accepts a yes/no condition written as true/false text, and options compared by their value", () => {
    const schema = {
      version: 1,
      pages: [
        page("a", [
          yesno("y"),
          { key: "s", type: "radio", label: "S", options: [{ value: "1", label: "Uno" }] },
          { ...yesno("x"), showIf: { all: [{ field: "y", equals: "true" }, { field: "s", in: [1] }] } },
        ]),
      ],
    };
    expect(codes(schema)).toEqual([]);
  });

  it("lists every problem, not just the first", () => {
    expect(codes({ version: 1, pages: [page("a", [{ key: "n", type: "number", label: "N", min: 2, max: 1 }, { key: "n", type: "select", label: "S", options: [] }])] })).toHaveLength(3);
  });
});
