import { closeDb, db } from "../../server/db/client";
import { seedDemo } from "../../server/db/seed";
import { migrateDatabase } from "./migrate-database";

// Applies pending migrations and the idempotent demo seed, then releases the database (PGlite
// allows one process per folder, and the app process opens it next).
export async function migrateAndSeed() {
  const { applied } = await migrateDatabase();
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const prisma = await db();
  try {
    return await seedDemo(prisma);
  } finally {
    await closeDb();
  }
}
