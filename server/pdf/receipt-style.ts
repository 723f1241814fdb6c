import { StyleSheet } from "@react-pdf/renderer";

// The receipt's look: colours, page geometry and the styles of its react-pdf Texts. The parts
// drawn on canvases (receipt-layout.ts) and the page planner (receipt-pages.ts) use the same
// numbers.

export const INK = "#1a1a1a";
export const MUTED = "#4d4d4d";
export const BRAND = "#0066cc";
export const RULE = "#c5c7c9";

// Line height is set per text, not on the page (there it hides the fixed footer, react-pdf 4.9),
// and always with its font size: a unitless line height multiplies the style's own font size.
const TEXT = { fontSize: 10, lineHeight: 1.4 };

export const MARGIN = 48;
export const PAGE_HEIGHT = 841.89; // A4 in points
export const CONTENT = 595.28 - 2 * MARGIN; // A4 width in points
export const QR = 104;
/** The summary's title is not left at the bottom of a page with less than this below it. */
export const SUMMARY_TITLE_PRESENCE = 40;

export const styles = StyleSheet.create({
  page: { paddingTop: 88, paddingBottom: 64, paddingHorizontal: MARGIN, fontFamily: "Helvetica", fontSize: 10, color: INK },
  title: { fontFamily: "Helvetica-Bold", fontSize: 18, marginBottom: 6 },
  intro: { marginBottom: 14, ...TEXT },
  body: { ...TEXT },
  facts: { flexDirection: "row", marginBottom: 14 },
  verify: { borderWidth: 1, borderColor: RULE, padding: 10, marginBottom: 18 },
  verifyTitle: { fontFamily: "Helvetica-Bold", fontSize: 11, marginBottom: 2 },
  verifyUrl: { fontFamily: "Courier", fontSize: 8.5, marginVertical: 3 },
  h2: { fontFamily: "Helvetica-Bold", fontSize: 13, marginBottom: 6 },
  footer: { position: "absolute", bottom: 28, left: MARGIN, right: MARGIN, flexDirection: "row", justifyContent: "space-between", fontSize: 8, color: MUTED, borderTopWidth: 1, borderTopColor: RULE, paddingTop: 6 },
});
