import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/server/env";
import type { TAppIoMessage } from "./client";

// The development App IO sink: for a municipality without an IO key, each message is written to
// <dir>/<milliseconds>-<random>.json with the body POST /messages would have sent, so developers,
// tests and e2e can read what the citizen would get on IO (same pattern as server/sms/local-sink.ts).

export type TAppIoSinkEntry = {
  id: string;
  at: string;
  tenantId: string;
  /** The request body of POST /messages, as IO would receive it. */
  message: { fiscal_code: string; content: { subject: string; markdown: string; due_date?: string } };
};

export function defaultAppIoDir(): string {
  return path.resolve(env().DATA_DIR, "appio");
}

export async function writeAppIoSink(tenantId: string, message: TAppIoMessage, dir: string = defaultAppIoDir()): Promise<{ id: string }> {
  const now = new Date();
  const id = `${now.getTime()}-${randomBytes(5).toString("hex")}`;
  const entry: TAppIoSinkEntry = {
    id,
    at: now.toISOString(),
    tenantId,
    message: {
      fiscal_code: message.fiscalCode.trim().toUpperCase(),
      content: {
        subject: message.subject,
        markdown: message.markdown,
        ...(message.dueDate ? { due_date: message.dueDate.toISOString() } : {}),
      },
    },
  };
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${id}.json`);
  // Written under a temporary name then renamed, so a reader never sees half a message.
  await fs.writeFile(`${file}.tmp`, `${JSON.stringify(entry, null, 2)}\n`, { mode: 0o600 });
  await fs.rename(`${file}.tmp`, file);
  return { id };
}

/** Messages in the sink, oldest first (for tests and e2e). */
export async function readAppIoSink(dir: string = defaultAppIoDir()): Promise<TAppIoSinkEntry[]> {
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  return Promise.all(files.map(async (file) => JSON.parse(await fs.readFile(path.join(dir, file), "utf8")) as TAppIoSinkEntry));
}
