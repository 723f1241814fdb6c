// The operator inbox at scale (issue 4): seeds N applications (default 1,000,000) across 20
// services of one municipality, plus a tenth as many in a second municipality (their rows share
// the indexes), then times every inbox query as the app runs it (listInbox / countsByStatus
// through Prisma, warm): p50/p95 over --runs runs, and EXPLAIN (ANALYZE, BUFFERS) of every query
// whose p95 misses --target-ms. Target: p95 under 100 ms per query on real PostgreSQL.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/sportello_inbox_bench npx tsx bench/inbox.ts
//
// The database (local only, named sportello_bench… or sportello_inbox…) is created and migrated
// when missing; the seed is kept between runs (--reseed makes it again, --drop drops the database
// at the end). Flags: --applications N, --runs N (30), --target-ms N (100), --only <substring>.
// Writes bench/results/inbox-latest.json.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";

const { values: flags } = parseArgs({
  options: {
    applications: { type: "string", default: "1000000" },
    runs: { type: "string", default: "30" },
    "target-ms": { type: "string", default: "100" },
    only: { type: "string" },
    reseed: { type: "boolean", default: false },
    drop: { type: "boolean", default: false },
  },
});

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("Set DATABASE_URL, e.g. postgresql://postgres@127.0.0.1:5432/sportello_inbox_bench");

const N = Number(flags.applications);
const RUNS = Number(flags.runs);
const TARGET_MS = Number(flags["target-ms"]);
const log = (msg: string) => console.error(`[bench:inbox] ${msg}`);

// ---- database -------------------------------------------------------------------------------

// Local only, named sportello_bench… or sportello_inbox… (bench/lib/database.ts refuses others).
const { createDatabaseIfMissing, dropDatabase } = await import("./lib/database");
await createDatabaseIfMissing(databaseUrl);
const { migrateDatabase } = await import("../scripts/lib/migrate-database");
const migrated = await migrateDatabase();
if (migrated.applied.length) log(`migrated: ${migrated.applied.join(", ")}`);

// Every statement the app sends, so a slow one can be explained with its own parameters.
type TSent = { text: string; values: unknown[] };
let captured: TSent[] | null = null;
const originalQuery = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  const first = args[0] as string | { text?: string; values?: unknown[] };
  if (captured && typeof first === "object" && first?.text) captured.push({ text: first.text, values: first.values ?? [] });
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Pool.prototype.query;

const { db, closeDb } = await import("../server/db/client");
const { listInbox, countsByStatus, inboxCursorAt } = await import("../server/backoffice/inbox");
const { latency, ms } = await import("./lib/stats");
const { ensureInboxSeed } = await import("./lib/inbox-seed");
const prisma = await db();
const sql = new pg.Client({ connectionString: databaseUrl });
await sql.connect();

// ---- seed -----------------------------------------------------------------------------------

const MAIN = "bench-inbox";
const now = new Date();
const tenant = await ensureInboxSeed(prisma, sql, { applications: N, reseed: flags.reseed, now, log });

const tenantId = tenant.id;
const { rows: countRows } = await sql.query<{ total: string; submitted: string }>(
  `SELECT count(*) AS total, count(*) FILTER (WHERE status >= 1900) AS submitted FROM "Application" WHERE "tenantId" = $1`,
  [tenantId],
);
const { rows: staffRows } = await sql.query<{ id: string }>(`SELECT "staffUserId" AS id FROM "Membership" WHERE "tenantId" = $1 ORDER BY "staffUserId" LIMIT 1`, [tenantId]);
const staffUserId = staffRows[0]!.id;
const serviceId = (await prisma.service.findFirstOrThrow({ where: { tenantId, slug: "servizio-07" } })).id;

// Sample values for the searches and deep pages, picked once.
const pick = async <T extends pg.QueryResultRow>(q: string, values: unknown[]) => (await sql.query<T>(q, values)).rows[0]!;
const sample = await pick<{ protocolNumber: string; applicantFiscalCode: string }>(
  `SELECT "protocolNumber", "applicantFiscalCode" FROM "Application" WHERE "tenantId" = $1 AND "protocolNumber" IS NOT NULL ORDER BY "protocolSeq" LIMIT 1 OFFSET 123456 % GREATEST(1, $2::int / 2)`,
  [tenantId, N],
);
const half = Math.floor(Number(countRows[0]!.submitted) / 2);
const iso = (column: string) => `to_char("${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const deepSubmitted = await pick<{ id: string; key: string }>(
  `SELECT id, ${iso("submittedAt")} AS key FROM "Application" WHERE "tenantId" = $1 AND status >= 1900 ORDER BY "submittedAt" DESC, id DESC OFFSET $2 LIMIT 1`,
  [tenantId, half],
);
const deepDue = await pick<{ id: string; key: string }>(
  `SELECT id, ${iso("dueDate")} AS key FROM "Application" WHERE "tenantId" = $1 AND status >= 1900 AND "dueDate" IS NOT NULL ORDER BY "dueDate", id OFFSET $2 LIMIT 1`,
  [tenantId, half],
);
log(
  `tenant ${MAIN}: ${Number(countRows[0]!.total).toLocaleString("en")} applications (${Number(countRows[0]!.submitted).toLocaleString("en")} submitted); deep pages start at row ${half.toLocaleString("en")}`,
);

// ---- measurements ---------------------------------------------------------------------------

type TInput = Parameters<typeof listInbox>[0];
const scope = { tenantId, staffUserId };
const month = { submittedFrom: new Date(now.getTime() - 60 * 86_400_000), submittedTo: new Date(now.getTime() - 30 * 86_400_000) };
const cases: { name: string; run: () => Promise<number> }[] = [];
const list = (name: string, input: Omit<TInput, "tenantId" | "staffUserId">) =>
  cases.push({ name, run: async () => (await listInbox({ ...scope, ...input })).items.length });
const counts = (name: string, filters: Parameters<typeof countsByStatus>[0]["filters"]) =>
  cases.push({ name, run: async () => (await countsByStatus({ ...scope, filters })).reduce((s, c) => s + c.count, 0) });

list("first page (newest first)", {});
list("first page (oldest first)", { sort: "submittedAt_asc" });
list("first page (due date)", { sort: "dueDate_asc" });
list("deep page via cursor (newest first, middle)", { cursor: inboxCursorAt("submittedAt_desc", { id: deepSubmitted.id, key: new Date(deepSubmitted.key) }) });
list("deep page via cursor, backwards", { cursor: inboxCursorAt("submittedAt_desc", { id: deepSubmitted.id, key: new Date(deepSubmitted.key) }, true) });
list("deep page via cursor (due date, middle)", { sort: "dueDate_asc", cursor: inboxCursorAt("dueDate_asc", { id: deepDue.id, key: new Date(deepDue.key) }) });
list("filter: service", { filters: { serviceId } });
list("filter: status 4000", { filters: { status: [4000] } });
list("filter: status 4400 (rare)", { filters: { status: [4400] } });
list("filter: statuses 4100+4200+4300", { filters: { status: [4100, 4200, 4300] } });
list("filter: submitted between (30 days)", { filters: month });
list("filter: assigned to me", { filters: { assigned: "me" } });
list("filter: assigned to anyone", { filters: { assigned: "anyone" } });
list("filter: assigned to nobody", { filters: { assigned: "nobody" } });
list("filter: overdue", { filters: { overdue: true } });
list("filter: overdue, due date sort", { sort: "dueDate_asc", filters: { overdue: true } });
list("filter: service + status + me", { filters: { serviceId, status: [4000], assigned: "me" } });
list("search: protocol number", { filters: { q: sample.protocolNumber.toLowerCase() } });
list("search: fiscal code", { filters: { q: sample.applicantFiscalCode } });
list("search: name prefix 'rossi' (common)", { filters: { q: "rossi" } });
list("search: name prefix 'rossi maria'", { filters: { q: "rossi maria" } });
list("search: name prefix 'zanardelli' (no match)", { filters: { q: "zanardelli" } });
counts("counts: all", {});
counts("counts: service", { serviceId });
counts("counts: assigned to me", { assigned: "me" });
counts("counts: overdue", { overdue: true });
counts("counts: submitted between (30 days)", month);
counts("counts: name prefix 'rossi'", { q: "rossi" });

type TResult = { name: string; rows: number; p50: number; p95: number; max: number; plans?: string[] };
const results: TResult[] = [];
for (const c of cases.filter((c) => !flags.only || c.name.includes(flags.only))) {
  for (let i = 0; i < 3; i++) await c.run();
  const times: number[] = [];
  let rows = 0;
  let lastQueries: TSent[] = [];
  for (let i = 0; i < RUNS; i++) {
    captured = [];
    const start = performance.now();
    rows = await c.run();
    times.push(performance.now() - start);
    lastQueries = captured;
    captured = null;
  }
  const l = latency(times);
  const result: TResult = { name: c.name, rows, p50: l.p50, p95: l.p95, max: l.max };
  if (l.p95 > TARGET_MS) {
    result.plans = [];
    for (const q of lastQueries) {
      const plan = await sql.query<{ "QUERY PLAN": string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, values: q.values as unknown[] });
      result.plans.push(`${q.text.replace(/\s+/g, " ")}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  results.push(result);
  log(`${c.name.padEnd(46)} p50 ${ms(l.p50).padStart(9)}  p95 ${ms(l.p95).padStart(9)}  rows ${rows}`);
}

// ---- report ---------------------------------------------------------------------------------

const { rows: version } = await sql.query<{ server_version: string }>("SHOW server_version");
const total = Number(countRows[0]!.total).toLocaleString("en");
const others = Math.ceil(N / 10).toLocaleString("en");
console.log(
  `\nInbox benchmark: ${total} applications in one municipality (+${others} in another), PostgreSQL ${version[0]!.server_version}, ` +
    `${RUNS} runs each after 3 warm-up runs, target p95 < ${TARGET_MS} ms\n`,
);
console.log(`${"query".padEnd(46)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"rows".padStart(8)}`);
for (const r of results) console.log(`${r.name.padEnd(46)} ${ms(r.p50).padStart(10)} ${ms(r.p95).padStart(10)} ${String(r.rows).padStart(8)}${r.p95 > TARGET_MS ? "  ← over target" : ""}`);
for (const r of results.filter((r) => r.plans)) {
  console.log(`\n=== ${r.name}: p95 ${ms(r.p95)} ===`);
  for (const plan of r.plans!) console.log(plan);
}
const resultsDir = path.resolve("bench/results");
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(
  path.join(resultsDir, "inbox-latest.json"),
  JSON.stringify({ at: new Date().toISOString(), postgres: version[0]!.server_version, applications: Number(countRows[0]!.total), runs: RUNS, targetMs: TARGET_MS, results }, null, 2),
);

await sql.end();
await closeDb();
if (flags.drop) await dropDatabase(databaseUrl);
