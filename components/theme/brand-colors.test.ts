import { describe, expect, it } from "vitest";
import { brandPalette, brandStylesheet, contrastRatio, parseHex } from "./brand-colors";

const WHITE: [number, number, number] = [255, 255, 255];

describe("brandPalette", () => {
  it("keeps a colour that already reads well under white text", () => {
    expect(brandPalette("#0066cc").brand).toBe("#0066cc");
  });

  it("darkens a light brand colour until white text on it passes WCAG AA", () => {
    const { brand, brandDark } = brandPalette("#ffd700");
    expect(brand).not.toBe("#ffd700");
    expect(contrastRatio(parseHex(brand)!, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(parseHex(brandDark)!, WHITE)).toBeGreaterThanOrEqual(4.5);
  });

  it("never lets a malformed value into the stylesheet", () => {
    const css = brandStylesheet("esempio", "red;}body{display:none");
    expect(css).toBe(".tenant-scope-esempio{--brand:#0066cc;--brand-dark:#0057ad;}\n");
  });
});
