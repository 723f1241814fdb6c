import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { defaultMailDir } from "./mail-dir";

// The development SMTP sink: accepts any mail on 127.0.0.1 (no auth, no TLS) and stores it as
// <dir>/<timestamp>-<id>.eml for tests, e2e and the /dev/mail page. Never delivers anything.

const MAX_SIZE = 25 * 1024 * 1024;
let sequence = 0;

/** Sortable, unique file id: newest sorts last, even within one millisecond. */
function nextMailId(): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `${Date.now()}-${sequence.toString(36).padStart(4, "0")}${randomBytes(3).toString("hex")}`;
}

/** SMTP envelope as headers: the recipients (Bcc included) aren't always in the message's own. */
function envelopeHeaders(from: string | undefined, to: string[]): string {
  const clean = (v: string) => v.replace(/[\r\n]/g, "");
  return `X-Sportello-Envelope-From: ${clean(from ?? "")}\r\nX-Sportello-Envelope-To: ${clean(to.join(", "))}\r\n`;
}

export type TSmtpSink = { port: number; dir: string; close(): Promise<void> };

export async function startSmtpSink(opts: { port: number; dir?: string; host?: string }): Promise<TSmtpSink> {
  const dir = opts.dir ?? defaultMailDir();
  await fs.mkdir(dir, { recursive: true });

  const server = new SMTPServer({
    banner: "Sportello development mail sink",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_SIZE,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
          return;
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined;
        const to = session.envelope.rcptTo.map((r) => r.address);
        const id = nextMailId();
        const file = path.join(dir, `${id}.eml`);
        // Written under a temporary name then renamed, so a reader never sees half a message.
        const tmp = `${file}.tmp`;
        fs.writeFile(tmp, Buffer.concat([Buffer.from(envelopeHeaders(from, to)), ...chunks]))
          .then(() => fs.rename(tmp, file))
          .then(() => callback(null, `Stored as ${id}`))
          .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
      });
    },
  });

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  // After start, a broken client connection must not crash the app.
  server.on("error", (e) => console.warn(`[mail sink] ${e.message}`));

  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return {
    port,
    dir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
