import { describe, expect, it } from "vitest";
import { bootstrapPrimaryOverrides } from "./bootstrap-primary";
import { brandStylesheet, brandVariables } from "./brand-colors";
import { levelColor, primaryLevelOf, rewritePrimaryColors } from "./primary-rewrite";

// A municipality's colour must drive Bootstrap Italia's primary everywhere it is baked in,
// hover and active shades included, and change nothing else.

describe("rewritePrimaryColors", () => {
  it("rewrites the primary and its shades and tints to variables, with the original as fallback", () => {
    const css = [
      ".btn-primary{color:#fff;--bs-btn-bg: hsl(210, 100%, 40%);--bs-btn-hover-bg: rgb(0, 86.7, 173.4);--bs-btn-focus-shadow-rgb: 38.25, 124.95, 211.65;padding:12px}",
      ".x{background-color:RGBA(0, 102, 204, var(--bs-bg-opacity, 1)) !important}",
      ".y{color:#0a0a0a;border-color:#06c6c6}",
    ].join("");
    const out = rewritePrimaryColors(css);
    expect(out.css).toBe(
      ".btn-primary{--bs-btn-bg:rgb(var(--sp-primary-s1000, 0, 102, 204));--bs-btn-hover-bg:rgb(var(--sp-primary-s850, 0, 86.7, 173.4));--bs-btn-focus-shadow-rgb:var(--sp-primary-t150, 38.25, 124.95, 211.65)}\n" +
        ".x{background-color:rgba(var(--sp-primary-s1000, 0, 102, 204), var(--bs-bg-opacity, 1)) !important}\n",
    );
    expect(out.levels).toEqual(["s1000", "s850", "t150"]);
  });

  it("re-declares :root variables on the municipality's wrapper, keeps media queries, leaves url() alone", () => {
    const css =
      ':root{--bs-link-color: #06c;--bs-body-color: #1a1a1a}@media(min-width: 992px){.nav{background:#06c}}.a:after{content:url("data:image/svg+xml,%3Csvg fill=\'hsl(210, 100%, 40%)\'/%3E")}@font-face{font-family:x;src:url(x.woff2)}';
    expect(rewritePrimaryColors(css).css).toBe(
      ".tenant-scope{--bs-link-color:rgb(var(--sp-primary-s1000, 0, 102, 204))}\n@media(min-width: 992px){.nav{background:rgb(var(--sp-primary-s1000, 0, 102, 204))}\n}",
    );
  });

  it("keeps a property's fallback pair together, in order", () => {
    expect(rewritePrimaryColors(".g{background:#06c;background:linear-gradient(#fff,#eee)}").css).toBe(".g{background:rgb(var(--sp-primary-s1000, 0, 102, 204));background:linear-gradient(#fff,#eee)}\n");
  });

  it("re-emits the later rules on the same properties, so the original cascade still decides", () => {
    // .btn-outline-light comes after .btn with the same specificity: it must keep its own colour.
    const css = ".btn{--bs-btn-color:#06c;padding:1px}.btn-outline-light{--bs-btn-color:#eee;margin:0}.a{border-color:#06c}.b{border:1px solid red}.c{border-radius:4px}";
    expect(rewritePrimaryColors(css, [".app .btn{--bs-btn-color:#fff}"]).css).toBe(
      ".btn{--bs-btn-color:rgb(var(--sp-primary-s1000, 0, 102, 204))}\n.btn-outline-light{--bs-btn-color:#eee}\n.a{border-color:rgb(var(--sp-primary-s1000, 0, 102, 204))}\n.b{border:1px solid red}\n.app .btn{--bs-btn-color:#fff}\n",
    );
  });

  it("tells the primary family from other colours", () => {
    expect(primaryLevelOf([0, 51, 102])).toBe("s500");
    expect(primaryLevelOf([229.5, 239.7, 249.9])).toBe("t900");
    expect(primaryLevelOf([255, 255, 255])).toBeNull();
    expect(primaryLevelOf([0, 128, 85])).toBeNull();
    expect(levelColor([46, 125, 50], "s850")).toEqual([39, 106, 43]);
    expect(levelColor([46, 125, 50], "t150")).toEqual([77, 145, 81]);
  });
});

describe("the theme of a municipality (Bootstrap Italia as installed)", () => {
  const { css, levels } = bootstrapPrimaryOverrides();

  it("covers buttons (hover and active too), links, form controls and the header", () => {
    expect(css).toMatch(/^\.btn-primary\{[^}]*--bs-btn-bg:rgb\(var\(--sp-primary-s1000,[^}]*--bs-btn-hover-bg:rgb\(var\(--sp-primary-s850,[^}]*--bs-btn-active-bg:rgb\(var\(--sp-primary-s800,/m);
    expect(css).toMatch(/^\.tenant-scope\{[^}]*--bs-primary:rgb\(var\(--sp-primary-s1000,[^}]*--bs-link-color:rgb\(var\(--sp-primary-s1000,[^}]*--bs-link-hover-color:rgb\(var\(--sp-primary-s800,/m);
    expect(css).toMatch(/^\.form-check-input:checked\{background-color:rgb\(var\(--sp-primary-s1000,/m);
    expect(css).toMatch(/^\.btn-outline-primary\{/m);
    expect(css).toContain(".it-header-center-wrapper{background:rgb(var(--sp-primary-s1000");
    // The dark-background variant keeps its own (white) background: only its primary parts change.
    expect(css).toMatch(/^\.bg-dark \.btn-primary\{--bs-btn-color:rgb\(var\(--sp-primary-s1000[^}]*\}/m);
    // ...and the light outline button (the sign-out button on the header) its own.
    expect(css.indexOf("\n.btn-outline-light{")).toBeGreaterThan(css.indexOf("\n.btn{--bs-btn-color:rgb(var(--sp-primary-s1000"));
    expect(levels).toEqual(expect.arrayContaining(["s1000", "s850", "s800", "t150"]));
  });

  it("gives every level the municipality's colour in the stylesheet", () => {
    const sheet = brandStylesheet("borgoverde", "#2e7d32", levels);
    expect(sheet.startsWith(".tenant-scope-borgoverde{--brand:#2e7d32;--brand-dark:#276a2b;")).toBe(true);
    for (const level of levels) expect(sheet).toContain(`--sp-primary-${level}:`);
    expect(brandVariables("#2e7d32", ["s1000", "s850"])).toMatchObject({ "--sp-primary-s1000": "46, 125, 50", "--sp-primary-s850": "39, 106, 43" });
  });
});
