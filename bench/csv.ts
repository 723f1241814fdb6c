// The inbox's CSV export at scale: N applications (default 100,000) exported through the route's
// handler (handleInboxExport, the function app/api/[tenant]/backoffice/domande/export.csv calls),
// its body read as a stream the way a browser downloads it. Target: memory flat (the export holds a
// page of rows, never the file), peak RSS under 300 MB.
//
// This process seeds; the export runs in a child process (bench/csv-export.ts) that loads only
// what the route runs. Measured in one process, seeding and migrating left the export starting
// from ~210 MB of which none was the export's: Node ~40 MB, the tsx loader ~35 MB, the Prisma
// client with its query compiler and pool ~60 MB, the route's modules (zod, next-intl with react,
// the inbox) ~45 MB, the seeding ~15 MB. Reported: the child's RSS at start (Node + tsx, which a
// production server does not have), its baseline once the route is loaded, its peak while
// exporting, the difference (what an export costs the server), rows a second, and the heap in use
// after each export and a full GC (what it leaves behind).
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/sportello_bench_csv npx tsx bench/csv.ts
//
// `npm run bench` runs it too. The database (local, named sportello_bench…) is created and
// migrated when missing; the seed is kept between runs (--reseed makes it again, --drop drops the
// database at the end). Flags: --rows N, --batch N (rows per query, default the export's),
// --runs N (3). Writes bench/results/csv-latest.json.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import type { TCsvExportResult } from "./csv-export";

const { values: flags } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    batch: { type: "string" },
    runs: { type: "string", default: "3" },
    reseed: { type: "boolean", default: false },
    drop: { type: "boolean", default: false },
  },
});

process.env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/sportello_bench_csv";
const databaseUrl = process.env.DATABASE_URL;

const ROWS = Number(flags.rows);
const log = (msg: string) => console.error(`[bench:csv] ${msg}`);

// ---- database and seed ----------------------------------------------------------------------

// Local only, named sportello_bench… (bench/lib/database.ts refuses others).
const { createDatabaseIfMissing, dropDatabase } = await import("./lib/database");
await createDatabaseIfMissing(databaseUrl);
const { migrateDatabase } = await import("../scripts/lib/migrate-database");
await migrateDatabase();

const { db, closeDb } = await import("../server/db/client");
const { createTenantWithServices, insertApplications } = await import("./lib/inbox-seed");
const prisma = await db();
const sql = new pg.Client({ connectionString: databaseUrl });
await sql.connect();

const SLUG = "bench-csv";
let tenant = await prisma.tenant.findUnique({ where: { slug: SLUG } });
const submitted = async (tenantId: string) =>
  Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "Application" WHERE "tenantId" = $1 AND status >= 1900`, [tenantId])).rows[0]!.n);
if (tenant && (flags.reseed || (await submitted(tenant.id)) !== ROWS)) {
  await prisma.tenant.delete({ where: { id: tenant.id } });
  tenant = null;
}
if (!tenant) {
  const started = performance.now();
  tenant = await createTenantWithServices(prisma, SLUG, "CSV", 10);
  await sql.query("SELECT setseed(0.42)");
  // No drafts: every row is exported.
  for (let from = 1; from <= ROWS; from += 100_000) {
    await insertApplications(sql, { tenantId: tenant.id, prefix: "CSV", from, to: Math.min(ROWS, from + 99_999), now: new Date(), draftShare: 0 });
  }
  await sql.query('VACUUM (ANALYZE) "Application"');
  log(`seeded ${ROWS.toLocaleString("en")} applications in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
await closeDb();

// ---- measurement: in a process of its own ---------------------------------------------------

const args = ["--expose-gc", "--import", "tsx", "bench/csv-export.ts", "--slug", SLUG, "--rows", String(ROWS), "--runs", flags.runs];
if (flags.batch) args.push("--batch", flags.batch);
const child = spawnSync(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", env: process.env });
if (child.status !== 0) throw new Error(`the export process failed (exit ${child.status})`);
const measured = JSON.parse(child.stdout.trim().split("\n").pop()!) as TCsvExportResult;
const { runs } = measured;

const { rows: version } = await sql.query<{ server_version: string }>("SHOW server_version");
const best = runs.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
const peak = Math.max(...runs.map((r) => r.rssPeakMB));
const result = {
  at: new Date().toISOString(),
  postgres: version[0]!.server_version,
  rows: ROWS,
  runs,
  rowsPerSecond: Math.round(best.rowsPerSecond),
  /** The export's process: at start (Node + tsx), once the route is loaded, at its peak. */
  rssAtStartMB: Math.round(measured.rssAtStartMB),
  rssBaselineMB: Math.round(measured.rssBaselineMB),
  rssPeakMB: Math.round(peak),
  rssDeltaMB: Math.round(peak - measured.rssBaselineMB),
  heapAfterGcMB: Math.round(Math.max(...runs.map((r) => r.heapAfterGcMB))),
  targets: { peakRssUnder300MB: peak < 300 },
};
const resultsDir = path.resolve("bench/results");
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, "csv-latest.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `CSV export of ${ROWS.toLocaleString("en")} applications (PostgreSQL ${result.postgres}): best ${result.rowsPerSecond.toLocaleString("en")} rows/s over ${runs.length} runs; ` +
    `export process RSS ${result.rssAtStartMB} MB at start (Node + tsx), ${result.rssBaselineMB} MB with the route loaded, peak ${result.rssPeakMB} MB ` +
    `(+${result.rssDeltaMB} MB while exporting; heap after GC ${result.heapAfterGcMB} MB) (target peak < 300 MB: ${result.targets.peakRssUnder300MB ? "met" : "MISSED"})`,
);

await sql.end();
if (flags.drop) await dropDatabase(databaseUrl);
