import path from "node:path";
import { env } from "@/server/env";

/** Where the development SMTP sink stores received mail, one .eml file each. */
export function defaultMailDir(): string {
  return path.resolve(env().DATA_DIR, "mail");
}

/** A received mail's id is its file name without .eml: `<milliseconds>-<sequence><random>`. */
export const MAIL_ID_PATTERN = /^\d{13}-[0-9a-z]{10}$/;
