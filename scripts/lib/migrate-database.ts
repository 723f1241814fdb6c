import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { env } from "../../server/env";
import { applyMigrations } from "../../server/db/migrate";
import { pgClientExecutor, pgliteExecutor } from "../../server/db/sql-executor";

// Applies pending migrations to DATABASE_URL's PostgreSQL, or to the embedded database in
// DATA_DIR/pglite, on one session that is closed afterwards (PGlite allows one process).
export async function migrateDatabase(opts: { onApply?: (name: string) => void } = {}): Promise<{ target: string; applied: string[] }> {
  const { DATABASE_URL, DATA_DIR } = env();
  if (DATABASE_URL) {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const target = `PostgreSQL ${client.host}:${client.port}/${client.database}`;
      return { target, applied: await applyMigrations(pgClientExecutor(client), opts) };
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const dir = path.resolve(DATA_DIR, "pglite");
  fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  try {
    return { target: `embedded PostgreSQL in ${dir}`, applied: await applyMigrations(pgliteExecutor(pglite), opts) };
  } finally {
    await pglite.close();
  }
}

/** The demo staff accounts as printed by `npm start` and `npm run db:seed`. */
/** The demo API keys, for the console: municipality, name, key. */
export function formatApiKeys(keys: { name: string; key: string; tenant: string }[]): string[] {
  return keys.map((k) => `  ${k.tenant.padEnd(11)} ${k.name.padEnd(28)} ${k.key}`);
}

export function formatCredentials(creds: { email: string; password: string; role: string; tenant: string }[]): string[] {
  return creds.map((c) => `  ${c.tenant.padEnd(11)} ${c.role.padEnd(16)} ${c.email.padEnd(40)} ${c.password}`);
}
