import type { CSSProperties } from "react";

// Inline styles: many mail clients drop <style> blocks. Colours meet WCAG AA on white; the
// font stack mirrors Bootstrap Italia's Titillium Web fallback.
const font = "'Titillium Web', Geneva, Tahoma, sans-serif";

export const s = {
  body: { backgroundColor: "#f5f6f7", margin: 0, padding: "24px 0", fontFamily: font, color: "#1a1a1a" },
  container: { backgroundColor: "#ffffff", maxWidth: "600px", margin: "0 auto", border: "1px solid #dfe3e7" },
  header: { padding: "20px 32px", color: "#ffffff" },
  headerName: { margin: 0, fontSize: "22px", lineHeight: "28px", fontWeight: 700, color: "#ffffff" },
  headerArea: { margin: "4px 0 0", fontSize: "14px", lineHeight: "20px", color: "#ffffff" },
  content: { padding: "24px 32px 8px" },
  heading: { margin: "0 0 16px", fontSize: "24px", lineHeight: "32px", fontWeight: 700, color: "#1a1a1a" },
  paragraph: { margin: "0 0 16px", fontSize: "16px", lineHeight: "24px", color: "#1a1a1a" },
  small: { margin: "0 0 8px", fontSize: "13px", lineHeight: "20px", color: "#4d4d4d" },
  button: {
    display: "inline-block",
    backgroundColor: "#0066cc",
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 600,
    lineHeight: "24px",
    padding: "12px 24px",
    borderRadius: "4px",
    textDecoration: "none",
  },
  link: { color: "#0066cc", textDecoration: "underline", wordBreak: "break-all" },
  hr: { borderColor: "#dfe3e7", margin: "8px 0 0" },
  footer: { padding: "16px 32px 24px" },
} satisfies Record<string, CSSProperties>;
