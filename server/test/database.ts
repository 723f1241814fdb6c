import pg from "pg";
import { pgClientExecutor } from "../db/sql-executor";
import { applyMigrations } from "../db/migrate";

// Refuses to touch anything but a local database: tests create rows freely.
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Tests refuse to run against a non-local database (${host}). Unset DATABASE_URL or point it at localhost.`);
  }
}

/** Creates the database named in DATABASE_URL if missing and applies the migrations. */
export async function prepareTestDatabase(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  assertLocalDatabase(url);
  const target = new URL(url);
  const dbName = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  try {
    const exists = await adminClient.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName]);
    if (exists.rowCount === 0) await adminClient.query(`CREATE DATABASE "${dbName.replaceAll('"', '""')}"`);
  } finally {
    await adminClient.end();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await applyMigrations(pgClientExecutor(client));
  } finally {
    await client.end();
  }
}
