import { CONTENT, PAGE_HEIGHT, QR, styles, SUMMARY_TITLE_PRESENCE } from "./receipt-style";
import { factsLayout, type TRowBlock } from "./receipt-layout";
import { wrapLines, type TStandardFont } from "./text-metrics";

// Plans the receipt's pages before react-pdf lays them out: the first page's texts are measured
// with the fonts' metrics, the canvases (facts, summary rows) have known heights, and rows go on
// a page while they fit. react-pdf may set a paragraph of the first page on one more line than measured here (it
// balances lines); then the first page overflows, the page count of the result differs from the
// plan, and receipt.tsx falls back to react-pdf's own pagination.

export type TTopTexts = {
  title: string;
  intro: string;
  facts: { label: string; value: string }[];
  verifyTitle: string;
  verifyText: string;
  url: string;
  verificationCode: string;
  summaryTitle: string;
  summaryEmpty: string | null;
};

export type TPagePlan = { pages: TRowBlock[][]; summaryPage: number };

const AVAILABLE = PAGE_HEIGHT - styles.page.paddingTop - styles.page.paddingBottom;
/** react-pdf's SAFETY_THRESHOLD: a row overflowing by less than this still fits. */
const THRESHOLD = 0.001;

type TTextStyle = { fontFamily?: string; fontSize?: number; lineHeight?: number; width?: number };

/** Height of a text block as react-pdf sets it: lines × line height (1.1 em without one: ascent 0.9 + descent 0.2). */
function textHeight(text: string, style: TTextStyle, width = style.width ?? CONTENT): number {
  const fontSize = style.fontSize ?? styles.page.fontSize;
  const font = (style.fontFamily ?? styles.page.fontFamily) as TStandardFont;
  const lineHeight = style.lineHeight ? style.lineHeight * fontSize : 1.1 * fontSize;
  return wrapLines(text, width, font, fontSize).length * lineHeight;
}

/** Title, introduction, facts with the QR code and the verification box. */
function topHeight(texts: TTopTexts): number {
  const facts = factsLayout(texts.facts).height;
  const box = styles.verify.borderWidth + styles.verify.padding;
  const inner = CONTENT - 2 * box;
  const verify =
    2 * box +
    textHeight(texts.verifyTitle, styles.verifyTitle, inner) +
    styles.verifyTitle.marginBottom +
    textHeight(texts.verifyText, styles.body, inner) +
    textHeight(texts.url, styles.verifyUrl, inner) +
    2 * styles.verifyUrl.marginVertical +
    textHeight(texts.verificationCode, styles.body, inner);
  return (
    textHeight(texts.title, styles.title) +
    styles.title.marginBottom +
    textHeight(texts.intro, styles.intro) +
    styles.intro.marginBottom +
    Math.max(facts, QR) +
    styles.facts.marginBottom +
    verify +
    styles.verify.marginBottom
  );
}

/** Pages break as react-pdf breaks them (splitNodes and shouldBreak in @react-pdf/layout). */
export function planPages(texts: TTopTexts, blocks: TRowBlock[]): TPagePlan {
  const pages: TRowBlock[][] = [[]];
  let used = topHeight(texts);
  const newPage = () => {
    pages.push([]);
    used = 0;
  };

  // The summary's title moves to the next page unless SUMMARY_TITLE_PRESENCE points of what
  // follows it (or all of it, if less) fit below it.
  const title = textHeight(texts.summaryTitle, styles.h2) + styles.h2.marginBottom;
  const rest = (texts.summaryEmpty ? textHeight(texts.summaryEmpty, styles.body) : 0) + blocks.reduce((sum, b) => sum + b.height, 0);
  if (used + title + Math.min(SUMMARY_TITLE_PRESENCE, rest) > AVAILABLE) newPage();
  const summaryPage = pages.length - 1;
  used += title;

  for (const block of blocks) {
    if (used + block.height > AVAILABLE + THRESHOLD && pages[pages.length - 1]!.length > 0) newPage();
    pages[pages.length - 1]!.push(block);
    used += block.height;
  }
  return { pages, summaryPage };
}
