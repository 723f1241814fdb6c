// `npm start`: Sportello on http://localhost:3000 from a fresh clone. Validates the configuration,
// migrates and seeds the database (embedded PGlite when DATABASE_URL is unset), builds the app if
// the build is missing or older than the sources, prints the demo accounts, then runs `next start`
// (or `next dev` with --dev). Flags: --dev, --fresh (delete DATA_DIR first), --no-build.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const args = new Set(process.argv.slice(2));
if (fs.existsSync(".env")) process.loadEnvFile(".env");

const { envOrExit } = await import("../server/env");
const config = envOrExit();

if (args.has("--fresh") && !config.DATABASE_URL) {
  fs.rmSync(config.DATA_DIR, { recursive: true, force: true });
}
fs.mkdirSync(config.DATA_DIR, { recursive: true });
// The demo needs no configuration: without AUTH_SECRET, a random one is made once and kept in
// DATA_DIR (server/auth/secret.ts). Real deployments set AUTH_SECRET.
if (!process.env.AUTH_SECRET) {
  const { authSecret } = await import("../server/auth/secret");
  process.env.AUTH_SECRET = authSecret();
}

const { migrateAndSeed } = await import("./lib/migrate-and-seed");
const { formatApiKeys, formatCredentials } = await import("./lib/migrate-database");
const { credentials, apiKeys } = await migrateAndSeed();

const dev = args.has("--dev");
if (!dev && !args.has("--no-build") && buildIsStale()) {
  console.log("Building Sportello (next build)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

printBanner(credentials, apiKeys);

const child = spawn("npx", ["next", dev ? "dev" : "start", "-p", String(config.PORT)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "server", "emails", "public", "prisma"].map(newestMtime);
  const files = ["next.config.mjs", "package.json", "proxy.ts", "instrumentation.ts"].map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0));
  return Math.max(...sources, ...files) > built;
}

function printBanner(creds: { email: string; password: string; role: string; tenant: string }[], keys: { name: string; key: string; tenant: string }[]) {
  const url = config.APP_URL;
  const lines = [
    "",
    "Sportello is starting at " + url,
    config.DATABASE_URL ? "Database: PostgreSQL (DATABASE_URL)" : `Database: embedded PostgreSQL in ${path.resolve(config.DATA_DIR, "pglite")}`,
    "",
    "Demo staff accounts (back office: " + url + "/esempio/backoffice):",
    ...formatCredentials(creds),
    "",
    ...(keys.length ? ["Demo API key, every scope (REST API: " + url + "/api/v1, reference: " + url + "/sviluppatori):", ...formatApiKeys(keys), ""] : []),
    config.OIDC_ISSUER ? `Citizens sign in through ${config.OIDC_ISSUER}` : `Citizens: pick a test identity at the local SPID/CIE provider (http://localhost:${config.OIDC_DEV_PORT})`,
    config.SMTP_URL ? "Mail: sent through SMTP_URL" : `Mail sink: ${url}/dev/mail (files in ${path.resolve(config.DATA_DIR, "mail")})`,
    "",
  ];
  console.log(lines.join("\n"));
}
