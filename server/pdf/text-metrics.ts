// Advance widths of the standard PDF fonts the receipt uses (Adobe's AFM metrics, in 1/1000 em,
// for every character WinAnsi encoding can print; Courier is monospaced) and line wrapping with
// them. The receipt lays out its summary rows and plans its pages with these instead of running
// react-pdf's text engine (see summary-rows.tsx). Kerning is left out, so a measured line is
// never narrower than the printed one.

export type TStandardFont = "Helvetica" | "Helvetica-Bold" | "Courier";

const WIDTHS: Record<Exclude<TStandardFont, "Courier">, Record<number, string>> = {
  Helvetica: {
    191: "'",
    222: "ijl‚‘’",
    260: "|¦",
    278: " !,./:;I[\\]ft\u00a0·ÌÍÎÏìíîï",
    333: "()-`r¡¨\u00ad¯²³´¸¹„ˆ‹“”˜›",
    334: "{}",
    350: "•",
    355: "\"",
    365: "º",
    370: "ª",
    389: "*",
    400: "°",
    469: "^",
    500: "JcksvxyzçýÿšžŸ",
    537: "¶",
    556: "#$0123456789?L_abdeghnopqu¢£¤¥§«µ»àáâãäåèéêëðñòóôõöùúûüþ€ƒ†‡–",
    584: "+<=>~¬±×÷",
    611: "FTZ¿ßøŽ",
    667: "&ABEKPSVXYÀÁÂÃÄÅÈÉÊËÝÞŠ",
    722: "CDHNRUwÇÐÑÙÚÛÜ",
    737: "©®",
    778: "GOQÒÓÔÕÖØ",
    833: "Mm",
    834: "¼½¾",
    889: "%æ",
    944: "Wœ",
    1000: "Æ…‰Œ—™",
    1015: "@",
  },
  "Helvetica-Bold": {
    238: "'",
    278: " ,./I\\ijl\u00a0·ÌÍÎÏìíîï‚‘’",
    280: "|¦",
    333: "!()-:;[]`ft¡¨\u00ad¯²³´¸¹ˆ‹˜›",
    350: "•",
    365: "º",
    370: "ª",
    389: "*r{}",
    400: "°",
    474: "\"",
    500: "z„“”ž",
    556: "#$0123456789J_aceksvxy¢£¤¥§«¶»àáâãäåçèéêëýÿ€ƒ†‡–šŸ",
    584: "+<=>^~¬±×÷",
    611: "?FLTZbdghnopquµ¿ßðñòóôõöøùúûüþŽ",
    667: "EPSVXYÈÉÊËÝÞŠ",
    722: "&ABCDHKNRUÀÁÂÃÄÅÇÐÑÙÚÛÜ",
    737: "©®",
    778: "GOQwÒÓÔÕÖØ",
    833: "M",
    834: "¼½¾",
    889: "%mæ",
    944: "Wœ",
    975: "@",
    1000: "Æ…‰Œ—™",
  },
};

const TABLES = new Map<TStandardFont, Map<string, number>>();
for (const [font, table] of Object.entries(WIDTHS)) {
  const widths = new Map<string, number>();
  for (const [width, chars] of Object.entries(table)) for (const c of chars) widths.set(c, Number(width));
  TABLES.set(font as TStandardFont, widths);
}

/** Characters outside WinAnsi cannot be printed in a standard font; counted wide to be safe. */
const UNKNOWN_WIDTH = 1000;

/** Width in points of a string at `fontSize`. */
export function textWidth(text: string, font: TStandardFont, fontSize: number): number {
  const table = TABLES.get(font);
  let units = 0;
  for (const c of text) units += table ? (table.get(c) ?? UNKNOWN_WIDTH) : 600;
  return (units * fontSize) / 1000;
}

/** Longer unbroken words are cut in pieces (as hyphenation.ts does for react-pdf's own text). */
const MAX_WORD = 24;

function pieces(word: string, maxWidth: number, font: TStandardFont, fontSize: number): string[] {
  if (word.length <= MAX_WORD && textWidth(word, font, fontSize) <= maxWidth) return [word];
  const chars = [...word];
  const step = chars.length > MAX_WORD ? MAX_WORD / 2 : chars.length;
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += step) chunks.push(chars.slice(i, i + step).join(""));
  // A piece still wider than the column (narrow columns) is cut where it stops fitting.
  return chunks.flatMap((chunk) => {
    if (textWidth(chunk, font, fontSize) <= maxWidth) return [chunk];
    const out: string[] = [];
    let current = "";
    for (const c of chunk) {
      if (current && textWidth(current + c, font, fontSize) > maxWidth) {
        out.push(current);
        current = "";
      }
      current += c;
    }
    if (current) out.push(current);
    return out;
  });
}

/**
 * Greedy wrapping at spaces, keeping the line breaks the text has; the pieces of a cut word are
 * joined without a space. Always at least one line (empty for empty text).
 */
export function wrapLines(text: string, maxWidth: number, font: TStandardFont, fontSize: number): string[] {
  const space = textWidth(" ", font, fontSize);
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, "\n").split("\n")) {
    let line = "";
    let width = 0;
    for (const word of paragraph.split(/[ \t]+/)) {
      if (!word) continue;
      pieces(word, maxWidth, font, fontSize).forEach((part, i) => {
        const partWidth = textWidth(part, font, fontSize);
        const gap = line && i === 0 ? space : 0;
        if (line && width + gap + partWidth > maxWidth) {
          lines.push(line);
          line = part;
          width = partWidth;
          return;
        }
        line += (gap ? " " : "") + part;
        width += gap + partWidth;
      });
    }
    lines.push(line);
  }
  return lines;
}
