import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/server/env";

// Outgoing mail goes through SMTP_URL when set; otherwise to the development sink that starts
// with the app (server/email/sink.ts). The sink listens on 127.0.0.1, not "localhost", because
// nodemailer picks at random among the name's IPv4 and IPv6 addresses.

/** The SMTP server mail is sent through. */
export function smtpUrl(): string {
  const { SMTP_URL, SMTP_DEV_PORT } = env();
  return SMTP_URL ?? `smtp://127.0.0.1:${SMTP_DEV_PORT}`;
}

// Bounded timeouts: a hanging server must fail the attempt (and be retried), not hold a worker.
// nodemailer reads options from the URL's query (and ignores other options given with a URL),
// so they go there; SMTP_URL may set its own.
const TIMEOUTS = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "30000" };

function withTimeouts(url: string): string {
  const u = new URL(url);
  for (const [key, value] of Object.entries(TIMEOUTS)) {
    if (!u.searchParams.has(key)) u.searchParams.set(key, value);
  }
  return u.toString();
}

let cached: { url: string; transporter: Transporter } | undefined;

/** The process's transport, rebuilt if the URL changes (tests move the sink). */
export function getTransport(): Transporter {
  const url = smtpUrl();
  if (cached?.url !== url) {
    cached = { url, transporter: nodemailer.createTransport(withTimeouts(url)) };
  }
  return cached.transporter;
}
