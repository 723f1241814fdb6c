import { prepareTestDatabase } from "./database";
import { ensurePgliteTemplate } from "./pglite-template";

// Runs once before all test files: creates and migrates the PostgreSQL test database when
// DATABASE_URL is set; otherwise builds the migrated embedded template each test file copies.
export default async function globalSetup() {
  if (process.env.DATABASE_URL) await prepareTestDatabase();
  else await ensurePgliteTemplate();
}
