// Responses of the routes that hand out files (receipts, documents, attachments, exports): one
// Content-Disposition and one set of headers for private files, so every download behaves alike.

/** Content-Disposition with an ASCII fallback and the exact name in RFC 5987 encoding. */
export function contentDisposition(type: "attachment" | "inline", fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A PDF only its owner may see: never cached, never sniffed as something else. */
export function privatePdfResponse(bytes: Uint8Array, opts: { fileName: string; disposition: "inline" | "attachment"; headers?: Record<string, string> }): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(opts.disposition, opts.fileName),
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...opts.headers,
    },
  });
}
