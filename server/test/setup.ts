import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { closeDb } from "../db/client";
import { copyPgliteTemplate } from "./pglite-template";

// Per test file: with no DATABASE_URL, a private embedded database in a temporary folder
// (PGlite allows one process per folder), copied from the migrated template made by
// global-setup.ts, and opened only if a test uses the database. Its folder is removed after the
// file's tests.
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
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
