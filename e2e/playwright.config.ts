import { randomBytes } from "node:crypto";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// The e2e suite runs the real app (`scripts/start.ts`: build, migrate, seed, next start) with its
// local SPID/CIE provider and SMTP sink on ports of its own, in Debian's Chromium.
// DATABASE_URL set: a database of its own next to it ("<name>_e2e", made empty at every run by
// scripts/e2e-database.ts); unset: a fresh embedded database in .data/e2e.
const root = path.resolve(import.meta.dirname, "..");
export const E2E = {
  port: 3100,
  oidcPort: 3101,
  smtpPort: 2626,
  dataDir: path.join(root, ".data", "e2e"),
};
process.env.E2E_STAFF_PASSWORD ??= `e2e-${randomBytes(9).toString("base64url")}`;
/** An API key of Comune di Esempio with every scope, seeded for the API tests (e2e/api-*.spec.ts). */
process.env.E2E_API_KEY ??= `spk_${randomBytes(32).toString("base64url")}`;
const baseURL = `http://localhost:${E2E.port}`;

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function e2eDatabaseUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const u = new URL(url);
  u.pathname = `${u.pathname}_e2e`;
  return u.toString();
}
const databaseUrl = e2eDatabaseUrl(process.env.DATABASE_URL);

export default defineConfig({
  testDir: ".",
  outputDir: path.join(root, "test-results"),
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: {
    command: databaseUrl ? "npx tsx scripts/e2e-database.ts && npx tsx scripts/start.ts --fresh" : "npx tsx scripts/start.ts --fresh",
    cwd: root,
    url: `${baseURL}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(E2E.port),
      APP_URL: baseURL,
      OIDC_DEV_PORT: String(E2E.oidcPort),
      SMTP_DEV_PORT: String(E2E.smtpPort),
      DATA_DIR: E2E.dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      SEED_E2E_STAFF_PASSWORD: process.env.E2E_STAFF_PASSWORD,
      SEED_E2E_API_KEY: process.env.E2E_API_KEY,
      // The e2e webhook receiver listens on localhost.
      WEBHOOK_ALLOW_PRIVATE_URLS: "true",
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("hex"),
      NODE_ENV: "production",
    },
  },
});
