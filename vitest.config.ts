import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests (server functions against a real database). The e2e suite is
// Playwright's (e2e/). DATABASE_URL set: tests use that PostgreSQL (local addresses only);
// unset: every test file gets its own embedded PostgreSQL (see server/test/setup.ts).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["server/**/*.test.{ts,tsx}", "emails/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
    globalSetup: ["server/test/global-setup.ts"],
    setupFiles: ["server/test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
