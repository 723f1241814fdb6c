// A municipality's brand colour becomes the header background behind white text. Whatever
// colour an administrator picks, the result must keep WCAG AA contrast (4.5:1) with white,
// so a too-light colour is darkened (same hue) until it does.

const HEX = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;
const FALLBACK = "#0066cc";

type TRgb = [number, number, number];

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

/**
 * The stylesheet served at /{tenant}/theme.css. Scoped to the municipality's wrapper, not :root:
 * after moving between municipalities in the browser both sheets stay loaded, and each must
 * only colour its own pages.
 */
export function brandStylesheet(slug: string, input: string | null | undefined): string {
  const { brand, brandDark } = brandPalette(input);
  return `.${tenantScopeClass(slug)}{--brand:${brand};--brand-dark:${brandDark};}\n`;
}
