import fs from "node:fs/promises";
import path from "node:path";
import { DEFAULT_LOCALE, type TLocale } from "./config";

// Loads the message catalogue of a locale: every server/i18n/messages/<locale>/<namespace>.json,
// namespace = file name, so each area of the app owns its own file. English and German are
// laid over Italian key by key, so a missing translation shows Italian rather than a raw key.
// Read from disk (not imported) so a new namespace file needs no code change here.

export type TMessages = { [key: string]: string | TMessages };

/** Where the catalogues live; relative to the working directory the app and scripts run from. */
export function messagesDir(): string {
  return path.join(process.cwd(), "server", "i18n", "messages");
}

async function readLocaleFolder(locale: TLocale): Promise<TMessages> {
  const dir = path.join(messagesDir(), locale);
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw e;
  }
  const entries = await Promise.all(
    files.map(async (file) => {
      const text = await fs.readFile(path.join(dir, file), "utf8");
      try {
        return [path.basename(file, ".json"), JSON.parse(text) as TMessages] as const;
      } catch (e) {
        throw new Error(`Invalid JSON in ${path.join(dir, file)}`, { cause: e });
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** base with every key of over laid on top (objects merged recursively, strings replaced). */
export function mergeMessages(base: TMessages, over: TMessages): TMessages {
  const out: TMessages = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] =
      typeof value === "object" && value !== null && typeof current === "object" && current !== null
        ? mergeMessages(current, value)
        : value;
  }
  return out;
}

const cache = new Map<TLocale, Promise<TMessages>>();

async function load(locale: TLocale): Promise<TMessages> {
  const own = await readLocaleFolder(locale);
  if (locale === DEFAULT_LOCALE) return own;
  return mergeMessages(await readLocaleFolder(DEFAULT_LOCALE), own);
}

/** The full catalogue of a locale, all namespaces. Cached in production; re-read in development. */
export function loadMessages(locale: TLocale): Promise<TMessages> {
  if (process.env.NODE_ENV !== "production") return load(locale);
  let hit = cache.get(locale);
  if (!hit) {
    hit = load(locale).catch((e: unknown) => {
      cache.delete(locale);
      throw e;
    });
    cache.set(locale, hit);
  }
  return hit;
}
