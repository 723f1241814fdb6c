import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeDb, db } from "../db/client";
import { copyPgliteTemplate } from "./pglite-template";

// Per test file: with no DATABASE_URL, a private embedded database in a temporary folder
// (PGlite allows one process per folder), copied from the migrated template made by
// global-setup.ts. Its folder is removed after the file's tests.
if (!process.env.DATABASE_URL) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sportello-test-"));
  process.env.DATA_DIR = dir;
  copyPgliteTemplate(dir);
  afterAll(async () => {
    await closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });
} else {
  afterAll(async () => {
    await closeDb();
  });
}
// Open (and, embedded, create and migrate) the database before the first test, not inside it:
// creating an embedded database takes seconds on a loaded machine.
beforeAll(async () => {
  await db();
}, 120_000);
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
