import { Document, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { DEFAULT_LOCALE, type TLocale } from "@/server/i18n/config";
import { getTranslator, type TTranslate } from "@/server/i18n/translator";
import { verificationUrl } from "@/server/documents/verification-url";
import "./hyphenation";
import { QrCode } from "./qr-code";
import { TextCanvas } from "./canvas-text";
import { FOOTER_BOTTOM, factsLayout, footerLayout, HEADER_TOP, headerLayout, rowBlocks, rowsLayout, type TCanvasContent, type TRowBlock } from "./receipt-layout";
import { planPages, type TTopTexts } from "./receipt-pages";
import { MARGIN, PAGE_HEIGHT, QR, styles, SUMMARY_TITLE_PRESENCE } from "./receipt-style";

// "Ricevuta di presentazione": what a citizen gets when an application is submitted. One A4
// document in the built-in Helvetica (no font files to fetch or ship); the summary wraps and
// flows onto as many pages as it needs, with the municipality and page numbers on each page.
//
// Speed (bench/pdf.ts; 2–3 pages went from ~85 to ~25 ms): header, footer, facts and summary
// rows are drawn on canvases with precomputed lines (receipt-layout.ts) instead of one react-pdf
// Text per cell, and the pages are planned here (receipt-pages.ts) and written as separate
// <Page>s with their numbers as plain text, because react-pdf's own pagination with a
// "page X of Y" footer lays the whole document out again for every page. When the plan turns
// out wrong (the rendered page count differs: a paragraph wrapped differently than measured),
// the receipt is rendered again with react-pdf paginating: slower, never a wrong page number.

export type TReceiptData = {
  locale?: TLocale;
  municipality: { name: string; area?: string | null };
  tenantSlug: string;
  applicant: { name: string; fiscalCode: string };
  serviceName: string;
  protocolNumber: string;
  submittedAt: Date;
  /** The application's data as shown to the citizen: label → value, in order. */
  summary: { label: string; value: string }[];
  verificationCode: string;
};

/** Every text of the first page, translated once: the document prints them, the planner measures them. */
function topTexts(data: TReceiptData, t: TTranslate, url: string): TTopTexts {
  const municipality = data.municipality.name;
  return {
    title: t("receipt.title"),
    intro: t("receipt.intro", { municipality }),
    facts: [
      { label: t("receipt.service"), value: data.serviceName },
      { label: t("receipt.protocolNumber"), value: data.protocolNumber },
      { label: t("receipt.submittedAt"), value: t("receipt.submittedAtValue", { date: data.submittedAt }) },
      { label: t("receipt.applicant"), value: data.applicant.name },
      { label: t("receipt.fiscalCode"), value: data.applicant.fiscalCode },
    ],
    verifyTitle: t("receipt.verifyTitle"),
    verifyText: t("receipt.verifyText", { municipality }),
    url,
    verificationCode: t("receipt.verificationCode", { code: data.verificationCode }),
    summaryTitle: t("receipt.summary"),
    summaryEmpty: data.summary.length === 0 ? t("receipt.summaryEmpty") : null,
  };
}

function Canvas({ content, at }: { content: TCanvasContent; at?: { top: number; left: number } }) {
  return <TextCanvas width={content.width} height={content.height} lines={content.lines} rects={content.rects} at={at} />;
}

/** A page with the municipality on top and, at the bottom, the footer given. */
function PageFrame({ data, footer, children }: { data: TReceiptData; footer: ReactNode; children: ReactNode }) {
  return (
    <Page size="A4" style={styles.page}>
      <Canvas content={headerLayout(data.municipality.name, data.municipality.area)} at={{ top: HEADER_TOP, left: MARGIN }} />
      {footer}
      {children}
    </Page>
  );
}

function Top({ texts }: { texts: TTopTexts }) {
  return (
    <>
      <Text style={styles.title}>{texts.title}</Text>
      <Text style={styles.intro}>{texts.intro}</Text>
      <View style={styles.facts} wrap={false}>
        <Canvas content={factsLayout(texts.facts)} />
        <QrCode value={texts.url} size={QR} />
      </View>
      <View style={styles.verify} wrap={false}>
        <Text style={styles.verifyTitle}>{texts.verifyTitle}</Text>
        <Text style={styles.body}>{texts.verifyText}</Text>
        <Text style={styles.verifyUrl}>{texts.url}</Text>
        <Text style={styles.body}>{texts.verificationCode}</Text>
      </View>
    </>
  );
}

function SummaryTitle({ texts }: { texts: TTopTexts }) {
  return (
    <>
      <Text style={styles.h2} minPresenceAhead={SUMMARY_TITLE_PRESENCE}>
        {texts.summaryTitle}
      </Text>
      {texts.summaryEmpty ? <Text style={styles.body}>{texts.summaryEmpty}</Text> : null}
    </>
  );
}

function DocumentInfo({ data, t, children }: { data: TReceiptData; t: TTranslate; children: ReactNode }) {
  return (
    <Document
      title={t("receipt.documentTitle", { protocolNumber: data.protocolNumber })}
      author={data.municipality.name}
      subject={data.serviceName}
      creator="Sportello"
      producer="Sportello"
      language={data.locale ?? DEFAULT_LOCALE}
    >
      {children}
    </Document>
  );
}

function PlannedFooter({ left, right }: { left: string; right: string }) {
  const content = footerLayout(left, right);
  return <Canvas content={content} at={{ top: PAGE_HEIGHT - FOOTER_BOTTOM - content.height, left: MARGIN }} />;
}

/** The receipt on pages planned in advance (receipt-pages.ts): page numbers are plain text. */
function PlannedReceipt({ data, t, texts, pages, summaryPage }: { data: TReceiptData; t: TTranslate; texts: TTopTexts; pages: TRowBlock[][]; summaryPage: number }) {
  const footerText = t("receipt.footer", { protocolNumber: data.protocolNumber });
  return (
    <DocumentInfo data={data} t={t}>
      {pages.map((blocks, i) => (
        <PageFrame key={i} data={data} footer={<PlannedFooter left={footerText} right={t("common.page", { page: i + 1, total: pages.length })} />}>
          {i === 0 ? <Top texts={texts} /> : null}
          {i === summaryPage ? <SummaryTitle texts={texts} /> : null}
          {blocks.length ? <Canvas content={rowsLayout(blocks)} /> : null}
        </PageFrame>
      ))}
    </DocumentInfo>
  );
}

/** The receipt as one flowing page that react-pdf paginates (slower; the fallback). */
export function ReceiptDocument({ data, t, url }: { data: TReceiptData; t: TTranslate; url: string }) {
  const texts = topTexts(data, t, url);
  const footer = (
    <View style={styles.footer} fixed>
      <Text>{t("receipt.footer", { protocolNumber: data.protocolNumber })}</Text>
      <Text render={({ pageNumber, totalPages }) => t("common.page", { page: pageNumber, total: totalPages ?? pageNumber })} />
    </View>
  );
  return (
    <DocumentInfo data={data} t={t}>
      <PageFrame data={data} footer={footer}>
        <Top texts={texts} />
        <SummaryTitle texts={texts} />
        {rowBlocks(data.summary).map((b) => (
          <Canvas key={b.key} content={rowsLayout([b])} />
        ))}
      </PageFrame>
    </DocumentInfo>
  );
}

function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

// One translator per locale for the process: a new one parses every message again (~2 ms a receipt).
const translators = new Map<TLocale, Promise<TTranslate>>();
function pdfTranslator(locale: TLocale): Promise<TTranslate> {
  let t = translators.get(locale);
  if (!t) {
    t = getTranslator(locale, "pdf");
    translators.set(locale, t);
    t.catch(() => translators.delete(locale));
  }
  return t;
}

/** The receipt as PDF bytes. */
export async function renderReceiptPdf(data: TReceiptData): Promise<Buffer> {
  const t = await pdfTranslator(data.locale ?? DEFAULT_LOCALE);
  const url = verificationUrl(data.tenantSlug, data.verificationCode);
  const texts = topTexts(data, t, url);
  const plan = planPages(texts, rowBlocks(data.summary));
  const planned = await renderToBuffer(<PlannedReceipt data={data} t={t} texts={texts} pages={plan.pages} summaryPage={plan.summaryPage} />);
  if (pageCount(planned) === plan.pages.length) return planned;
  return renderToBuffer(<ReceiptDocument data={data} t={t} url={url} />);
}
