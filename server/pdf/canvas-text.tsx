import { Canvas } from "@react-pdf/renderer";
import type { TStandardFont } from "./text-metrics";

// Text drawn on a react-pdf canvas at positions worked out in advance (lines wrapped with
// text-metrics.ts). Every <Text> costs react-pdf a run of its text engine and a layout node on
// every pagination pass; the receipt's tables, header and footer have simple, predictable
// layouts, so drawing them this way is several times cheaper. The result is still real PDF text
// in the same standard fonts (selectable, extractable, read aloud).

export type TCanvasLine = {
  text: string;
  x: number;
  /** Top of the line box; the baseline is react-pdf's ascent (0.9 em) below it, as in its own text. */
  y: number;
  font: TStandardFont;
  size: number;
  color: string;
};
export type TCanvasRect = { x: number; y: number; width: number; height: number; color: string };

/** The part of react-pdf's canvas painter (pdfkit's drawing methods, typed `any` by react-pdf) used here. */
type TPainter = {
  rect: (x: number, y: number, w: number, h: number) => TPainter;
  fill: (color: string) => TPainter;
  font: (name: string, size: number) => TPainter;
  fillColor: (color: string) => TPainter;
  text: (text: string, x: number, y: number, options: { lineBreak: false; baseline: "alphabetic" }) => TPainter;
};

export function TextCanvas({
  width,
  height,
  lines,
  rects = [],
  at,
}: {
  width: number;
  height: number;
  lines: TCanvasLine[];
  rects?: TCanvasRect[];
  /** Absolute position on every page (a page header or footer). */
  at?: { top: number; left: number };
}) {
  const paint = (painter: TPainter) => {
    for (const r of rects) painter.rect(r.x, r.y, r.width, r.height).fill(r.color);
    for (const l of lines) {
      if (!l.text) continue;
      painter.font(l.font, l.size).fillColor(l.color).text(l.text, l.x, l.y + 0.9 * l.size, { lineBreak: false, baseline: "alphabetic" });
    }
    return null;
  };
  if (at) return <Canvas fixed style={{ position: "absolute", top: at.top, left: at.left, width, height }} paint={paint} />;
  return <Canvas style={{ width, height }} paint={paint} />;
}
