import { Document, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { DEFAULT_LOCALE, type TLocale } from "@/server/i18n/config";
import { getTranslator, type TTranslate } from "@/server/i18n/translator";
import { verificationUrl } from "@/server/documents/verification-url";
import "./hyphenation";
import { QrCode } from "./qr-code";

// "Ricevuta di presentazione": what a citizen gets when an application is submitted. One A4
// document in the built-in Helvetica (no font files to fetch or ship); the summary wraps and
// flows onto as many pages as it needs, with the municipality and page numbers on each page.

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

const INK = "#1a1a1a";
const MUTED = "#4d4d4d";
const BRAND = "#0066cc";
const RULE = "#c5c7c9";

// Line height is set per text, not on the page (there it hides the fixed footer, react-pdf 4.9),
// and always with its font size: a unitless line height multiplies the style's own font size.
const TEXT = { fontSize: 10, lineHeight: 1.4 };

// Columns get fixed widths: flex-grown text is measured several times by the layout engine,
// which made renders about twice as slow.
const MARGIN = 48;
const CONTENT = 595.28 - 2 * MARGIN; // A4 width in points
const QR = 104;
const FACT_LABEL = 150;
const ROW_LABEL = 170;

const styles = StyleSheet.create({
  page: { paddingTop: 88, paddingBottom: 64, paddingHorizontal: MARGIN, fontFamily: "Helvetica", fontSize: 10, color: INK },
  header: { position: "absolute", top: 28, left: MARGIN, right: MARGIN, borderBottomWidth: 2, borderBottomColor: BRAND, paddingBottom: 8 },
  municipality: { fontFamily: "Helvetica-Bold", fontSize: 15 },
  area: { fontSize: 9, color: MUTED, marginTop: 2 },
  title: { fontFamily: "Helvetica-Bold", fontSize: 18, marginBottom: 6 },
  intro: { marginBottom: 14, ...TEXT },
  body: { ...TEXT },
  facts: { flexDirection: "row", marginBottom: 14 },
  factList: { width: CONTENT - QR },
  fact: { flexDirection: "row", marginBottom: 4 },
  factLabel: { width: FACT_LABEL, color: MUTED, ...TEXT },
  factValue: { width: CONTENT - QR - FACT_LABEL - 16, fontFamily: "Helvetica-Bold", ...TEXT },
  verify: { borderWidth: 1, borderColor: RULE, padding: 10, marginBottom: 18 },
  verifyTitle: { fontFamily: "Helvetica-Bold", fontSize: 11, marginBottom: 2 },
  verifyUrl: { fontFamily: "Courier", fontSize: 8.5, marginVertical: 3 },
  h2: { fontFamily: "Helvetica-Bold", fontSize: 13, marginBottom: 6 },
  row: { flexDirection: "row", borderTopWidth: 1, borderTopColor: RULE, paddingVertical: 5 },
  rowLabel: { width: ROW_LABEL, paddingRight: 10, color: MUTED, ...TEXT },
  rowValue: { width: CONTENT - ROW_LABEL, ...TEXT },
  footer: { position: "absolute", bottom: 28, left: MARGIN, right: MARGIN, flexDirection: "row", justifyContent: "space-between", fontSize: 8, color: MUTED, borderTopWidth: 1, borderTopColor: RULE, paddingTop: 6 },
});

/** A long value may break across pages; a short row stays whole. */
const LONG_VALUE = 300;

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.fact}>
      <Text style={styles.factLabel}>{label}</Text>
      <Text style={styles.factValue}>{value}</Text>
    </View>
  );
}

export function ReceiptDocument({ data, t, url }: { data: TReceiptData; t: TTranslate; url: string }) {
  const municipality = data.municipality.name;
  return (
    <Document
      title={t("receipt.documentTitle", { protocolNumber: data.protocolNumber })}
      author={municipality}
      subject={data.serviceName}
      creator="Sportello"
      producer="Sportello"
      language={data.locale ?? DEFAULT_LOCALE}
    >
      <Page size="A4" style={styles.page}>
        <View style={styles.header} fixed>
          <Text style={styles.municipality}>{municipality}</Text>
          {data.municipality.area ? <Text style={styles.area}>{data.municipality.area}</Text> : null}
        </View>

        <View style={styles.footer} fixed>
          <Text>{t("receipt.footer", { protocolNumber: data.protocolNumber })}</Text>
          <Text render={({ pageNumber, totalPages }) => t("common.page", { page: pageNumber, total: totalPages ?? pageNumber })} />
        </View>

        <Text style={styles.title}>{t("receipt.title")}</Text>
        <Text style={styles.intro}>{t("receipt.intro", { municipality })}</Text>

        <View style={styles.facts} wrap={false}>
          <View style={styles.factList}>
            <Fact label={t("receipt.service")} value={data.serviceName} />
            <Fact label={t("receipt.protocolNumber")} value={data.protocolNumber} />
            <Fact label={t("receipt.submittedAt")} value={t("receipt.submittedAtValue", { date: data.submittedAt })} />
            <Fact label={t("receipt.applicant")} value={data.applicant.name} />
            <Fact label={t("receipt.fiscalCode")} value={data.applicant.fiscalCode} />
          </View>
          <QrCode value={url} size={QR} />
        </View>

        <View style={styles.verify} wrap={false}>
          <Text style={styles.verifyTitle}>{t("receipt.verifyTitle")}</Text>
          <Text style={styles.body}>{t("receipt.verifyText", { municipality })}</Text>
          <Text style={styles.verifyUrl}>{url}</Text>
          <Text style={styles.body}>{t("receipt.verificationCode", { code: data.verificationCode })}</Text>
        </View>

        <Text style={styles.h2} minPresenceAhead={40}>
          {t("receipt.summary")}
        </Text>
        {data.summary.length === 0 ? <Text style={styles.body}>{t("receipt.summaryEmpty")}</Text> : null}
        {data.summary.map((row, i) => (
          <View key={i} style={styles.row} wrap={row.value.length > LONG_VALUE}>
            <Text style={styles.rowLabel}>{row.label}</Text>
            <Text style={styles.rowValue}>{row.value}</Text>
          </View>
        ))}

      </Page>
    </Document>
  );
}

/** The receipt as PDF bytes. */
export async function renderReceiptPdf(data: TReceiptData): Promise<Buffer> {
  const t = await getTranslator(data.locale ?? DEFAULT_LOCALE, "pdf");
  const url = verificationUrl(data.tenantSlug, data.verificationCode);
  return renderToBuffer(<ReceiptDocument data={data} t={t} url={url} />);
}
