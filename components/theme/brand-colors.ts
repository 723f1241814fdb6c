import { levelColor, primaryVariable, type TPrimaryLevel, type TRgb } from "./primary-rewrite";

// A municipality's brand colour is Bootstrap Italia's primary on its pages: header background
// behind white text, primary buttons with white text, links on white. It must keep WCAG AA
// contrast (4.5:1) with white: the settings refuse a lighter colour, and a stored one that is
// too light (set before that check) is darkened (same hue) until it does.

const HEX = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;
const FALLBACK = "#0066cc";

/** WCAG 2.1 AA for normal text (white text on the colour, the colour's links on white). */
export const MIN_BRAND_CONTRAST = 4.5;

/** Colours of Bootstrap Italia's palette that pass MIN_BRAND_CONTRAST, offered as swatches. */
export const BRAND_SWATCHES = [
  { hex: "#0066cc", key: "primary" },
  { hex: "#17334f", key: "dark" },
  { hex: "#008055", key: "success" },
  { hex: "#cc334d", key: "danger" },
  { hex: "#995c00", key: "warning" },
  { hex: "#5d7083", key: "secondary" },
  { hex: "#554dff", key: "indigo" },
  { hex: "#525252", key: "gray" },
] as const;

export function parseHex(input: string): TRgb | null {
  const m = HEX.exec(input.trim());
  if (!m?.[1]) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as TRgb;
}

export function toHex([r, g, b]: TRgb): string {
  return `#${[r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, "0")).join("")}`;
}

function luminance([r, g, b]: TRgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio between two colours. */
export function contrastRatio(a: TRgb, b: TRgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function darken([r, g, b]: TRgb, amount: number): TRgb {
  return [r * (1 - amount), g * (1 - amount), b * (1 - amount)];
}

const WHITE: TRgb = [255, 255, 255];

/** "#rrggbb" (lower case) for a 3- or 6-digit hex colour, with or without "#"; null otherwise. */
export function normalizeHex(input: string): string | null {
  const rgb = parseHex(input);
  return rgb ? toHex(rgb) : null;
}

/** Contrast of a hex colour with white, or null when it is not a hex colour. */
export function contrastWithWhite(input: string): number | null {
  const rgb = parseHex(input);
  return rgb ? contrastRatio(rgb, WHITE) : null;
}

/** The brand colour made safe for white text, plus a darker shade for the slim header. */
export function brandPalette(input: string | null | undefined): { brand: string; brandDark: string } {
  let rgb = parseHex(input ?? "") ?? (parseHex(FALLBACK) as TRgb);
  while (contrastRatio(rgb, WHITE) < 4.5) rgb = darken(rgb, 0.05);
  return { brand: toHex(rgb), brandDark: toHex(darken(rgb, 0.15)) };
}

/** Class of the element wrapping a municipality's pages; its theme.css sets variables on it. */
export function tenantScopeClass(slug: string): string {
  return `tenant-scope-${slug}`;
}

/** The CSS variables of a brand colour: --brand, --brand-dark and the primary family's
 * levels the Bootstrap Italia overrides read (primary-rewrite.ts), as "r, g, b". */
export function brandVariables(
  input: string | null | undefined,
  levels: readonly TPrimaryLevel[] = [],
  /** false: the colour as given, even if too light (the settings preview shows what would happen). */
  adjust = true,
): Record<string, string> {
  const given = adjust ? null : parseHex(input ?? "");
  const { brand, brandDark } = given ? { brand: toHex(given), brandDark: toHex(darken(given, 0.15)) } : brandPalette(input);
  const primary = parseHex(brand) as TRgb;
  return {
    "--brand": brand,
    "--brand-dark": brandDark,
    ...Object.fromEntries(levels.map((level) => [primaryVariable(level), levelColor(primary, level).join(", ")])),
  };
}

/**
 * The variables of the stylesheet served at /{tenant}/theme.css. Scoped to the municipality's
 * wrapper, not :root: after moving between municipalities in the browser both sheets stay
 * loaded, and each must only colour its own pages.
 */
export function brandStylesheet(slug: string, input: string | null | undefined, levels: readonly TPrimaryLevel[] = []): string {
  const declarations = Object.entries(brandVariables(input, levels)).map(([name, value]) => `${name}:${value};`);
  return `.${tenantScopeClass(slug)}{${declarations.join("")}}\n`;
}
