// The REST API v1 at scale (issue 6): the inbox benchmark's municipality (bench/inbox.ts: by
// default 1,000,000 applications across 20 services, plus 100,000 in a second municipality; made
// once, kept between runs) read by an external system through /api/v1. Every request goes through
// the real dispatcher (key lookup and rate-limit update, scope, zod validation, handler, JSON) in
// this process, without Next's HTTP layer; p50/p95 over --runs runs after 3 warm-up runs. Then
// --clients parallel clients share one key for --requests requests (the key's row is updated on
// every request: this measures that contention). Target, as for the inbox: p95 < 100 ms.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/sportello_inbox_bench npx tsx bench/api.ts
//
// Flags: --applications N, --runs N (30), --clients N (8), --requests N (2000), --reseed.
// Writes bench/results/api-latest.json.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";

const { values: flags } = parseArgs({
  options: {
    applications: { type: "string", default: "1000000" },
    runs: { type: "string", default: "30" },
    clients: { type: "string", default: "8" },
    requests: { type: "string", default: "2000" },
    reseed: { type: "boolean", default: false },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("Set DATABASE_URL, e.g. postgresql://postgres@127.0.0.1:5432/sportello_inbox_bench");
const RUNS = Number(flags.runs);
const TARGET_MS = 100;
const log = (msg: string) => console.error(`[bench:api] ${msg}`);

const { createDatabaseIfMissing } = await import("./lib/database");
await createDatabaseIfMissing(databaseUrl);
const { migrateDatabase } = await import("../scripts/lib/migrate-database");
await migrateDatabase();

const { db, closeDb } = await import("../server/db/client");
const { ensureInboxSeed } = await import("./lib/inbox-seed");
const { latency, ms } = await import("./lib/stats");
const { insertApiKey } = await import("../server/api/keys");
const { handleApiV1 } = await import("../server/api/v1");
const prisma = await db();
const sql = new pg.Client({ connectionString: databaseUrl });
await sql.connect();

const now = new Date();
const tenant = await ensureInboxSeed(prisma, sql, { applications: Number(flags.applications), reseed: flags.reseed, now, log });
const tenantId = tenant.id;
// A fresh key per run, with a limit no benchmark reaches.
await prisma.apiKey.deleteMany({ where: { tenantId, name: "bench" } });
const { key } = await insertApiKey({ tenantId, name: "bench", scopes: ["applications:read", "services:read"], rateLimitPerMinute: 1_000_000 });

const get = async (pathAndQuery: string) => {
  const res = await handleApiV1(new Request(`http://localhost/api/v1${pathAndQuery}`, { headers: { authorization: `Bearer ${key}` } }));
  if (res.status !== 200) throw new Error(`${pathAndQuery}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { items?: unknown[]; nextCursor?: string | null };
};

const pick = async <T extends pg.QueryResultRow>(q: string, values: unknown[]) => (await sql.query<T>(q, values)).rows[0]!;
const sample = await pick<{ id: string; applicantFiscalCode: string }>(
  `SELECT id, "applicantFiscalCode" FROM "Application" WHERE "tenantId" = $1 AND status >= 1900 AND "applicantFiscalCode" IS NOT NULL ORDER BY "submittedAt" DESC OFFSET 54321 LIMIT 1`,
  [tenantId],
);
// A cursor deep in the list: walk 40 pages of 100 once, keep the cursor.
let deepCursor: string | null = null;
for (let i = 0; i < 40; i++) deepCursor = (await get(`/applications?limit=100${deepCursor ? `&cursor=${encodeURIComponent(deepCursor)}` : ""}`)).nextCursor ?? null;
const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const yesterday = new Date(now.getTime() - 86_400_000).toISOString();

const cases: { name: string; path: string }[] = [
  { name: "GET /key (authentication only)", path: "/key" },
  { name: "list: first page (25)", path: "/applications" },
  { name: "list: first page (100)", path: "/applications?limit=100" },
  { name: "list: page after 4,000 rows (cursor)", path: `/applications?limit=100&cursor=${encodeURIComponent(deepCursor ?? "")}` },
  { name: "list: service", path: "/applications?service=servizio-07" },
  { name: "list: status 4000", path: "/applications?status=4000" },
  { name: "list: status 4400 (rare)", path: "/applications?status=4400" },
  { name: "list: statuses 4100,4200,4300", path: "/applications?status=4100,4200,4300" },
  { name: "list: submitted in a 30-day window", path: `/applications?submittedFrom=${day(-60)}&submittedTo=${day(-30)}` },
  { name: "list: updated since yesterday", path: `/applications?updatedSince=${encodeURIComponent(yesterday)}` },
  { name: "list: fiscal code", path: `/applications?fiscalCode=${sample.applicantFiscalCode}` },
  { name: "detail: one application", path: `/applications/${sample.id}` },
  { name: "services: list", path: "/services" },
];

type TResult = { name: string; items: number | null; p50: number; p95: number; max: number };
const results: TResult[] = [];
for (const c of cases) {
  for (let i = 0; i < 3; i++) await get(c.path);
  const times: number[] = [];
  let items: number | null = null;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const body = await get(c.path);
    times.push(performance.now() - start);
    items = Array.isArray(body.items) ? body.items.length : null;
  }
  const l = latency(times);
  results.push({ name: c.name, items, p50: l.p50, p95: l.p95, max: l.max });
  log(`${c.name.padEnd(40)} p50 ${ms(l.p50).padStart(9)}  p95 ${ms(l.p95).padStart(9)}  items ${items ?? "-"}`);
}

// Parallel clients on one key: every request updates the key's row (last use, rate window).
const clients = Number(flags.clients);
const total = Number(flags.requests);
let next = 0;
const times: number[] = [];
const started = performance.now();
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (next < total) {
      next++;
      const t = performance.now();
      await get("/applications?limit=10");
      times.push(performance.now() - t);
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
const parallel = latency(times);
const throughput = total / elapsed;

const { rows: version } = await sql.query<{ server_version: string }>("SHOW server_version");
const { rows: count } = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "Application" WHERE "tenantId" = $1`, [tenantId]);
console.log(`\nAPI benchmark: ${Number(count[0]!.n).toLocaleString("en")} applications, PostgreSQL ${version[0]!.server_version}, ${RUNS} runs each, target p95 < ${TARGET_MS} ms\n`);
console.log(`${"request".padEnd(40)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"items".padStart(6)}`);
for (const r of results) console.log(`${r.name.padEnd(40)} ${ms(r.p50).padStart(10)} ${ms(r.p95).padStart(10)} ${String(r.items ?? "-").padStart(6)}${r.p95 > TARGET_MS ? "  ← over target" : ""}`);
console.log(`\n${clients} clients, one key, ${total} list requests: ${throughput.toFixed(0)} req/s, p50 ${ms(parallel.p50)}, p95 ${ms(parallel.p95)}`);

const resultsDir = path.resolve("bench/results");
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(
  path.join(resultsDir, "api-latest.json"),
  JSON.stringify({ at: new Date().toISOString(), postgres: version[0]!.server_version, applications: Number(count[0]!.n), runs: RUNS, results, parallel: { clients, total, throughput, ...parallel } }, null, 2),
);
await prisma.apiKey.deleteMany({ where: { tenantId, name: "bench" } });
await sql.end();
await closeDb();
