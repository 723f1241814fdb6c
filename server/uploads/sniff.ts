import type { TFileKind } from "@/server/forms/schema";
import { FILE_KIND_INFO } from "./kinds";

// Which kind of file some bytes are, judged by their content only (the name and the browser's
// declared type are the citizen's to choose, so they prove nothing):
//
//   pdf   "%PDF-" at the very start (no leading junk: the PDF readers that tolerate it differ)
//   jpeg  FF D8 FF (start-of-image marker followed by another marker)
//   png   the 8-byte PNG signature 89 50 4E 47 0D 0A 1A 0A
//   p7m   a CMS/PKCS #7 ContentInfo whose contentType is signedData (OID 1.2.840.113549.1.7.2):
//         SEQUENCE (definite DER length, or the indefinite BER length that streaming signers
//         write) → OBJECT IDENTIFIER signedData → [0]. Italian signing tools (CAdES-BES, the
//         ".p7m" of a signed PDF) write it binary, and some of them, on request, as Base64 text,
//         with or without a PEM header ("-----BEGIN PKCS7-----"). Both are accepted and stored
//         as received: the Base64 form is only an encoding of the same signed envelope and the
//         verification tools offices use read both. Other CMS types (enveloped, encrypted
//         data) are refused. The signed content inside is not inspected.

export type TSniffResult = { kind: TFileKind; mimeType: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** OBJECT IDENTIFIER 1.2.840.113549.1.7.2 (pkcs7-signedData), tag and length included. */
const SIGNED_DATA_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
/** Context-specific [0], constructed: the explicit wrapper of the SignedData content. */
const CONTENT_TAG = 0xa0;

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

/**
 * True when `bytes` begin like a CMS SignedData ContentInfo. With `complete`, `bytes` are the
 * whole file, so a definite length reaching past its end (a truncated upload) is refused.
 */
export function isSignedDataHeader(bytes: Uint8Array, complete: boolean): boolean {
  if (bytes[0] !== 0x30 || bytes.length < 2) return false;
  const first = bytes[1]!;
  let contentStart: number;
  let length: number | null;
  if (first < 0x80) {
    contentStart = 2;
    length = first;
  } else if (first === 0x80) {
    contentStart = 2; // indefinite length (BER)
    length = null;
  } else {
    const n = first & 0x7f;
    if (n > 4 || bytes.length < 2 + n) return false;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[2 + i]!;
    contentStart = 2 + n;
  }
  if (!startsWith(bytes, SIGNED_DATA_OID, contentStart)) return false;
  if (bytes[contentStart + SIGNED_DATA_OID.length] !== CONTENT_TAG) return false;
  return !(complete && length !== null && contentStart + length > bytes.length);
}

const BASE64_CHAR = /^[A-Za-z0-9+/=]$/;
const PEM_LABELS = ["PKCS7", "PKCS #7 SIGNED DATA", "CMS"];
/** Enough Base64 to hold the ContentInfo header (≤ 6 bytes), the OID and the [0] tag: 24 bytes. */
const BASE64_PREFIX_CHARS = 32;

/** The Base64 body of a text P7M ("-----BEGIN PKCS7-----" optional), or null. */
function base64Body(bytes: Uint8Array): string | null {
  // Only the start is needed; 1 KiB leaves room for a PEM header and blank lines.
  let text = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (text.startsWith("\u00ef\u00bb\u00bf")) text = text.slice(3); // UTF-8 BOM read as latin1
  text = text.replace(/^\s+/, "");
  if (text.startsWith("-----BEGIN ")) {
    const end = text.indexOf("-----", "-----BEGIN ".length);
    if (end === -1 || !PEM_LABELS.includes(text.slice("-----BEGIN ".length, end))) return null;
    text = text.slice(end + 5);
  }
  let body = "";
  for (const ch of text) {
    if (ch === "-") break; // the END line of a short PEM
    if (/\s/.test(ch)) continue;
    if (!BASE64_CHAR.test(ch)) return null;
    body += ch;
    if (body.length === BASE64_PREFIX_CHARS) break;
  }
  return body.length === BASE64_PREFIX_CHARS ? body : null;
}

function isBase64SignedData(bytes: Uint8Array): boolean {
  const body = base64Body(bytes);
  if (!body) return false;
  let decoded: string;
  try {
    decoded = atob(body);
  } catch {
    return false;
  }
  return isSignedDataHeader(Uint8Array.from(decoded, (c) => c.charCodeAt(0)), false);
}

function result(kind: TFileKind): TSniffResult {
  return { kind, mimeType: FILE_KIND_INFO[kind].mimeType };
}

/** The kind of file the bytes are, or null when they are none of the accepted kinds. */
export function sniffFileKind(bytes: Uint8Array): TSniffResult | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return result("pdf"); // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return result("jpeg");
  if (startsWith(bytes, PNG_SIGNATURE)) return result("png");
  if (isSignedDataHeader(bytes, true) || isBase64SignedData(bytes)) return result("p7m");
  return null;
}
