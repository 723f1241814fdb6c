// The inbox's CSV export at scale: N applications (default 100,000) exported through the route's
// handler (handleInboxExport, the function app/api/[tenant]/backoffice/domande/export.csv calls),
// its body read as a stream the way a browser downloads it. Reports rows a second and the peak
// resident memory of this process, sampled every 50 ms. Target: memory flat (the export holds a
// page of rows, never the file), peak RSS under 300 MB.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/sportello_bench_csv npx tsx bench/csv.ts
//
// `npm run bench` runs it too (in a process of its own, so the figure is the export's alone).
// The database (local, named sportello_bench…) is created and migrated when missing; the seed is
// kept between runs (--reseed makes it again, --drop drops the database at the end). Flags:
// --rows N, --batch N (rows per query, default the export's), --runs N (3). Writes
// bench/results/csv-latest.json.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";

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
const RUNS = Number(flags.runs);
const MB = 1024 * 1024;
const log = (msg: string) => console.error(`[bench:csv] ${msg}`);

// ---- database and seed ----------------------------------------------------------------------

// Local only, named sportello_bench… (bench/lib/database.ts refuses others).
const { createDatabaseIfMissing, dropDatabase } = await import("./lib/database");
await createDatabaseIfMissing(databaseUrl);
const { migrateDatabase } = await import("../scripts/lib/migrate-database");
await migrateDatabase();

const { db, closeDb } = await import("../server/db/client");
const { handleInboxExport } = await import("../server/backoffice/inbox-export");
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
const tenantId = tenant.id;
const staff = await prisma.staffUser.findFirstOrThrow({ where: { memberships: { some: { tenantId } } }, include: { memberships: true } });

// ---- measurement ----------------------------------------------------------------------------

type TRun = {
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  firstByteMs: number;
  rssBeforeMB: number;
  rssPeakMB: number;
  /** RSS at a quarter, half, three quarters and the end of the download: flat, or growing? */
  rssQuartersMB: number[];
};

async function exportOnce(): Promise<TRun> {
  const rssBefore = process.memoryUsage().rss;
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(process.memoryUsage().rss), 50);
  const start = performance.now();
  const res = await handleInboxExport(new Request(`http://localhost/api/${SLUG}/backoffice/domande/export.csv`), { tenant: SLUG }, {
    resolveTenant: async (slug) => (slug === SLUG ? tenant : null),
    getStaff: async () => staff,
    locale: "it",
    ip: null,
    batchSize: flags.batch ? Number(flags.batch) : undefined,
  });
  if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
  let bytes = 0;
  let lines = 0;
  let firstByteMs = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) firstByteMs = performance.now() - start;
    bytes += value.byteLength;
    // Line ends (CRLF): quoted line breaks inside cells are LF only in this data (there are none).
    for (let i = 0; i < value.length; i++) if (value[i] === 0x0a) lines++;
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  samples.push(process.memoryUsage().rss);
  const rows = lines - 1;
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * (samples.length - 1)))]! / MB;
  return {
    rows,
    bytes,
    seconds,
    rowsPerSecond: rows / seconds,
    firstByteMs,
    rssBeforeMB: rssBefore / MB,
    rssPeakMB: Math.max(rssBefore, ...samples) / MB,
    rssQuartersMB: [0.25, 0.5, 0.75, 1].map((q) => Math.round(at(q))),
  };
}

const runs: TRun[] = [];
for (let i = 0; i < RUNS; i++) {
  const run = await exportOnce();
  runs.push(run);
  log(
    `run ${i + 1}: ${run.rows.toLocaleString("en")} rows, ${(run.bytes / MB).toFixed(1)} MB in ${run.seconds.toFixed(2)} s ` +
      `(${Math.round(run.rowsPerSecond).toLocaleString("en")} rows/s, first bytes after ${run.firstByteMs.toFixed(0)} ms), ` +
      `RSS ${run.rssBeforeMB.toFixed(0)} MB before, ${run.rssQuartersMB.join(" / ")} MB at each quarter, peak ${run.rssPeakMB.toFixed(0)} MB`,
  );
  if (run.rows !== ROWS) throw new Error(`exported ${run.rows} rows, expected ${ROWS}`);
}

const { rows: version } = await sql.query<{ server_version: string }>("SHOW server_version");
const best = runs.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
const peak = Math.max(...runs.map((r) => r.rssPeakMB));
const result = {
  at: new Date().toISOString(),
  postgres: version[0]!.server_version,
  rows: ROWS,
  runs,
  rowsPerSecond: Math.round(best.rowsPerSecond),
  rssPeakMB: Math.round(peak),
  targets: { peakRssUnder300MB: peak < 300 },
};
const resultsDir = path.resolve("bench/results");
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, "csv-latest.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `CSV export of ${ROWS.toLocaleString("en")} applications (PostgreSQL ${result.postgres}): best ${result.rowsPerSecond.toLocaleString("en")} rows/s over ${RUNS} runs, ` +
    `peak RSS ${result.rssPeakMB} MB (target < 300 MB: ${result.targets.peakRssUnder300MB ? "met" : "MISSED"})`,
);

await sql.end();
await closeDb();
if (flags.drop) await dropDatabase(databaseUrl);
