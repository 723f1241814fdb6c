import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { diffMigrationsToSchema, engineMigrationsList, openSchemaEngine, withoutHandWrittenIndexDrops } from "./db-schema-diff";
import { applyMigrations, migrationsDir, readMigrations } from "../server/db/migrate";
import { pgliteExecutor } from "../server/db/sql-executor";

// Prisma's schema engine (WASM) replays the migrations in an in-memory PGlite: slow to start.
const SLOW = 120_000;

describe("diffMigrationsToSchema", () => {
  it(
    "finds nothing to add: prisma/migrations produce prisma/schema.prisma (else run npm run db:migration:create)",
    async () => {
      expect(await diffMigrationsToSchema()).toBeNull();
    },
    SLOW,
  );

  it(
    "writes Prisma's SQL for a schema change",
    async () => {
      const schema = fs
        .readFileSync("prisma/schema.prisma", "utf8")
        .replace(/(model Citizen \{\n)/, '$1  nickname String? @unique\n');
      const sql = await diffMigrationsToSchema({ schema });
      expect(sql).toBe(
        '-- AlterTable\nALTER TABLE "Citizen" ADD COLUMN     "nickname" TEXT;\n\n' +
          '-- CreateIndex\nCREATE UNIQUE INDEX "Citizen_nickname_key" ON "Citizen"("nickname");\n',
      );
    },
    SLOW,
  );
});

describe("compatibility with Prisma Migrate", () => {
  it(
    "Prisma's own engine sees a database migrated by applyMigrations as up to date, and notices an edit",
    async () => {
      const pglite = new PGlite();
      const dir = migrationsDir();
      const engine = await openSchemaEngine(pglite, fs.readFileSync("prisma/schema.prisma", "utf8"));
      try {
        await applyMigrations(pgliteExecutor(pglite));
        const input = { migrationsList: engineMigrationsList(dir), filters: { externalTables: [], externalEnums: [] } };
        expect(await engine.diagnoseMigrationHistory({ ...input, optInToShadowDatabase: false })).toEqual({
          editedMigrationNames: [],
          failedMigrationNames: [],
          hasMigrationsTable: true,
          history: null,
        });
        // What `prisma migrate deploy` would do here: nothing.
        expect(await engine.applyMigrations(input)).toEqual({ appliedMigrationNames: [] });

        await pglite.query(`UPDATE _prisma_migrations SET checksum = $1`, ["0".repeat(64)]);
        const tampered = await engine.diagnoseMigrationHistory({ ...input, optInToShadowDatabase: false });
        expect(tampered.editedMigrationNames).toEqual(readMigrations(dir).map((m) => m.name));
      } finally {
        engine.free();
        await pglite.close();
      }
    },
    SLOW,
  );
});

describe("withoutHandWrittenIndexDrops", () => {
  it("leaves out only the drops of hand_* indexes", () => {
    const sql =
      '-- DropIndex\nDROP INDEX "hand_Application_x";\n\n-- DropIndex\nDROP INDEX "Citizen_email_idx";\n\n' +
      '-- AlterTable\nALTER TABLE "Citizen" ADD COLUMN "x" TEXT;\n';
    expect(withoutHandWrittenIndexDrops(sql)).toBe(
      '-- DropIndex\nDROP INDEX "Citizen_email_idx";\n\n-- AlterTable\nALTER TABLE "Citizen" ADD COLUMN "x" TEXT;\n',
    );
  });
});
