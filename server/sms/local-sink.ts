import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/server/env";
import type { TSmsMessage, TSmsSender } from "./types";

// The development SMS sink: delivers nothing, writes each message to
// <dir>/<milliseconds>-<random>.txt (recipient, municipality, text) for developers, tests and e2e.

export function defaultSmsDir(): string {
  return path.resolve(env().DATA_DIR, "sms");
}

export function formatSinkFile(message: TSmsMessage, id: string, at: Date): string {
  return [`Id: ${id}`, `Date: ${at.toISOString()}`, `To: ${message.to}`, `Tenant: ${message.tenantId ?? ""}`, "", message.text, ""].join("\n");
}

export function createLocalSmsSink(dir: string = defaultSmsDir()): TSmsSender {
  return {
    async send(message) {
      const now = new Date();
      const id = `${now.getTime()}-${randomBytes(5).toString("hex")}`;
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${id}.txt`);
      // Written under a temporary name then renamed, so a reader never sees half a message.
      await fs.writeFile(`${file}.tmp`, formatSinkFile(message, id, now), { mode: 0o600 });
      await fs.rename(`${file}.tmp`, file);
      return { id };
    },
  };
}

/** Messages in the sink, oldest first (for tests and e2e). */
export async function readSmsSink(dir: string = defaultSmsDir()): Promise<{ id: string; to: string; text: string }[]> {
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  return Promise.all(
    files.map(async (file) => {
      const content = await fs.readFile(path.join(dir, file), "utf8");
      const [head = "", ...body] = content.split("\n\n");
      const to = /^To: (.*)$/m.exec(head)?.[1] ?? "";
      return { id: path.basename(file, ".txt"), to, text: body.join("\n\n").trimEnd() };
    }),
  );
}
