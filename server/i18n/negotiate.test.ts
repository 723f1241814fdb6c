import { describe, expect, it } from "vitest";
import { negotiateLocale, parseAcceptLanguage } from "./negotiate";

describe("negotiateLocale", () => {
  it("uses the language the visitor picked in the switcher", () => {
    expect(negotiateLocale({ cookie: "de", acceptLanguage: "en-US,en;q=0.9" })).toBe("de");
  });

  it("ignores a cookie naming a language we do not speak", () => {
    expect(negotiateLocale({ cookie: "fr", acceptLanguage: "en-GB" })).toBe("en");
  });

  it("follows the browser's preference order, region subtags included", () => {
    expect(negotiateLocale({ acceptLanguage: "fr-FR,de-CH;q=0.8,en;q=0.5" })).toBe("de");
    expect(negotiateLocale({ acceptLanguage: "en;q=0.2,it;q=0.9" })).toBe("it");
  });

  it("falls back to Italian when nothing matches or nothing is sent", () => {
    expect(negotiateLocale({ acceptLanguage: "fr,es;q=0.5" })).toBe("it");
    expect(negotiateLocale({})).toBe("it");
  });

  it("drops languages the browser refuses (q=0) and wildcards", () => {
    expect(parseAcceptLanguage("en;q=0, *;q=0.5, de")).toEqual(["de"]);
  });
});
