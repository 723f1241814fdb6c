import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { defaultMailDir, MAIL_ID_PATTERN } from "./mail-dir";

// Reads the development sink's folder: for tests, e2e and the /dev/mail page.

export type TReceivedMail = {
  id: string;
  /** Recipient addresses (the SMTP envelope's, so Bcc recipients are included), lower-cased. */
  to: string[];
  from: string;
  subject: string;
  date: Date;
  text: string;
  /** null when the message had no HTML part. */
  html: string | null;
};

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);
}

async function parseMail(dir: string, id: string): Promise<TReceivedMail> {
  const raw = await fs.readFile(path.join(dir, `${id}.eml`));
  const mail = await simpleParser(raw);
  const envelopeTo = mail.headers.get("x-sportello-envelope-to");
  const to = typeof envelopeTo === "string" && envelopeTo.trim() ? envelopeTo.split(",") : addresses(mail.to);
  return {
    id,
    to: to.map((a) => a.trim().toLowerCase()).filter(Boolean),
    from: mail.from?.text ?? "",
    subject: mail.subject ?? "",
    date: mail.date ?? new Date(Number(id.split("-")[0])),
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : null,
  };
}

/** Ids of stored mail, newest first (ids start with the arrival time). */
async function listIds(dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  return files
    .filter((f) => f.endsWith(".eml"))
    .map((f) => f.slice(0, -4))
    .filter((id) => MAIL_ID_PATTERN.test(id))
    .sort()
    .reverse();
}

/** Received mail, newest first; `to` keeps only mail addressed to that address (any case). */
export async function listReceivedMail(opts: { dir?: string; to?: string; limit?: number } = {}): Promise<TReceivedMail[]> {
  const dir = opts.dir ?? defaultMailDir();
  const limit = opts.limit ?? 50;
  const wanted = opts.to?.trim().toLowerCase();
  const out: TReceivedMail[] = [];
  for (const id of await listIds(dir)) {
    if (out.length >= limit) break;
    const mail = await parseMail(dir, id);
    if (!wanted || mail.to.includes(wanted)) out.push(mail);
  }
  return out;
}

/** One received mail by id, or null (also for ids that aren't a stored mail's: no path tricks). */
export async function getReceivedMail(id: string, opts: { dir?: string } = {}): Promise<TReceivedMail | null> {
  if (!MAIL_ID_PATTERN.test(id)) return null;
  try {
    return await parseMail(opts.dir ?? defaultMailDir(), id);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}
