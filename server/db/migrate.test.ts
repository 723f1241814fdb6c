import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, migrationsDir, readMigrations, type TSqlExecutor } from "./migrate";
import { pgClientExecutor, pgliteExecutor } from "./sql-executor";
import { assertLocalDatabase } from "../test/database";

// Each run gets an empty database of its own: a throwaway PostgreSQL database when DATABASE_URL
// is set (created and dropped here, so the shared test database is never touched), an in-memory
// PGlite otherwise.

type TSession = { exec: TSqlExecutor; close: () => Promise<void> };
type TScratch = { main: TSession; open: () => Promise<TSession>; drop: () => Promise<void> };

async function scratchDatabase(): Promise<TScratch> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pglite = await PGlite.create();
    const main = { exec: pgliteExecutor(pglite), close: () => pglite.close() };
    return { main, open: async () => main, drop: () => pglite.close() };
  }
  assertLocalDatabase(url);
  const name = `sportello_migrate_test_${randomBytes(4).toString("hex")}`;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const sessions: pg.Client[] = [];
  const open = async (): Promise<TSession> => {
    const client = new pg.Client({ connectionString: target.toString() });
    await client.connect();
    sessions.push(client);
    return { exec: pgClientExecutor(client), close: () => client.end() };
  };
  const main = await open();
  return {
    main,
    open,
    drop: async () => {
      await Promise.all(sessions.map((c) => c.end().catch(() => undefined)));
      await adminClient.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await adminClient.end();
    },
  };
}

function sha256OfFile(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** A private copy of the repository's migrations, to edit freely. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sportello-migrations-"));
  fs.cpSync(migrationsDir(), dir, { recursive: true });
  return dir;
}

const names = readMigrations().map((m) => m.name);
let db: TScratch;
const tempDirs: string[] = [];

beforeAll(async () => {
  db = await scratchDatabase();
}, 120_000);

afterAll(async () => {
  await db?.drop();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await db.main.exec.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
});

async function tables(): Promise<string[]> {
  const rows = await db.main.exec.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => String(r.table_name));
}

describe("applyMigrations", () => {
  it("applies every migration to an empty database, and nothing on the next run", async () => {
    expect(names.length).toBeGreaterThan(0);
    expect(await applyMigrations(db.main.exec)).toEqual(names);
    expect(await tables()).toEqual(expect.arrayContaining(["Tenant", "StaffUser", "Membership", "_prisma_migrations"]));

    expect(await applyMigrations(db.main.exec)).toEqual([]);
    const rows = await db.main.exec.query(`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
  });

  it("records each migration exactly as prisma migrate deploy does", async () => {
    await applyMigrations(db.main.exec);
    const columns = await db.main.exec.query(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => `${c.column_name} ${c.data_type}`)).toEqual([
      "id character varying",
      "checksum character varying",
      "finished_at timestamp with time zone",
      "migration_name character varying",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone",
      "applied_steps_count integer",
    ]);
    const rows = await db.main.exec.query(`SELECT * FROM _prisma_migrations ORDER BY migration_name`);
    for (const [i, row] of rows.entries()) {
      const name = names[i]!;
      expect(row.migration_name).toBe(name);
      expect(row.checksum).toBe(sha256OfFile(path.join(migrationsDir(), name, "migration.sql")));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.started_at).toBeInstanceOf(Date);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("refuses to run when an applied migration was edited, but accepts changed line endings", async () => {
    const dir = copyOfMigrations();
    tempDirs.push(dir);
    await applyMigrations(db.main.exec, { dir });
    const file = path.join(dir, names[0]!, "migration.sql");
    const original = fs.readFileSync(file, "utf8");

    fs.writeFileSync(file, original.replaceAll("\n", "\r\n"));
    expect(await applyMigrations(db.main.exec, { dir })).toEqual([]);

    fs.writeFileSync(file, original + "\n-- edited later\n");
    await expect(applyMigrations(db.main.exec, { dir })).rejects.toThrow(
      `Migration ${names[0]} was changed after it was applied to this database`,
    );
  });

  it("rolls back a failing migration and records nothing, so the fixed one applies", async () => {
    const dir = copyOfMigrations();
    tempDirs.push(dir);
    const broken = "29991231235959_broken";
    fs.mkdirSync(path.join(dir, broken));
    const file = path.join(dir, broken, "migration.sql");
    fs.writeFileSync(file, `CREATE TABLE "Half" ("id" INTEGER);\nSELECT 1 / 0;\n`);

    await expect(applyMigrations(db.main.exec, { dir })).rejects.toThrow(`Migration ${broken} failed and was rolled back`);
    expect(await tables()).not.toContain("Half");
    const recorded = await db.main.exec.query(`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`);
    expect(recorded.map((r) => r.migration_name)).toEqual(names);

    fs.writeFileSync(file, `CREATE TABLE "Half" ("id" INTEGER);\n`);
    expect(await applyMigrations(db.main.exec, { dir })).toEqual([broken]);
    expect(await tables()).toContain("Half");
  });

  it("refuses to run over a migration that Prisma recorded as started but unfinished", async () => {
    await applyMigrations(db.main.exec);
    await db.main.exec.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      ["00000000-0000-4000-8000-000000000000", "0".repeat(64), "29991231235959_half_done"],
    );
    await expect(applyMigrations(db.main.exec)).rejects.toThrow("29991231235959_half_done started but did not finish");
  });

  it.skipIf(!process.env.DATABASE_URL)("applies each migration once when two processes start together", async () => {
    const [a, b] = await Promise.all([db.open(), db.open()]);
    const results = await Promise.all([applyMigrations(a!.exec), applyMigrations(b!.exec)]);
    expect(results.flat().sort()).toEqual(names);
    const rows = await db.main.exec.query(`SELECT count(*)::int AS n FROM _prisma_migrations`);
    expect(rows[0]!.n).toBe(names.length);
  });
});
