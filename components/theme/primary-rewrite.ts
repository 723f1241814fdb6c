// Bootstrap Italia is compiled with one primary colour (#06c) and bakes it, and the shades and
// tints Sass derived from it (hover and active states, focus shadows, light backgrounds), into
// some 400 literal values of its stylesheet. A municipality's own colour has to replace all of
// them, not just a few hand-picked rules, or its buttons would turn back to blue on hover.
//
// rewritePrimaryColors() reads the stylesheet once and keeps only the declarations that use a
// colour of the primary family, each rewritten to read a CSS variable per level, with the
// original colour as fallback: `.btn-primary{--bs-btn-hover-bg: rgb(var(--sp-primary-s850, 0, 86.7, 173.4))}`.
// Same selectors as Bootstrap Italia's, so loaded after it they replace exactly the values they
// rewrite and nothing of the cascade changes; outside a municipality's pages (no variables) the
// fallbacks keep the original look. Variables declared on :root are re-declared on the
// municipality's wrapper (.tenant-scope), where the per-municipality values are set.
// Pure (no I/O): the theme route reads the file, the settings preview uses the level names.

export type TRgb = [number, number, number];

/** The default primary colour of Bootstrap Italia (hsl(210, 100%, 40%)). */
export const BOOTSTRAP_PRIMARY: TRgb = [0, 102, 204];

/** A level of the primary family: "s850" = the primary × 0.85 (a shade; above 1000, brighter);
 * "t150" = the primary mixed with 15% white (a tint). */
export type TPrimaryLevel = `s${number}` | `t${number}`;

/** The wrapper of a municipality's pages, where :root variables are re-declared. */
export const SCOPE_SELECTOR = ".tenant-scope";

const TOLERANCE = 0.75;
/** Tints lighter than this are the near-white greys of the theme, not the primary. */
const MAX_TINT = 0.95;

export function primaryVariable(level: TPrimaryLevel): string {
  return `--sp-primary-${level}`;
}

/** Which level of the primary family a colour is, or null when it is not one. */
export function primaryLevelOf([r, g, b]: TRgb): TPrimaryLevel | null {
  const [, pg, pb] = BOOTSTRAP_PRIMARY;
  if (r <= TOLERANCE && b > 1) {
    const f = b / pb;
    if (Math.abs(g - pg * f) <= TOLERANCE) return `s${Math.round(f * 1000)}`;
  }
  const t = r / 255;
  if (r > TOLERANCE && t < MAX_TINT && Math.abs(g - (pg + (255 - pg) * t)) <= TOLERANCE && Math.abs(b - (pb + (255 - pb) * t)) <= TOLERANCE) {
    return `t${Math.round(t * 1000)}`;
  }
  return null;
}

/** The colour of a level for a given primary ("r, g, b", as the variables hold it). */
export function levelColor(primary: TRgb, level: TPrimaryLevel): TRgb {
  const amount = Number(level.slice(1)) / 1000;
  const clamp = (v: number) => Math.round(Math.min(255, Math.max(0, v)));
  return primary.map((c) => clamp(level.startsWith("s") ? c * amount : c + (255 - c) * amount)) as TRgb;
}

// ---- Colour literals.

function channel(token: string, scale: number): number {
  return token.endsWith("%") ? (parseFloat(token) / 100) * scale : parseFloat(token);
}

function hslToRgb(h: number, s: number, l: number): TRgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [f(0), f(8), f(4)];
}

/** A colour literal (#hex, rgb(a), hsl(a)) as RGB and alpha; null for anything else (var(), names). */
export function parseColorLiteral(literal: string): { rgb: TRgb; alpha: string | null } | null {
  const text = literal.trim();
  if (text.startsWith("#")) {
    let hex = text.slice(1).toLowerCase();
    if (!/^([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.test(hex)) return null;
    if (hex.length <= 4) hex = [...hex].map((c) => c + c).join("");
    const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as TRgb;
    return { rgb, alpha: hex.length === 8 ? String(Math.round((parseInt(hex.slice(6), 16) / 255) * 1000) / 1000) : null };
  }
  const fn = /^(rgba?|hsla?)\((.*)\)$/i.exec(text);
  const args = fn && /^\s*(-?[\d.]+(?:%|deg)?)[\s,]+(-?[\d.]+%?)[\s,]+(-?[\d.]+%?)\s*(?:[,/]\s*(.+?))?\s*$/.exec(fn[2]!);
  if (!fn || !args) return null;
  const [, a, b, c, alpha = null] = args as unknown as [string, string, string, string, string | undefined];
  if (fn[1]!.toLowerCase().startsWith("rgb")) return { rgb: [channel(a, 255), channel(b, 255), channel(c, 255)], alpha };
  return { rgb: hslToRgb(parseFloat(a), channel(b, 1), channel(c, 1)), alpha };
}

const fmt = (rgb: TRgb) => rgb.map((v) => Math.round(v * 100) / 100).join(", ");

/** The value that reads a level's variable, falling back to the original colour. */
function levelReference(level: TPrimaryLevel, rgb: TRgb, alpha: string | null): string {
  const ref = `var(${primaryVariable(level)}, ${fmt(rgb)})`;
  return alpha === null || alpha === "1" ? `rgb(${ref})` : `rgba(${ref}, ${alpha})`;
}

// ---- A small reader for (minified) CSS: strings, comments and nested brackets are skipped.

function skipString(css: string, i: number): number {
  const quote = css[i];
  for (let j = i + 1; j < css.length; j++) {
    if (css[j] === "\\") j++;
    else if (css[j] === quote) return j + 1;
  }
  return css.length;
}

function skipComment(css: string, i: number): number {
  const end = css.indexOf("*/", i + 2);
  return end === -1 ? css.length : end + 2;
}

/** Where the next thing to skip as a whole starts at i: a string or a comment; else null. */
function skipAt(css: string, i: number): number | null {
  const c = css[i];
  if (c === '"' || c === "'") return skipString(css, i);
  if (c === "/" && css[i + 1] === "*") return skipComment(css, i);
  return null;
}

/** Index of the bracket closing the one opened at `open`. */
function closing(css: string, open: number): number {
  let depth = 0;
  for (let j = open; j < css.length; j++) {
    const skip = skipAt(css, j);
    if (skip !== null) {
      j = skip - 1;
      continue;
    }
    const c = css[j];
    if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") {
      depth--;
      if (depth === 0) return j;
    }
  }
  return css.length;
}

/** `text` split on `sep` outside strings, comments and brackets. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let j = 0; j < text.length; j++) {
    const skip = skipAt(text, j);
    if (skip !== null) {
      j = skip - 1;
      continue;
    }
    const c = text[j];
    if (c === "(" || c === "[" || c === "{") j = closing(text, j);
    else if (c === sep) {
      parts.push(text.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const COLOR_LITERAL = /#[0-9a-f]{3,8}(?![0-9a-z_-])|\b(?:rgba?|hsla?)\((?:[^()]|\([^()]*\))*\)/gi;
const BARE_TRIPLE = /^\s*(-?[\d.]+),\s*(-?[\d.]+),\s*(-?[\d.]+)\s*$/;

/** A declaration's value with its primary colours rewritten (url(…) contents left alone). */
function rewriteValue(property: string, value: string, levels: Set<TPrimaryLevel>): string {
  if (property.startsWith("--") && property.endsWith("-rgb")) {
    const m = BARE_TRIPLE.exec(value);
    if (!m) return value;
    const rgb = [m[1], m[2], m[3]].map(Number) as TRgb;
    const level = primaryLevelOf(rgb);
    if (!level) return value;
    levels.add(level);
    return ` var(${primaryVariable(level)}, ${fmt(rgb)})`;
  }
  const replace = (segment: string) =>
    segment.replace(COLOR_LITERAL, (literal) => {
      const color = parseColorLiteral(literal);
      const level = color && primaryLevelOf(color.rgb);
      if (!color || !level) return literal;
      levels.add(level);
      return levelReference(level, color.rgb, color.alpha);
    });
  let out = "";
  let at = 0;
  for (const m of value.matchAll(/\burl\(/gi)) {
    if (m.index < at) continue;
    const end = closing(value, m.index + 3);
    out += replace(value.slice(at, m.index)) + value.slice(m.index, end + 1);
    at = end + 1;
  }
  return out + replace(value.slice(at));
}

type TDeclaration = { property: string; value: string };
/** A style rule with the at-rules (@media…) it sits in, outermost first. */
type TRule = { wrappers: string[]; selectors: string; declarations: TDeclaration[] };

function parseDeclarations(body: string): TDeclaration[] {
  return splitTopLevel(body, ";")
    .map((d) => {
      const colon = d.indexOf(":");
      return colon === -1 ? null : { property: d.slice(0, colon).trim(), value: d.slice(colon + 1) };
    })
    .filter((d): d is TDeclaration => d !== null && d.property !== "");
}

const NESTING_AT_RULES = /^@(media|supports|layer|container)\b/i;

/** The style rules of a stylesheet, in order (@font-face, @keyframes and the like left out). */
function parseRules(css: string, wrappers: string[] = [], out: TRule[] = []): TRule[] {
  let i = 0;
  while (i < css.length) {
    let j = i;
    for (; j < css.length; j++) {
      const skip = skipAt(css, j);
      if (skip !== null) {
        j = skip - 1;
        continue;
      }
      const c = css[j];
      if (c === "(" || c === "[") j = closing(css, j);
      else if (c === "{" || c === ";" || c === "}") break;
    }
    if (j >= css.length) break;
    if (css[j] !== "{") {
      i = j + 1; // a statement (@charset, @import, @layer a, b;) or a stray brace
      continue;
    }
    const prelude = css
      .slice(i, j)
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .trim();
    const end = closing(css, j);
    const body = css.slice(j + 1, end);
    i = end + 1;
    if (!prelude.startsWith("@")) out.push({ wrappers, selectors: prelude, declarations: parseDeclarations(body) });
    else if (NESTING_AT_RULES.test(prelude)) parseRules(body, [...wrappers, prelude], out);
  }
  return out;
}

function scopeRoot(selectors: string): string {
  return splitTopLevel(selectors, ",")
    .map((s) => (s.trim() === ":root" ? SCOPE_SELECTOR : s.trim()))
    .join(",");
}

/** Shorthands and their longhands set each other: a property of one of these families brings
 * the whole family along (border-radius, -spacing and -collapse are not part of `border`). */
function propertyFamily(property: string): string {
  if (/^border(-(top|right|bottom|left|block|inline)(-(start|end))?)?(-(width|style|color))?$/.test(property) || property.startsWith("border-image"))
    return "border";
  if (property === "background" || property.startsWith("background-")) return "background";
  return property;
}

/**
 * Bootstrap Italia's rules re-emitted to theme its primary colour. A rule appended after the
 * stylesheet beats not only its original but every later rule of the same specificity that
 * set the same property (a `.btn` colour after `.btn-outline-light`'s); so every rule that sets
 * a themed property (or one of its family) is re-emitted, in the original order, with only
 * those declarations: among the copies the cascade is the original one, and the copies win.
 * `after` (the app's own stylesheet, which follows Bootstrap Italia's) is re-emitted last the
 * same way, so its overrides still win.
 */
export function rewritePrimaryColors(css: string, after: readonly string[] = []): { css: string; levels: TPrimaryLevel[] } {
  const levels = new Set<TPrimaryLevel>();
  const rules = [css, ...after].map((sheet) => parseRules(sheet));
  const rewritten = rules.map((sheet) =>
    sheet.map((rule) => ({ ...rule, declarations: rule.declarations.map((d) => ({ ...d, next: rewriteValue(d.property, d.value, levels) })) })),
  );
  const themed = new Set(rewritten[0]!.flatMap((rule) => rule.declarations.filter((d) => d.next !== d.value).map((d) => propertyFamily(d.property))));
  let out = "";
  let open: string[] = [];
  for (const rule of rewritten.flat()) {
    const declarations = rule.declarations.filter((d) => themed.has(propertyFamily(d.property)));
    if (declarations.length === 0) continue;
    if (rule.wrappers.join("\n") !== open.join("\n")) {
      out += "}".repeat(open.length) + rule.wrappers.map((w) => `${w}{`).join("");
      open = rule.wrappers;
    }
    out += `${scopeRoot(rule.selectors)}{${declarations.map((d) => `${d.property}:${d.next.trim()}`).join(";")}}\n`;
  }
  out += "}".repeat(open.length);
  return { css: out, levels: [...levels].sort() };
}
