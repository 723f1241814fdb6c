import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { loadMessages, mergeMessages, messagesDir, type TMessages } from "./messages";
import { getTranslator } from "./translator";

// The real catalogues on disk, as emails, PDFs and jobs use them outside a request.

describe("getTranslator", () => {
  it("translates with values in Italian and English", async () => {
    const it_ = await getTranslator("it", "personalArea");
    const en = await getTranslator("en", "personalArea");
    expect(it_("greeting", { givenName: "Mario" })).toBe("Ciao, Mario");
    expect(en("greeting", { givenName: "Mario" })).toBe("Hello, Mario");
  });

  it("shows the Italian text where a German translation is missing", async () => {
    const de = await getTranslator("de", "shell");
    expect(de("skipLinks.main")).toBe("Zum Hauptinhalt springen");
    expect(de("error.retry")).toBe("Riprova");
  });

  it("shows the key instead of crashing when a message does not exist", async () => {
    const t = await getTranslator("it", "shell");
    expect(t("no.such.key")).toBe("shell.no.such.key");
  });
});

describe("message catalogues", () => {
  it("loads every namespace file of the folder", async () => {
    const messages = await loadMessages("it");
    const files = fs.readdirSync(path.join(messagesDir(), "it")).filter((f) => f.endsWith(".json"));
    expect(Object.keys(messages).sort()).toEqual(files.map((f) => f.replace(/\.json$/, "")).sort());
  });

  it("every English and German key also exists in Italian (no orphan translations)", async () => {
    const it_ = await loadMessages("it");
    const keys = (m: TMessages, prefix = ""): string[] =>
      Object.entries(m).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
    const italian = new Set(keys(it_));
    for (const locale of LOCALES.filter((l) => l !== "it")) {
      const dir = path.join(messagesDir(), locale);
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
        const ns = file.replace(/\.json$/, "");
        const own = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as TMessages;
        expect(keys(own, `${ns}.`).filter((k) => !italian.has(k)), `${locale}/${file}`).toEqual([]);
      }
    }
  });

  it("merges nested objects key by key", () => {
    expect(mergeMessages({ a: { b: "1", c: "2" } }, { a: { c: "3" } })).toEqual({ a: { b: "1", c: "3" } });
  });
});
