// The e2e server's own database: DATABASE_URL names it (e2e/playwright.config.ts derives
// "<the tests' database>_e2e"); it is dropped and created empty before every e2e run, so rows and
// pending jobs left by the integration tests (same PostgreSQL, CI runs both) never reach the e2e
// server's job worker, and one run's data never meets the next. Local databases only.
import pg from "pg";
import { assertLocalDatabase } from "../server/test/database";

const url = process.env.DATABASE_URL;
if (!url) process.exit(0);
assertLocalDatabase(url);
const name = decodeURIComponent(new URL(url).pathname.slice(1));
const admin = new URL(url);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
try {
  const quoted = `"${name.replaceAll('"', '""')}"`;
  await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${quoted}`);
} finally {
  await client.end();
}
