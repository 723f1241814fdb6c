import type { TCanvasLine, TCanvasRect } from "./canvas-text";
import { BRAND, CONTENT, INK, MUTED, QR, RULE } from "./receipt-style";
import { textWidth, wrapLines, type TStandardFont } from "./text-metrics";

// The parts of the receipt drawn on canvases (canvas-text.tsx), laid out here: the page header
// and footer, the facts beside the QR code and the summary's "label → value" rows. Same look as
// the Views and Texts they replace (positions checked against react-pdf's output with
// pdftotext -bbox); measured heights also let receipt-pages.ts plan the pages.

export type TCanvasContent = { width: number; height: number; lines: TCanvasLine[]; rects: TCanvasRect[] };

/** react-pdf's line height for a text without one: ascent 0.9 em + descent 0.2 em. */
const natural = (size: number) => 1.1 * size;

function paragraph(text: string, at: { x: number; y: number; width: number }, font: TStandardFont, size: number, color: string, lineHeight = natural(size)) {
  return wrapLines(text, at.width, font, size).map((line, i) => ({ text: line, x: at.x, y: at.y + i * lineHeight, font, size, color }));
}

// Page header: municipality (and its area), blue rule below.
export const HEADER_TOP = 28;
export function headerLayout(municipality: string, area: string | null | undefined): TCanvasContent {
  const lines = paragraph(municipality, { x: 0, y: 0, width: CONTENT }, "Helvetica-Bold", 15, INK);
  let y = lines.length * natural(15);
  if (area) {
    const areaLines = paragraph(area, { x: 0, y: y + 2, width: CONTENT }, "Helvetica", 9, MUTED);
    lines.push(...areaLines);
    y += 2 + areaLines.length * natural(9);
  }
  y += 8;
  return { width: CONTENT, height: y + 2, lines, rects: [{ x: 0, y, width: CONTENT, height: 2, color: BRAND }] };
}

// Page footer: grey rule, the document's name on the left, the page number on the right.
export const FOOTER_BOTTOM = 28;
export function footerLayout(left: string, right: string): TCanvasContent {
  const size = 8;
  const rightWidth = textWidth(right, "Helvetica", size);
  const lines = [
    ...paragraph(left, { x: 0, y: 7, width: CONTENT - rightWidth - 12 }, "Helvetica", size, MUTED),
    { text: right, x: CONTENT - rightWidth, y: 7, font: "Helvetica" as const, size, color: MUTED },
  ];
  const height = 7 + Math.max(1, lines.length - 1) * natural(size);
  return { width: CONTENT, height, lines, rects: [{ x: 0, y: 0, width: CONTENT, height: 1, color: RULE }] };
}

// Facts (service, protocol number, date…) in two columns left of the QR code.
const FACT_LABEL = 150;
const FACT_GAP = 16;
const TEXT_LINE = 14; // 10 pt, line height 1.4
const FACT_SPACING = 4;
export function factsLayout(facts: { label: string; value: string }[]): TCanvasContent {
  const width = CONTENT - QR;
  const lines: TCanvasLine[] = [];
  let y = 0;
  for (const f of facts) {
    const label = paragraph(f.label, { x: 0, y, width: FACT_LABEL }, "Helvetica", 10, MUTED, TEXT_LINE);
    const value = paragraph(f.value, { x: FACT_LABEL, y, width: width - FACT_LABEL - FACT_GAP }, "Helvetica-Bold", 10, INK, TEXT_LINE);
    lines.push(...label, ...value);
    y += Math.max(label.length, value.length) * TEXT_LINE + FACT_SPACING;
  }
  return { width, height: y, lines, rects: [] };
}

// The summary: one row per answer, a rule above each, label (grey) and value side by side.
const ROW_LABEL = 170;
const ROW_LABEL_GAP = 10;
const ROW_RULE = 1;
const ROW_PADDING = 5;
/** A long value may break across pages, line by line; a shorter row stays whole. */
const LONG_VALUE = 300;

/** A piece of the summary that cannot break across pages: a whole row, or lines of a long one. */
export type TRowBlock = { key: string; label: string[]; value: string[]; top: boolean; bottom: boolean; height: number };

function block(key: string, label: string[], value: string[], top: boolean, bottom: boolean): TRowBlock {
  const height = (top ? ROW_RULE + ROW_PADDING : 0) + Math.max(label.length, value.length) * TEXT_LINE + (bottom ? ROW_PADDING : 0);
  return { key, label, value, top, bottom, height };
}

export function rowBlocks(rows: { label: string; value: string }[]): TRowBlock[] {
  return rows.flatMap((row, i) => {
    const label = wrapLines(row.label, ROW_LABEL - ROW_LABEL_GAP, "Helvetica", 10);
    const value = wrapLines(row.value, CONTENT - ROW_LABEL, "Helvetica", 10);
    if (row.value.length <= LONG_VALUE) return [block(`${i}`, label, value, true, true)];
    // As react-pdf splits a paragraph: the label and at least two lines stay with the row's rule.
    const first = Math.max(label.length, 2);
    const out = [block(`${i}`, label, value.slice(0, first), true, value.length <= first)];
    for (let l = first; l < value.length; l++) out.push(block(`${i}.${l}`, [], [value[l]!], false, l === value.length - 1));
    return out;
  });
}

export function rowsLayout(blocks: TRowBlock[]): TCanvasContent {
  const lines: TCanvasLine[] = [];
  const rects: TCanvasRect[] = [];
  let y = 0;
  for (const b of blocks) {
    if (b.top) rects.push({ x: 0, y, width: CONTENT, height: ROW_RULE, color: RULE });
    const top = y + (b.top ? ROW_RULE + ROW_PADDING : 0);
    b.label.forEach((text, i) => lines.push({ text, x: 0, y: top + i * TEXT_LINE, font: "Helvetica", size: 10, color: MUTED }));
    b.value.forEach((text, i) => lines.push({ text, x: ROW_LABEL, y: top + i * TEXT_LINE, font: "Helvetica", size: 10, color: INK }));
    y += b.height;
  }
  return { width: CONTENT, height: y, lines, rects };
}
