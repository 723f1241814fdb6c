import type { TFileKind } from "@/server/forms/schema";

// What each accepted kind of file is called, which MIME type the upload service records for it
// (one of check-field.ts's FILE_KIND_MIME, so the form validator accepts the answer) and the
// extensions a file of that kind should carry. Pure: the upload field imports it in the browser.

export type TFileKindInfo = { mimeType: string; label: string; extensions: readonly string[] };

export const FILE_KIND_INFO: Record<TFileKind, TFileKindInfo> = {
  pdf: { mimeType: "application/pdf", label: "PDF", extensions: [".pdf"] },
  jpeg: { mimeType: "image/jpeg", label: "JPEG", extensions: [".jpg", ".jpeg"] },
  png: { mimeType: "image/png", label: "PNG", extensions: [".png"] },
  p7m: { mimeType: "application/pkcs7-mime", label: "P7M", extensions: [".p7m"] },
};

/** 1 MB as the form engine counts it (check-field.ts: maxSizeMb × 1024 × 1024). */
export const BYTES_PER_MB = 1024 * 1024;

/** "PDF, JPEG, P7M": the accepted kinds as a citizen reads them. */
export function fileKindLabels(kinds: readonly TFileKind[]): string {
  return kinds.map((k) => FILE_KIND_INFO[k].label).join(", ");
}

/** The `accept` attribute of a file input for these kinds (a hint for the picker; the server sniffs). */
export function fileInputAccept(kinds: readonly TFileKind[]): string {
  return kinds.flatMap((k) => [...FILE_KIND_INFO[k].extensions, FILE_KIND_INFO[k].mimeType]).join(",");
}
