import pg from "pg";
import { env } from "../../server/env";
import { pgClientExecutor } from "../../server/db/sql-executor";
import { applyMigrations } from "../../server/db/migrate";
import { closeDb, db } from "../../server/db/client";
import { seedDemo } from "../../server/db/seed";

// Applies pending migrations and the idempotent demo seed, then releases the database (PGlite
// allows one process per folder, and the app process opens it next).
export async function migrateAndSeed() {
  const { DATABASE_URL } = env();
  if (DATABASE_URL) {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const applied = await applyMigrations(pgClientExecutor(client));
      if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    } finally {
      await client.end();
    }
  }
  // The embedded database is migrated when it is opened.
  const prisma = await db();
  try {
    const { credentials } = await seedDemo(prisma);
    return credentials;
  } finally {
    await closeDb();
  }
}
