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
  ])("reports %s", (_, first, second, expected) => {
    const pages = second ? [page("a", first), page("b", second)] : [page("a", first)];
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

  it("lists every problem, not just the first", () => {
    expect(codes({ version: 1, pages: [page("a", [{ key: "n", type: "number", label: "N", min: 2, max: 1 }, { key: "n", type: "select", label: "S", options: [] }])] })).toHaveLength(3);
  });
});
