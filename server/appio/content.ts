// What an App IO message may contain (IO Services API v1, NewMessage.content): a subject of
// 10–120 characters and a Markdown body of 80–10,000. IO refuses anything else with a 400, so
// the text is fitted here: long texts are cut with "…", a short subject gets the municipality's
// name, and the body always ends with the municipality's signature (which also brings a short
// notice over the minimum). Texts typed by operators (reasons) are escaped, so an asterisk or a
// "#" stays a character instead of becoming formatting.

export const SUBJECT_MIN = 10;
export const SUBJECT_MAX = 120;
export const MARKDOWN_MIN = 80;
export const MARKDOWN_MAX = 10_000;

export type TAppIoContent = { subject: string; markdown: string };

/** Cuts to `max` characters with a final "…", never inside a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head.trimEnd()}…`;
}

/** Plain text as Markdown that renders as the same text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, "\\$&").replace(/^(\s*)([-+]|\d+\.)(\s)/gm, "$1\\$2$3");
}

export function fitSubject(subject: string, municipality: string): string {
  let s = subject.replace(/\s+/g, " ").trim();
  if (s.length < SUBJECT_MIN) s = `${s} · ${municipality}`.trim();
  if (s.length < SUBJECT_MIN) s = `${s} · Sportello`;
  return cut(s, SUBJECT_MAX);
}

/**
 * The message body: the paragraphs (plain text), an optional link, and the signature in italics.
 * Between 80 and 10,000 characters whatever the paragraphs' length.
 */
export function fitMarkdown(input: { paragraphs: string[]; link?: { label: string; url: string } | null; signature: string }): string {
  const signature = `_${escapeMarkdown(input.signature.trim() || "Sportello")}_`;
  const tail = [input.link ? `[${escapeMarkdown(input.link.label)}](${input.link.url})` : null, signature]
    .filter(Boolean)
    .join("\n\n");
  const body = input.paragraphs
    .map((p) => p.trim())
    .filter(Boolean)
    .map(escapeMarkdown)
    .join("\n\n");
  // Room for the body once the tail and the blank line before it are in.
  const room = MARKDOWN_MAX - tail.length - 2;
  let markdown = body ? `${cut(body, room)}\n\n${tail}` : tail;
  while (markdown.length < MARKDOWN_MIN) markdown = `${markdown}\n\n${signature}`;
  return markdown;
}
