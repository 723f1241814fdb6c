// `npm run db:migrate`: applies pending migrations (prisma/migrations) to DATABASE_URL's
// PostgreSQL, or to the embedded PGlite in DATA_DIR/pglite when DATABASE_URL is unset.
// The embedded database allows one process: stop the app first.
import fs from "node:fs";
import path from "node:path";

if (fs.existsSync(".env")) process.loadEnvFile(".env");

const { env } = await import("../server/env");
const { applyMigrations } = await import("../server/db/migrate");
const { pgClientExecutor, pgliteExecutor } = await import("../server/db/sql-executor");

const { DATABASE_URL, DATA_DIR } = env();
const started = performance.now();
const onApply = (name: string) => console.log(`Applying ${name}…`);
let applied: string[];
let target: string;

// The error alone (a stack trace adds nothing for a missing database or an edited migration).
process.on("uncaughtException", (e) => {
  console.error(`db:migrate failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

if (DATABASE_URL) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  target = `PostgreSQL ${client.host}:${client.port}/${client.database}`;
  try {
    applied = await applyMigrations(pgClientExecutor(client), { onApply });
  } finally {
    await client.end();
  }
} else {
  const { PGlite } = await import("@electric-sql/pglite");
  const dir = path.resolve(DATA_DIR, "pglite");
  fs.mkdirSync(dir, { recursive: true });
  target = `embedded PostgreSQL in ${dir}`;
  const pglite = await PGlite.create(dir);
  try {
    applied = await applyMigrations(pgliteExecutor(pglite), { onApply });
  } finally {
    await pglite.close();
  }
}

const ms = Math.round(performance.now() - started);
console.log(
  applied.length === 0
    ? `${target}: up to date, no migration to apply (${ms} ms).`
    : `${target}: applied ${applied.length} migration(s) in ${ms} ms: ${applied.join(", ")}.`,
);
