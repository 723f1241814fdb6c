import { prepareTestDatabase } from "./database";

// Runs once before all test files: creates and migrates the PostgreSQL test database when
// DATABASE_URL is set. With the embedded database each file migrates its own (setup.ts).
export default async function globalSetup() {
  await prepareTestDatabase();
}
