import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getTranslator } from "@/server/i18n/translator";
import { buildValidator } from "./build-validator";
import { decodeFieldError, encodeFieldError, formatFieldError } from "./field-error";

const formsDir = import.meta.dirname;
const catalogue = (locale: string) => JSON.parse(fs.readFileSync(path.join(process.cwd(), "server/i18n/messages", locale, "forms.json"), "utf8")) as Record<string, Record<string, string>>;

/** Every error name the engine can emit, read from its sources so a new one can't go untranslated. */
function emittedErrorNames(): Set<string> {
  const files = ["check-field.ts", "build-validator.ts", ...fs.readdirSync(path.join(formsDir, "validators")).filter((f) => !f.endsWith(".test.ts")).map((f) => `validators/${f}`)];
  const names = new Set<string>();
  for (const f of files) {
    const src = fs.readFileSync(path.join(formsDir, f), "utf8");
    for (const m of src.matchAll(/(?:fail|one)\("(\w+)"|error: "(\w+)"|\b\w+: "(required\w*)"/g)) names.add((m[1] ?? m[2] ?? m[3])!);
  }
  return names;
}

describe("field errors", () => {
  it("round-trips key and values through the issue message", () => {
    const msg = encodeFieldError("tooShort", { min: 3, length: 1 });
    expect(msg).toBe('forms.errors.tooShort|{"min":3,"length":1}');
    expect(decodeFieldError(msg)).toEqual({ key: "forms.errors.tooShort", values: { min: 3, length: 1 } });
    expect(decodeFieldError("Invalid input")).toBeNull();
  });

  it("formats a zod issue in Italian and English", async () => {
    const v = buildValidator({ version: 1, pages: [{ key: "p", title: "P", fields: [{ key: "cf", type: "fiscalCode", label: "CF" }] }] }, { mode: "submit" });
    const issue = v.safeParse({ cf: "RSSMRA85T10" }).error!.issues[0]!;
    expect(formatFieldError(issue, await getTranslator("it", "forms"))).toBe(
      "Il codice fiscale non è valido: controlla di averlo scritto per intero (16 caratteri, ora sono 11).",
    );
    expect(formatFieldError(issue, await getTranslator("en", "forms"))).toBe("The fiscal code is not valid: check you wrote all of it (16 characters, now 11).");
  });

  it("falls back to the generic message for issues that aren't ours", async () => {
    expect(formatFieldError({ message: "Expected object" }, await getTranslator("it", "forms"))).toBe("Il valore inserito non è valido. Controllalo e riprova.");
  });

  it("keeps the municipality's own pattern message", async () => {
    expect(formatFieldError(encodeFieldError("patternCustom", { message: "Scrivi la targa come AB123CD." }), await getTranslator("it", "forms"))).toBe("Scrivi la targa come AB123CD.");
  });

  it("has an Italian and an English message for every error the engine emits", () => {
    const names = emittedErrorNames();
    expect(names.size).toBeGreaterThan(30);
    for (const locale of ["it", "en"]) {
      const missing = [...names].filter((n) => !catalogue(locale).errors?.[n]);
      expect(missing, locale).toEqual([]);
    }
    expect(Object.keys(catalogue("en").errors!).sort()).toEqual(Object.keys(catalogue("it").errors!).sort());
    expect(Object.keys(catalogue("en").schemaProblems!).sort()).toEqual(Object.keys(catalogue("it").schemaProblems!).sort());
  });
});
