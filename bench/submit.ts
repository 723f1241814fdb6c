import { randomUUID } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { prepareApplicants, TENANT, type TBenchApplicant } from "./lib/drafts";
import { burst, type TLoadResult, type TPreparedRequest, type TResponse } from "./lib/http-load";
import { startServer, stopServer, waitForHttp, type TServer } from "./lib/processes";

// The emergency day: 1,000 applicants without SPID submit the "Bonus alimentare" form of Comune
// di Esempio at the same moment, through the app's real HTTP path (tRPC `application.submit`, a
// production build of Sportello, real PostgreSQL). In the same run the same burst goes to a bare
// node:http + pg handler doing the same database work (bare-server.ts): the practical limit.
// Drafts and sessions are prepared first (not timed); each side gets its own drafts.
// Called by bench/run.ts, which creates and drops the database and sets the environment.

export type TSideResult = TLoadResult & { submitted: number };
export type TSubmitResult = {
  applicants: number;
  warmup: number;
  preparationMs: number;
  app: TSideResult & { protocol: { numbered: number; allNumberedMs: number | null; duplicates: number; gaps: number; deadJobs: number } };
  bare: TSideResult;
  serverStartMs: number;
};

const SUBMIT_PATH = "/api/trpc/application.submit";
const log = (msg: string) => console.error(`[bench] ${msg}`);

/** The request the summary page's "Invia" button makes: tRPC 11, superjson-encoded input. */
function submitRequest(a: TBenchApplicant): TPreparedRequest {
  return {
    path: SUBMIT_PATH,
    headers: { "x-sportello-tenant": TENANT, cookie: a.cookie },
    body: JSON.stringify({ json: { id: a.applicationId, submissionKey: randomUUID() } }),
  };
}

/** Submitted now, not replayed: `{"result":{"data":{"json":{"status":1900,"replayed":false,…}}}}`. */
function submittedOk(r: TResponse): boolean {
  if (r.status !== 200) return false;
  try {
    const out = (JSON.parse(r.body) as { result?: { data?: { json?: { status?: number; replayed?: boolean } } } }).result?.data?.json;
    // Submitted (1900), or already registered (3000) by a job worker that was quicker than the answer.
    return (out?.status === 1900 || out?.status === 3000) && out.replayed === false;
  } catch {
    return false;
  }
}

async function countSubmitted(client: pg.Client, ids: string[]): Promise<number> {
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "Application" WHERE id = ANY($1) AND status >= 1900', [ids]);
  return Number(rows[0]?.n ?? 0);
}

/** Waits until the job worker has numbered every submitted application of the set (bounded). */
async function waitForProtocolNumbers(client: pg.Client, ids: string[], since: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let numbered = 0;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ numbered: string; submitted: string }>(
      'SELECT count("protocolNumber") AS numbered, count(*) FILTER (WHERE status >= 1900) AS submitted FROM "Application" WHERE id = ANY($1)',
      [ids],
    );
    numbered = Number(rows[0]?.numbered ?? 0);
    if (numbered >= Number(rows[0]?.submitted ?? 0)) return { numbered, allNumberedMs: performance.now() - since };
    await new Promise((r) => setTimeout(r, 200));
  }
  return { numbered, allNumberedMs: null };
}

/** Protocol numbers of the municipality this year: duplicates and gaps in the sequence. */
async function protocolIntegrity(client: pg.Client) {
  const { rows } = await client.query<{ duplicates: string; gaps: string }>(`
    SELECT (SELECT count(*) FROM (SELECT "protocolNumber" FROM "Application" WHERE "protocolNumber" IS NOT NULL
              GROUP BY "tenantId", "protocolNumber" HAVING count(*) > 1) d) AS duplicates,
           (SELECT coalesce(sum(mx - n), 0) FROM (SELECT max("protocolSeq") AS mx, count(*) AS n FROM "Application"
              WHERE "protocolSeq" IS NOT NULL GROUP BY "tenantId", "protocolYear") g) AS gaps`);
  const dead = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "BackgroundJob" WHERE status = 'DEAD'`);
  return { duplicates: Number(rows[0]?.duplicates ?? 0), gaps: Number(rows[0]?.gaps ?? 0), deadJobs: Number(dead.rows[0]?.n ?? 0) };
}

/** Warm-up submissions (JIT, connection pools, caches) that must all succeed before the burst. */
async function warmUp(port: number, warmup: TBenchApplicant[]) {
  const run = await burst(port, warmup.map(submitRequest), submittedOk);
  if (run.errors) throw new Error(`Warm-up submissions failed: ${run.errorSamples.join(" | ")}`);
}

function withoutResponses(r: TLoadResult): TLoadResult {
  return { ...r, responses: [] };
}

export async function runSubmitBench(opts: {
  applicants: number;
  warmup: number;
  port: number;
  databaseUrl: string;
  logDir: string;
  /** Instead of all at once: this many submissions a second (a steady stream, not the burst). */
  ratePerSecond?: number;
}): Promise<TSubmitResult> {
  const { applicants: count, warmup, port, databaseUrl, logDir, ratePerSecond } = opts;
  const { closeDb } = await import("@/server/db/client");

  log(`preparing ${2 * (count + warmup)} applicants with filled drafts (not timed)…`);
  const prepStart = performance.now();
  const appWarmup = await prepareApplicants("app-warmup", warmup);
  const appSet = await prepareApplicants("app", count);
  const bareWarmup = await prepareApplicants("bare-warmup", warmup);
  const bareSet = await prepareApplicants("bare", count);
  const preparationMs = performance.now() - prepStart;
  await closeDb();
  log(`prepared in ${(preparationMs / 1000).toFixed(1)} s`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const servers: TServer[] = [];
  try {
    // Sportello, production build.
    log(`starting Sportello (next start) on ${port}…`);
    const startAt = performance.now();
    // BENCH_SERVER_NODE_OPTIONS reaches the app's processes only, e.g. "--require ./profiler.cjs"
    // (a preload that starts node:inspector's Profiler; --cpu-prof is refused in NODE_OPTIONS).
    const serverEnv = { ...process.env, NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? process.env.NODE_OPTIONS };
    // The job worker in a process of its own (npm run worker), as a production deployment on
    // PostgreSQL runs it; BENCH_WORKER=inline keeps it inside the web process instead.
    const separateWorker = process.env.BENCH_WORKER !== "inline";
    const app = startServer(
      "npx",
      ["next", "start", "-p", String(port)],
      { ...serverEnv, JOBS_WORKER: separateWorker ? "false" : "true" },
      path.join(logDir, "next-start.log"),
    );
    servers.push(app);
    if (separateWorker) servers.push(startServer(process.execPath, ["--import", "tsx", "scripts/worker.ts"], serverEnv, path.join(logDir, "worker.log")));
    await waitForHttp(`http://127.0.0.1:${port}/${TENANT}`, app, 120_000);
    const serverStartMs = performance.now() - startAt;

    const how = ratePerSecond ? `${ratePerSecond} a second` : "at once";
    log(`app: ${warmup} warm-up submissions, then ${count} ${how}…`);
    await warmUp(port, appWarmup);
    // The warm-up's registration jobs are done before the clock starts.
    await waitForProtocolNumbers(client, appWarmup.map((a) => a.applicationId), performance.now(), Number(process.env.BENCH_PROTOCOL_TIMEOUT_MS ?? 120_000));
    const appRun = await burst(port, appSet.map(submitRequest), submittedOk, { ratePerSecond });
    const burstStart = performance.now() - appRun.wallMs;
    const appIds = appSet.map((a) => a.applicationId);
    const appSubmitted = await countSubmitted(client, appIds);
    log(`app: ${appRun.errors} errors, p95 ${appRun.latency.p95.toFixed(0)} ms; waiting for protocol numbers…`);
    const numbering = await waitForProtocolNumbers(client, appIds, burstStart, Number(process.env.BENCH_PROTOCOL_TIMEOUT_MS ?? 240_000));
    const integrity = await protocolIntegrity(client);
    for (const s of servers.splice(0)) await stopServer(s);

    // The bare handler, same port, same burst, its own drafts.
    log("starting the bare node:http + pg handler…");
    const bare = startServer(process.execPath, ["--import", "tsx", "bench/bare-server.ts"], { ...process.env, PORT: String(port) }, path.join(logDir, "bare-server.log"));
    servers.push(bare);
    await waitForHttp(`http://127.0.0.1:${port}/`, bare, 30_000);
    log(`bare: ${warmup} warm-up submissions, then ${count} ${how}…`);
    await warmUp(port, bareWarmup);
    const bareRun = await burst(port, bareSet.map(submitRequest), submittedOk, { ratePerSecond });
    const bareSubmitted = await countSubmitted(client, bareSet.map((a) => a.applicationId));
    await stopServer(bare);

    return {
      applicants: count,
      warmup,
      preparationMs,
      serverStartMs,
      app: { ...withoutResponses(appRun), submitted: appSubmitted, protocol: { numbered: numbering.numbered, allNumberedMs: numbering.allNumberedMs, ...integrity } },
      bare: { ...withoutResponses(bareRun), submitted: bareSubmitted },
    };
  } finally {
    for (const s of servers) await stopServer(s);
    await client.end();
  }
}
