import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { readMigrations } from "../server/db/migrate";

// The SQL that takes a database from "every migration in prisma/migrations applied" to
// prisma/schema.prisma, written by Prisma's own schema engine (its WASM build: the native one
// cannot be downloaded everywhere). Same call as `prisma migrate diff --from-migrations
// --to-schema --script`, with an in-memory PGlite as the shadow database, so the output is what
// `prisma migrate dev` would write.

let wasmReady: Promise<void> | undefined;

// The package is built for bundlers (`import * as wasm from "./x.wasm"`): instantiate by hand.
function loadEngine(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const compiled = await WebAssembly.compile(fs.readFileSync(wasmPath));
    const instance = await WebAssembly.instantiate(compiled, {
      "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
    });
    const bindings = engineBindings as unknown as { __wbg_set_wasm: (exports: WebAssembly.Exports) => void };
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  })();
  return wasmReady;
}

export type TSchemaDiffInput = {
  /** Default: prisma/migrations under the working directory. */
  migrationsDir?: string;
  /** The target datamodel; default: the content of prisma/schema.prisma. */
  schema?: string;
};

/** The migrations folder as the engine takes it. */
export function engineMigrationsList(migrationsDir: string): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : 'provider = "postgresql"\n',
    },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations(migrationsDir).map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.script } },
    })),
  };
}

/**
 * Prisma's schema engine on a PGlite database. The same PGlite also serves as the shadow
 * database (the adapter's own connectToShadowDb opens a PGlite it never closes).
 */
export async function openSchemaEngine(pglite: PGlite, schema: string): Promise<SchemaEngine> {
  await loadEngine();
  const base = new PrismaPGlite(pglite);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    connectToShadowDb: () => base.connect(),
  };
  return engineBindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

/** Indexes the schema language cannot express (expression and partial indexes) are written by
 * hand into migrations under names starting with "hand_". The engine, not seeing them in
 * schema.prisma, would drop them: those statements are left out of the diff. */
export const HAND_WRITTEN_INDEX_PREFIX = "hand_";

export function withoutHandWrittenIndexDrops(sql: string): string {
  const statements = sql.split(/\n(?=-- )/);
  const kept = statements.filter((st) => !new RegExp(`^-- DropIndex\\nDROP INDEX "${HAND_WRITTEN_INDEX_PREFIX}[^"]*";\\s*$`).test(st));
  return kept.join("\n");
}

/** The migration script, or null when the migrations already produce the schema. */
export async function diffMigrationsToSchema(input: TSchemaDiffInput = {}): Promise<string | null> {
  const migrationsDir = input.migrationsDir ?? path.resolve("prisma", "migrations");
  const schema = input.schema ?? fs.readFileSync(path.resolve("prisma", "schema.prisma"), "utf8");
  // A diff only uses the shadow database, where the engine replays the migrations.
  const pglite = new PGlite();
  const engine = await openSchemaEngine(pglite, schema);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...engineMigrationsList(migrationsDir) },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      // exitCode 2 = the diff is not empty.
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    if (result.exitCode !== 2) return null;
    const sql = withoutHandWrittenIndexDrops(result.stdout ?? "");
    return sql.trim() === "" ? null : sql;
  } finally {
    engine.free();
    await pglite.close();
  }
}
