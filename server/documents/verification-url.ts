import { env } from "@/server/env";

/** The public page that confirms a document is genuine (printed on it as text and QR code). */
export function verificationUrl(tenantSlug: string, verificationCode: string): string {
  const base = env().APP_URL.replace(/\/+$/, "");
  return `${base}/${encodeURIComponent(tenantSlug)}/verifica/${encodeURIComponent(verificationCode)}`;
}
