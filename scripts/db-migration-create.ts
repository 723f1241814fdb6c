// `npm run db:migration:create <name>`: writes prisma/migrations/<UTC timestamp>_<name>/migration.sql
// with the SQL that brings the existing migrations up to prisma/schema.prisma (what
// `prisma migrate dev --create-only --name <name>` writes). Review and edit the SQL (data
// migrations, renames), then apply it with `npm run db:migrate` or by starting the app.
import fs from "node:fs";
import path from "node:path";
import { diffMigrationsToSchema } from "./db-schema-diff";
import { readMigrations } from "../server/db/migrate";

// As Prisma's CLI: a lowercase slug with underscores, at most 200 characters.
function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

const name = slug(process.argv.slice(2).join(" "));
if (!name) {
  console.error("Usage: npm run db:migration:create <name>   (e.g. add_service_catalogue)");
  process.exit(1);
}

const dir = path.resolve("prisma", "migrations");
const started = performance.now();
const script = await diffMigrationsToSchema({ migrationsDir: dir });
if (script === null) {
  console.log("no changes: prisma/migrations already produce prisma/schema.prisma; nothing written.");
  process.exit(0);
}

const folder = `${utcTimestamp(new Date())}_${name}`;
const last = readMigrations(dir).at(-1)?.name;
if (last && folder <= last) {
  console.error(`The new migration ${folder} would sort before ${last}: check the system clock.`);
  process.exit(1);
}
fs.mkdirSync(path.join(dir, folder));
const file = path.join(dir, folder, "migration.sql");
fs.writeFileSync(file, script);

// The new history must now produce the schema exactly; anything left means the engine could
// not express a change (rare), and the SQL needs a hand edit.
const rest = await diffMigrationsToSchema({ migrationsDir: dir });
console.log(script);
console.log(`Wrote ${path.relative(process.cwd(), file)} (${Math.round(performance.now() - started)} ms).`);
// `prisma migrate dev` puts data-loss warnings in a comment; the WASM engine cannot compute them
// without a live database, so point at the statements to review instead.
const lossy = script.split("\n").filter((l) => /\bDROP (TABLE|COLUMN|TYPE)\b|\bALTER COLUMN .* (TYPE|SET NOT NULL)\b/.test(l));
if (lossy.length > 0) {
  console.warn(`Review: these statements can lose data or fail on existing rows:\n  ${lossy.join("\n  ")}`);
}
if (rest !== null) {
  console.warn(`Warning: after this migration the database would still differ from the schema by:\n${rest}`);
  process.exitCode = 1;
}
