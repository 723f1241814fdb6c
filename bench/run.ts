// `npm run bench`: the benchmarks of issue 3, in one run of a few minutes.
//   1. receipt PDF: median render time of 200 food-voucher receipts (target < 30 ms);
//   2. the emergency day: 1,000 concurrent "Bonus alimentare" submissions against real PostgreSQL
//      through Sportello's production build, and the same burst against a bare node:http + pg
//      handler (targets: zero errors, p95 < 300 ms, throughput ≥ half the bare handler's);
//   3. the inbox's CSV export of 100,000 applications (bench/csv.ts, in a process of its own, on
//      a database of its own: <DATABASE_URL>_csv): rows a second and peak RSS (target < 300 MB).
// Prints a table and writes bench/results/latest.json. Speed targets live here, never in tests.
//
// Flags: --applicants N (1000), --warmup N (50), --receipts N (200), --no-build (use the existing
// build even if stale), --pdf-only, --submit-only, --csv-only, --csv-rows N (100000), --rate N (a steady N submissions a second
// instead of the simultaneous burst: what rate keeps p95 low). Environment (defaults in brackets): DATABASE_URL
// [postgresql://postgres@127.0.0.1:5432/sportello_bench; a local sportello_bench* database, dropped
// and created again], BENCH_PORT [3240], NEXT_DIST_DIR [.next-bench], DATA_DIR [.data/bench],
// OIDC_DEV_PORT [3241], SMTP_DEV_PORT [2634]; DATABASE_POOL_MAX and JOBS_WORKER reach the app as
// usual; BENCH_SERVER_NODE_OPTIONS becomes the app's NODE_OPTIONS (e.g. a profiler preload);
// BENCH_PROTOCOL_TIMEOUT_MS [240000] bounds the wait for protocol numbers.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: flags } = parseArgs({
  options: {
    applicants: { type: "string", default: "1000" },
    warmup: { type: "string", default: "50" },
    receipts: { type: "string", default: "200" },
    rate: { type: "string" },
    "no-build": { type: "boolean", default: false },
    "pdf-only": { type: "boolean", default: false },
    "submit-only": { type: "boolean", default: false },
    "csv-only": { type: "boolean", default: false },
    "csv-rows": { type: "string", default: "100000" },
  },
});

// The app under test and this process share one configuration; set before any server module loads.
const port = Number(process.env.BENCH_PORT ?? 3240);
const defaults: Record<string, string> = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/sportello_bench",
  NEXT_DIST_DIR: ".next-bench",
  DATA_DIR: ".data/bench",
  OIDC_DEV_PORT: "3241",
  SMTP_DEV_PORT: "2634",
  APP_URL: `http://localhost:${port}`,
  // The bench mints the applicants' session cookies with the same secret the server checks.
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXT_TELEMETRY_DISABLED: "1",
};
for (const [k, v] of Object.entries(defaults)) process.env[k] ||= v;
process.env.PORT = String(port);

const { machine, gitCommit } = await import("./lib/machine");
const { ms } = await import("./lib/stats");
const { recreateDatabase, dropDatabase } = await import("./lib/database");
const { build, buildIsStale } = await import("./lib/build");
const { runPdfBench, describePdf } = await import("./pdf");
const { runSubmitBench } = await import("./submit");
type TSubmitResult = Awaited<ReturnType<typeof runSubmitBench>>;

const log = (msg: string) => console.error(`[bench] ${msg}`);
const databaseUrl = process.env.DATABASE_URL!;
const dataDir = process.env.DATA_DIR!;
const distDir = process.env.NEXT_DIST_DIR!;
const resultsDir = path.resolve("bench/results");
fs.mkdirSync(resultsDir, { recursive: true });

const started = Date.now();
let postgres: string | null = null;
let pdf: Awaited<ReturnType<typeof runPdfBench>> | null = null;
let submit: TSubmitResult | null = null;
let buildMs: number | null = null;

const only = flags["pdf-only"] ? "pdf" : flags["submit-only"] ? "submit" : flags["csv-only"] ? "csv" : null;

if (!only || only === "pdf") {
  log(`receipt PDF: ${flags.receipts} receipts…`);
  pdf = await runPdfBench({ receipts: Number(flags.receipts) });
  log(describePdf(pdf));
}

if (!only || only === "submit") {
  if (buildIsStale(distDir)) {
    if (flags["no-build"] && fs.existsSync(path.join(distDir, "BUILD_ID"))) log(`${distDir} is older than the sources; measuring it anyway (--no-build)`);
    else {
      log(`building Sportello into ${distDir} (next build, not timed)…`);
      buildMs = build(distDir);
    }
  }
  // A fresh data folder (mail sink, stored receipts) and database for every run.
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  postgres = await recreateDatabase(databaseUrl);
  try {
    const { migrateAndSeed } = await import("../scripts/lib/migrate-and-seed");
    await migrateAndSeed();
    submit = await runSubmitBench({
      applicants: Number(flags.applicants),
      warmup: Number(flags.warmup),
      port,
      databaseUrl,
      logDir: resultsDir,
      ratePerSecond: flags.rate ? Number(flags.rate) : undefined,
    });
  } finally {
    await dropDatabase(databaseUrl);
  }
}

type TCsvResult = { rows: number; rowsPerSecond: number; rssBaselineMB: number; rssPeakMB: number; rssDeltaMB: number; targets: { peakRssUnder300MB: boolean } };
let csv: TCsvResult | null = null;
if (!only || only === "csv") {
  // Its own process (which exports in a child of its own): the RSS it reports is the export's.
  const csvUrl = new URL(databaseUrl);
  csvUrl.pathname = `${csvUrl.pathname}_csv`;
  log(`CSV export: ${flags["csv-rows"]} applications…`);
  const child = spawnSync(process.execPath, ["--import", "tsx", "bench/csv.ts", "--rows", flags["csv-rows"], "--drop"], {
    stdio: ["ignore", 2, 2],
    env: { ...process.env, DATABASE_URL: csvUrl.toString(), NODE_ENV: "production" },
  });
  if (child.status === 0) csv = JSON.parse(fs.readFileSync(path.join(resultsDir, "csv-latest.json"), "utf8")) as TCsvResult;
  else log(`the CSV benchmark failed (exit ${child.status})`);
}

const host = machine(postgres);
const targets = {
  pdfMedianUnder30ms: pdf ? pdf.latency.p50 < 30 : null,
  zeroErrors: submit ? submit.app.errors === 0 : null,
  p95Under300ms: submit ? submit.app.latency.p95 < 300 : null,
  // Only a burst measures throughput: a paced run's is the rate it was given.
  csvPeakRssUnder300MB: csv ? csv.targets.peakRssUnder300MB : null,
  throughputAtLeastHalfOfBare: submit && !submit.app.ratePerSecond ? submit.app.throughput >= submit.bare.throughput / 2 : null,
};
// What was measured: the app's pool size and whether its job worker ran in the web process.
const config = { databasePoolMax: Number(process.env.DATABASE_POOL_MAX || 20), jobsWorker: process.env.BENCH_WORKER === "inline" ? "in the web process" : "a process of its own (npm run worker)" };
const results = { ...host, commit: gitCommit(), totalSeconds: Math.round((Date.now() - started) / 1000), buildMs, config, pdf, submit, csv, targets };
fs.writeFileSync(path.join(resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);

const rows: [string, string][] = [
  ["machine", `${host.cpus} cores (${host.cpuModel}), ${host.memoryGiB} GiB, Node ${host.node}, PostgreSQL ${host.postgres ?? "—"}, load ${host.loadAverage.join(" ")}`],
  ["date", host.date],
  ["configuration", `pool ${config.databasePoolMax} connections (app and bare), job worker: ${config.jobsWorker}`],
];
if (pdf) rows.push(["receipt PDF (target median < 30 ms)", `median ${ms(pdf.latency.p50)}, p95 ${ms(pdf.latency.p95)} over ${pdf.receipts} receipts of ${pdf.pages.min}–${pdf.pages.max} pages`]);
if (submit) {
  const side = (s: TSubmitResult["bare"]) =>
    `${s.throughput.toFixed(0)} req/s, p50 ${ms(s.latency.p50)}, p95 ${ms(s.latency.p95)}, p99 ${ms(s.latency.p99)}, max ${ms(s.latency.max)}, ${s.errors} errors, ${s.submitted}/${s.requests} in status 1900`;
  const load = submit.app.ratePerSecond ? `${submit.applicants} submissions, ${submit.app.ratePerSecond} a second` : `${submit.applicants} concurrent submissions`;
  rows.push([`Sportello, ${load}`, side(submit.app)]);
  rows.push(["bare node:http + pg, same load", side(submit.bare)]);
  const p = submit.app.protocol;
  rows.push([
    "protocol numbers (job worker)",
    `${p.numbered}/${submit.applicants} numbered ${p.allNumberedMs === null ? "(not all in time)" : `${(p.allNumberedMs / 1000).toFixed(1)} s after the first timed submission`}, ${p.duplicates} duplicates, ${p.gaps} gaps, ${p.deadJobs} dead jobs`,
  ]);
  if (submit.app.errorSamples.length) rows.push(["app errors (samples)", submit.app.errorSamples.join(" | ")]);
  if (submit.bare.errorSamples.length) rows.push(["bare errors (samples)", submit.bare.errorSamples.join(" | ")]);
}
if (csv) rows.push([`CSV export (target peak RSS < 300 MB)`, `${csv.rows.toLocaleString("en")} rows, ${csv.rowsPerSecond.toLocaleString("en")} rows/s, RSS ${csv.rssBaselineMB} MB with the route loaded, peak ${csv.rssPeakMB} MB (+${csv.rssDeltaMB} MB)`]);
rows.push(["targets", Object.entries(targets).map(([k, v]) => `${k}: ${v === null ? "—" : v ? "met" : "MISSED"}`).join(", ")]);
const width = Math.max(...rows.map(([k]) => k.length));
console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n"));
log(`results in ${path.relative(process.cwd(), path.join(resultsDir, "latest.json"))} (${results.totalSeconds} s)`);
process.exit(0);
