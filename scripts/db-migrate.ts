// `npm run db:migrate`: applies pending migrations (prisma/migrations) to DATABASE_URL's
// PostgreSQL, or to the embedded PGlite in DATA_DIR/pglite when DATABASE_URL is unset.
// The embedded database allows one process: stop the app first.
import fs from "node:fs";

if (fs.existsSync(".env")) process.loadEnvFile(".env");

const { migrateDatabase } = await import("./lib/migrate-database");

// The error alone (a stack trace adds nothing for a missing database or an edited migration).
process.on("uncaughtException", (e) => {
  console.error(`db:migrate failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

const started = performance.now();
const { target, applied } = await migrateDatabase({ onApply: (name) => console.log(`Applying ${name}…`) });
const ms = Math.round(performance.now() - started);
console.log(
  applied.length === 0
    ? `${target}: up to date, no migration to apply (${ms} ms).`
    : `${target}: applied ${applied.length} migration(s) in ${ms} ms: ${applied.join(", ")}.`,
);
