import type { TFileKind } from "@/server/forms/schema";
import { FILE_KIND_INFO } from "./kinds";

// The name an attachment keeps is the citizen's, cleaned: no folders, no control or
// bidirectional-override characters (which can disguise "fattura‮fdp.exe"), at most 255
// characters, and an extension that matches the content, added when missing or wrong
// ("documento.pdf" holding a signed P7M becomes "documento.pdf.p7m"), so whoever downloads it
// opens it with the right program.

const MAX_NAME = 255;
// C0/C1 controls, zero-width and bidirectional formatting characters.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function sanitizeFileName(raw: string, kind: TFileKind): string {
  let name = (raw.normalize("NFC").split(/[\\/]/).pop() ?? "").replace(UNSAFE_CHARS, "").replace(/\s+/g, " ").trim();
  name = name.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  const { extensions } = FILE_KIND_INFO[kind];
  const ext = extensions.find((e) => name.toLowerCase().endsWith(e));
  const suffix = ext ? name.slice(name.length - ext.length) : extensions[0]!;
  let base = ext ? name.slice(0, name.length - ext.length) : name;
  if (!base) base = "allegato";
  const chars = [...base];
  if (chars.length + suffix.length > MAX_NAME) base = chars.slice(0, MAX_NAME - suffix.length).join("").trimEnd();
  return base + suffix;
}
