// `npm run worker`: the local job worker as a process of its own, for deployments on PostgreSQL
// that run the web process with JOBS_WORKER=false, so background work (receipts, emails) never
// competes with requests for the web process's thread. Any number of workers may run against one
// database (jobs are claimed with FOR UPDATE SKIP LOCKED). Not for the embedded database, which
// only one process can open.
import { closeDb, db } from "../server/db/client";
import { envOrExit } from "../server/env";
import { startLocalWorker } from "../server/jobs/providers/local/worker";
import { logger } from "../server/logger";

const config = envOrExit();
if (!config.DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (PostgreSQL): the embedded database can be opened by one process only; `npm start` runs the worker in the app process.");
  process.exit(1);
}
if (config.JOBS_PROVIDER !== "local") {
  console.error("npm run worker runs the local job provider; with JOBS_PROVIDER=inngest the jobs run on Inngest.");
  process.exit(1);
}
await db();
const concurrency = config.JOBS_WORKER_CONCURRENCY;
const worker = startLocalWorker({ concurrency });
logger.info(`Job worker started (concurrency ${concurrency})`);

const stop = async () => {
  await worker.stop();
  await closeDb();
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
