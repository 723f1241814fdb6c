// The CSV export's own process (bench/csv.ts starts it): it loads what the export route runs (the
// handler of server/backoffice/inbox-export.ts and the Prisma client), nothing of the benchmark's
// seeding or migrations, then exports the seeded municipality --runs times, as a server answering
// successive downloads would. So its memory figures are the export's: the resident set once the
// route is loaded (baseline), its peak while rows stream out, and the heap still in use after a
// full garbage collection (what an export leaves behind: nothing, if it holds one page at a time).
//
// Prints one JSON line on stdout (the measurements); logs on stderr. Run with --expose-gc.
//   node --expose-gc --import tsx bench/csv-export.ts --slug bench-csv --rows 100000 [--runs 3] [--batch N]
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const MB = 1024 * 1024;
/** Node and the TypeScript loader (tsx), before any of the app is loaded: a production server
 * runs compiled code instead, so this part of the figures is the benchmark's, not the app's. */
const rssAtStart = process.memoryUsage().rss;

const { values: flags } = parseArgs({
  options: {
    slug: { type: "string", default: "bench-csv" },
    rows: { type: "string" },
    runs: { type: "string", default: "3" },
    batch: { type: "string" },
    "sample-ms": { type: "string", default: "10" },
  },
});
const log = (msg: string) => console.error(`[bench:csv] ${msg}`);
const exposedGc = (globalThis as { gc?: () => void }).gc;
if (!exposedGc) throw new Error("Run with node --expose-gc");
const gc: () => void = exposedGc;

const { db, closeDb } = await import("../server/db/client");
const { handleInboxExport } = await import("../server/backoffice/inbox-export");
const prisma = await db();
// What the route looks up before exporting (the municipality and the signed-in operator).
const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: flags.slug } });
const staff = await prisma.staffUser.findFirstOrThrow({ where: { memberships: { some: { tenantId: tenant.id } } }, include: { memberships: true } });
gc();
const rssBaseline = process.memoryUsage().rss;

export type TCsvExportRun = {
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  firstByteMs: number;
  rssBeforeMB: number;
  rssPeakMB: number;
  /** RSS at a quarter, half, three quarters and the end of the download: flat, or growing? */
  rssQuartersMB: number[];
  heapPeakMB: number;
  /** Heap in use after the export and a full garbage collection. */
  heapAfterGcMB: number;
};

async function exportOnce(): Promise<TCsvExportRun> {
  const rssBefore = process.memoryUsage().rss;
  const samples: number[] = [];
  let heapPeak = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    samples.push(m.rss);
    heapPeak = Math.max(heapPeak, m.heapTotal);
  }, Number(flags["sample-ms"]));
  const start = performance.now();
  const res = await handleInboxExport(new Request(`http://localhost/api/${flags.slug}/backoffice/domande/export.csv`), { tenant: flags.slug }, {
    resolveTenant: async (slug) => (slug === tenant.slug ? tenant : null),
    getStaff: async () => staff,
    locale: "it",
    ip: null,
    batchSize: flags.batch ? Number(flags.batch) : undefined,
  });
  if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
  // Read as a download is: chunk by chunk, counting line ends (CRLF; the seeded data has no line
  // breaks inside cells), keeping nothing.
  let bytes = 0;
  let lines = 0;
  let firstByteMs = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) firstByteMs = performance.now() - start;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 0x0a) lines++;
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  samples.push(process.memoryUsage().rss);
  gc();
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * (samples.length - 1)))]! / MB;
  return {
    rows: lines - 1,
    bytes,
    seconds,
    rowsPerSecond: (lines - 1) / seconds,
    firstByteMs,
    rssBeforeMB: rssBefore / MB,
    rssPeakMB: Math.max(rssBefore, ...samples) / MB,
    rssQuartersMB: [0.25, 0.5, 0.75, 1].map((q) => Math.round(at(q))),
    heapPeakMB: heapPeak / MB,
    heapAfterGcMB: process.memoryUsage().heapUsed / MB,
  };
}

const runs: TCsvExportRun[] = [];
for (let i = 0; i < Number(flags.runs); i++) {
  const run = await exportOnce();
  runs.push(run);
  log(
    `run ${i + 1}: ${run.rows.toLocaleString("en")} rows, ${(run.bytes / MB).toFixed(1)} MB in ${run.seconds.toFixed(2)} s ` +
      `(${Math.round(run.rowsPerSecond).toLocaleString("en")} rows/s, first bytes after ${run.firstByteMs.toFixed(0)} ms), ` +
      `RSS ${run.rssBeforeMB.toFixed(0)} MB before, ${run.rssQuartersMB.join(" / ")} MB at each quarter, peak ${run.rssPeakMB.toFixed(0)} MB; ` +
      `heap peak ${run.heapPeakMB.toFixed(0)} MB, ${run.heapAfterGcMB.toFixed(0)} MB in use after GC`,
  );
  if (flags.rows && run.rows !== Number(flags.rows)) throw new Error(`exported ${run.rows} rows, expected ${flags.rows}`);
}
await closeDb();

export type TCsvExportResult = { rssAtStartMB: number; rssBaselineMB: number; runs: TCsvExportRun[] };
const result: TCsvExportResult = { rssAtStartMB: rssAtStart / MB, rssBaselineMB: rssBaseline / MB, runs };
console.log(JSON.stringify(result));
