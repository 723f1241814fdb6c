import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order and records each in
// `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, same sha256
// checksum), so a machine with Prisma's native engine sees the same history. We run our own
// because that engine cannot be downloaded everywhere (see STACK.md).

/**
 * One database session. BEGIN/COMMIT and the advisory lock are session-scoped, so both
 * functions must run on the same connection (a pg.Client or a PGlite instance, not a pool).
 */
export type TSqlExecutor = {
  query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  exec: (sql: string) => Promise<void>;
};

export type TMigration = { name: string; script: string; checksum: string };

export type TApplyOptions = {
  /** Folder holding the migrations; default `prisma/migrations` under the working directory. */
  dir?: string;
  /** Told about each migration before it runs. */
  onApply?: (name: string) => void;
};

/** Prisma's migration lock id (schema-engine, PostgreSQL flavour): we and Prisma exclude each other. */
export const PRISMA_ADVISORY_LOCK_ID = 72707369;

export class MigrationError extends Error {}

/** The default migrations folder. */
export function migrationsDir(): string {
  return path.resolve(process.cwd(), "prisma", "migrations");
}

/** sha256 of the script, lowercase hex: what Prisma stores in `_prisma_migrations.checksum`. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script).digest("hex");
}

// Prisma accepts a script whose line endings git converted (LF ↔ CRLF) as unchanged.
function matchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\r\n", "\n").replaceAll("\n", "\r\n")];
  return variants.some((v) => migrationChecksum(v) === checksum);
}

/** The migrations on disk, oldest first (folder names start with a UTC timestamp). */
export function readMigrations(dir: string = migrationsDir()): TMigration[] {
  if (!fs.existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}.`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!fs.existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql (${file}).`);
      const script = fs.readFileSync(file, "utf8");
      return { name, script, checksum: migrationChecksum(script) };
    });
}

// Prisma's own DDL for the history table (schema-engine, PostgreSQL flavour).
const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

type THistoryRow = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

/**
 * Applies the pending migrations, each in its own transaction, and returns their names (empty
 * when the database is up to date). Refuses to run when an applied migration was edited or a
 * migration is recorded as failed (as `prisma migrate deploy` would leave it).
 */
export async function applyMigrations(exec: TSqlExecutor, options: TApplyOptions = {}): Promise<string[]> {
  const migrations = readMigrations(options.dir);
  // Two app instances starting together: the second waits here, then finds nothing to do.
  await exec.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_ID})`);
  try {
    await exec.exec(CREATE_HISTORY_TABLE);
    const history = (await exec.query(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at`,
    )) as THistoryRow[];
    const live = history.filter((r) => r.rolled_back_at === null);

    const failed = live.filter((r) => r.finished_at === null).map((r) => r.migration_name);
    if (failed.length > 0) {
      throw new MigrationError(
        `Migration ${failed.join(", ")} started but did not finish. Repair the database by hand, then mark it ` +
          `with \`prisma migrate resolve --applied|--rolled-back <name>\` (or delete its _prisma_migrations row).`,
      );
    }

    const applied = new Map(live.map((r) => [r.migration_name, r.checksum]));
    const edited = migrations.filter((m) => applied.has(m.name) && !matchesChecksum(m.script, applied.get(m.name)!));
    if (edited.length > 0) {
      throw new MigrationError(
        `Migration ${edited.map((m) => m.name).join(", ")} was changed after it was applied to this database ` +
          `(checksum differs). Applied migrations must never be edited: restore the file and put the change in a ` +
          `new migration (npm run db:migration:create <name>).`,
      );
    }

    const done: string[] = [];
    for (const m of migrations.filter((m) => !applied.has(m.name))) {
      options.onApply?.(m.name);
      await exec.exec("BEGIN");
      try {
        await exec.exec(m.script);
        await exec.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await exec.exec("COMMIT");
      } catch (e) {
        await exec.exec("ROLLBACK").catch(() => undefined);
        const reason = e instanceof Error ? e.message : String(e);
        throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${reason}`, { cause: e });
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await exec.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_ID})`).catch(() => undefined);
  }
}
