import { Document, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { verificationUrl } from "@/server/documents/verification-url";
import { DEFAULT_LOCALE } from "@/server/i18n/config";
import { getTranslator, type TTranslate } from "@/server/i18n/translator";
import "./hyphenation";
import { TextCanvas } from "./canvas-text";
import { QrCode } from "./qr-code";
import type { TReceiptData } from "./receipt";
import { factsLayout, HEADER_TOP, headerLayout, type TCanvasContent } from "./receipt-layout";
import { INK, MARGIN, QR, RULE, styles } from "./receipt-style";

// "Esito della domanda": the document an office issues when it accepts or rejects an
// application (statuses 6000/8000 → 7000/9000, job application.outcome). Same look as the
// receipt (municipality header, facts beside the verification QR code, verification box), then
// the office's reason. Usually one page; a long reason flows onto more, which react-pdf
// paginates itself (rendered once per decision in a job, so its speed does not matter here).

export type TOutcomeKind = "accepted" | "rejected";

/** The receipt's facts about the application, and the decision. */
export type TOutcomeData = Pick<TReceiptData, "locale" | "municipality" | "tenantSlug" | "applicant" | "serviceName" | "protocolNumber" | "submittedAt" | "verificationCode"> & {
  outcome: TOutcomeKind;
  decidedAt: Date;
  /** The operator's reason (required to reject, optional to accept). */
  reason: string | null;
};

const local = StyleSheet.create({
  outcome: { borderLeftWidth: 4, paddingVertical: 6, paddingHorizontal: 10, marginBottom: 12, backgroundColor: "#f5f6f7" },
  outcomeText: { fontFamily: "Helvetica-Bold", fontSize: 14, color: INK },
  reason: { fontSize: 10, lineHeight: 1.4, borderTopWidth: 1, borderTopColor: RULE, paddingTop: 6 },
});

/** The outcome is spelt out; the colour of the bar beside it only repeats it. */
const OUTCOME_COLOR: Record<TOutcomeKind, string> = { accepted: "#008055", rejected: "#cc334d" };

function Canvas({ content, at }: { content: TCanvasContent; at?: { top: number; left: number } }) {
  return <TextCanvas width={content.width} height={content.height} lines={content.lines} rects={content.rects} at={at} />;
}

export function OutcomeDocument({ data, t, url }: { data: TOutcomeData; t: TTranslate; url: string }) {
  const municipality = data.municipality.name;
  const date = (d: Date) => t("pdf.dateValue", { date: d });
  const facts = [
    { label: t("pdf.service"), value: data.serviceName },
    { label: t("pdf.protocolNumber"), value: data.protocolNumber },
    { label: t("pdf.submittedAt"), value: date(data.submittedAt) },
    { label: t("pdf.applicant"), value: data.applicant.name },
    { label: t("pdf.fiscalCode"), value: data.applicant.fiscalCode },
    { label: t("pdf.outcomeLabel"), value: t(`pdf.outcome.${data.outcome}`) },
    { label: t("pdf.decidedAt"), value: date(data.decidedAt) },
  ];
  return (
    <Document
      title={t(`pdf.documentTitle.${data.outcome}`, { protocolNumber: data.protocolNumber })}
      author={municipality}
      subject={data.serviceName}
      creator="Sportello"
      producer="Sportello"
      language={data.locale ?? DEFAULT_LOCALE}
    >
      <Page size="A4" style={styles.page}>
        <Canvas content={headerLayout(municipality, data.municipality.area)} at={{ top: HEADER_TOP, left: MARGIN }} />
        <View style={styles.footer} fixed>
          <Text>{t("pdf.footer", { protocolNumber: data.protocolNumber })}</Text>
          <Text render={({ pageNumber, totalPages }) => t("pdf.page", { page: pageNumber, total: totalPages ?? pageNumber })} />
        </View>

        <Text style={styles.title}>{t("pdf.title")}</Text>
        <View style={[local.outcome, { borderLeftColor: OUTCOME_COLOR[data.outcome] }]}>
          <Text style={local.outcomeText}>{t(`pdf.outcome.${data.outcome}`)}</Text>
        </View>
        <Text style={styles.intro}>{t(`pdf.statement.${data.outcome}`, { municipality })}</Text>
        <View style={styles.facts} wrap={false}>
          <Canvas content={factsLayout(facts)} />
          <QrCode value={url} size={QR} />
        </View>
        <View style={styles.verify} wrap={false}>
          <Text style={styles.verifyTitle}>{t("pdf.verifyTitle")}</Text>
          <Text style={styles.body}>{t("pdf.verifyText", { municipality })}</Text>
          <Text style={styles.verifyUrl}>{url}</Text>
          <Text style={styles.body}>{t("pdf.verificationCode", { code: data.verificationCode })}</Text>
        </View>
        {data.reason ? (
          <>
            <Text style={styles.h2} minPresenceAhead={40}>
              {t(`pdf.reasonTitle.${data.outcome}`)}
            </Text>
            <Text style={local.reason}>{data.reason}</Text>
          </>
        ) : null}
      </Page>
    </Document>
  );
}

/** The outcome document as PDF bytes. */
export async function renderOutcomePdf(data: TOutcomeData): Promise<Buffer> {
  const t = await getTranslator(data.locale ?? DEFAULT_LOCALE, "outcome");
  const url = verificationUrl(data.tenantSlug, data.verificationCode);
  return renderToBuffer(<OutcomeDocument data={data} t={t} url={url} />);
}
