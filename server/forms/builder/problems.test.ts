import { describe, expect, it } from "vitest";
import { BONUS_ALIMENTARE_FORM } from "../reference-forms";
import type { TFormSchema } from "../schema";
import { builderProblems, canonicalJson, checkFormJson, keyFromLabel, parseJsonText, problemPlace, sameForm, structureProblems } from "./problems";

// The builder's problems panel and the server's import read zod's issues as Italian messages
// (i18n keys formBuilder.structure.*) with the place they are at.

const keys = (input: unknown) => structureProblems(input).map((p) => `${p.key.replace("formBuilder.structure.", "")}@${p.path.join(".")}`);

describe("structureProblems", () => {
  it("names what is wrong in words an administrator can act on", () => {
    expect(keys("hello")).toEqual(["wrongType@"]);
    expect(keys({ version: 2, pages: [] })).toEqual(["notAllowed@version", "noPages@pages"]);
    expect(
      keys({
        version: 1,
        pages: [
          { key: "a", title: "", fields: [{ key: "9x", type: "colour", label: "X" }] },
          { key: "b", title: "B", fields: [] },
          {
            key: "c",
            title: "C",
            fields: [
              { key: "x", type: "text", label: "X", foo: 1 },
              { key: "y", type: "file", label: "F" },
              { key: "z", type: "select", label: "S", options: [{ value: "", label: "a" }] },
              { key: "q", type: "text", label: 3 },
              { key: "s", type: "text", label: "S", showIf: { field: "x", op: 1 } },
              { key: "d", type: "date", label: "D", min: "ieri" },
            ],
          },
        ],
      }),
    ).toEqual([
      "empty@pages.0.title",
      "unknownType@pages.0.fields.0.type",
      "noFields@pages.1.fields",
      "unknownProperty@pages.2.fields.0",
      "missing@pages.2.fields.1.maxSizeMb",
      "empty@pages.2.fields.2.options.0.value",
      "wrongType@pages.2.fields.3.label",
      "invalidCondition@pages.2.fields.4.showIf",
      "badDateRule@pages.2.fields.5.min",
    ]);
  });

  it("blocks on structure, not on meaning", () => {
    const schema = { version: 1, pages: [{ key: "a", title: "A", fields: [{ key: "n", type: "number", label: "", min: 3, max: 1 }] }] } as TFormSchema;
    const problems = builderProblems(schema);
    expect(problems.map((p) => [p.key, p.blocking])).toEqual([
      ["formBuilder.structure.empty", true],
      ["forms.schemaProblems.minGreaterThanMax", false],
    ]);
    expect(checkFormJson(schema)).toEqual({ schema: null, problems: [problems[0]] });
    expect(checkFormJson(BONUS_ALIMENTARE_FORM)).toEqual({ schema: BONUS_ALIMENTARE_FORM, problems: [] });
  });
});

describe("helpers", () => {
  it("says where a problem is", () => {
    expect(problemPlace(BONUS_ALIMENTARE_FORM, ["pages", 1, "fields", 1, "fields", 3, "options", 0, "value"])).toEqual({
      page: { index: 1, title: "Nucleo familiare" },
      field: { index: 1, label: "Componenti del nucleo familiare", key: "componenti" },
      sub: { index: 3, label: "Rapporto di parentela con te", key: "parentela" },
      property: "options",
      item: 0,
    });
    expect(problemPlace({}, ["version"])).toEqual({ property: "version" });
    expect(problemPlace(null, ["pages", 4, "key"])).toEqual({ page: { index: 4, title: null }, property: "key" });
  });

  it("reads JSON text, saying on which line it breaks", () => {
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const broken = parseJsonText('{\n  "a": 1,\n  "b": \n}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problem.key).toMatch(/^formBuilder\.structure\.notJson/);
  });

  it("compares forms whatever the order of their keys", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(sameForm({ version: 1, pages: [] }, { pages: [], version: 1 })).toBe(true);
    expect(sameForm({ version: 1, pages: [1] }, { pages: [], version: 1 })).toBe(false);
  });

  it("makes a field key from a label", () => {
    expect(keyFromLabel("Data di nascita", new Set())).toBe("dataDiNascita");
    expect(keyFromLabel("Perché è così?", new Set())).toBe("percheECosi");
    expect(keyFromLabel("  ", new Set())).toBe("campo");
    expect(keyFromLabel("2° figlio", new Set())).toBe("campo2Figlio");
    expect(keyFromLabel("Nome", new Set(["nome", "nome2"]))).toBe("nome3");
  });
});
