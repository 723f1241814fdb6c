import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, readMigrations } from "../db/migrate";
import { pgliteExecutor } from "../db/sql-executor";

// Creating an embedded database (initdb) takes seconds; copying a migrated one takes
// milliseconds. The template is keyed by the migrations' checksums, so a schema change makes a
// new one and an unchanged schema reuses it across runs.

export function templateDir(): string {
  const hash = createHash("sha256");
  for (const m of readMigrations()) hash.update(`${m.name}:${m.checksum}\n`);
  return path.join(os.tmpdir(), `sportello-pglite-template-${hash.digest("hex").slice(0, 16)}`);
}

/** Creates the migrated template database if it does not exist yet. */
export async function ensurePgliteTemplate(): Promise<string> {
  const dir = templateDir();
  if (fs.existsSync(path.join(dir, "pglite", "PG_VERSION"))) return dir;
  const building = `${dir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(path.join(building, "pglite"), { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = await PGlite.create(path.join(building, "pglite"));
  await applyMigrations(pgliteExecutor(pglite));
  await pglite.close();
  try {
    fs.renameSync(building, dir);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another run made it first
  }
  return dir;
}

/** A private copy of the template for one test file (DATA_DIR with a migrated database). */
export function copyPgliteTemplate(target: string): boolean {
  const dir = templateDir();
  if (!fs.existsSync(path.join(dir, "pglite", "PG_VERSION"))) return false;
  fs.cpSync(path.join(dir, "pglite"), path.join(target, "pglite"), { recursive: true });
  return true;
}
