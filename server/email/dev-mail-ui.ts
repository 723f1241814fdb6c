import { env } from "@/server/env";

/**
 * The /dev/mail pages show every email the local sink received, links and codes included. They
 * are on whenever the sink receives the mail (no SMTP_URL: a demo, development or tests, where no
 * email reaches a real person) and off as soon as real SMTP is configured, unless DEV_MAIL_UI
 * says otherwise.
 */
export function isDevMailUiEnabled(): boolean {
  const { DEV_MAIL_UI, SMTP_URL } = env();
  return DEV_MAIL_UI ?? !SMTP_URL;
}
