import path from "node:path";
import { envOrExit } from "./env";
import { db } from "./db/client";
import { logger } from "./logger";

// What starts with the app process: the configuration check, the database (the embedded one is
// migrated on open), the local SMTP sink and OpenID Connect provider when no real ones are
// configured, and the local job worker. Each piece is started once per process.

type TStoppable = { close?: () => Promise<void>; stop?: () => Promise<void> };

const globalForBoot = globalThis as unknown as { __sportelloBoot?: Promise<TStoppable[]> };

export function boot(): Promise<TStoppable[]> {
  globalForBoot.__sportelloBoot ??= start();
  return globalForBoot.__sportelloBoot;
}

async function start(): Promise<TStoppable[]> {
  const config = envOrExit();
  const running: TStoppable[] = [];
  await db();

  if (!config.SMTP_URL) {
    const { startSmtpSink } = await import("./email/sink");
    const dir = path.resolve(config.DATA_DIR, "mail");
    running.push(await startSmtpSink({ port: config.SMTP_DEV_PORT, dir }));
    logger.info(`SMTP sink on localhost:${config.SMTP_DEV_PORT}, mail stored in ${dir}`);
  }
  if (!config.OIDC_ISSUER) {
    const { startDevOidcProvider, DEV_OIDC_CLIENT_SECRET } = await import("./auth/oidc-dev/server");
    const issuer = `http://localhost:${config.OIDC_DEV_PORT}`;
    running.push(
      await startDevOidcProvider({
        port: config.OIDC_DEV_PORT,
        issuer,
        clients: [
          {
            client_id: config.OIDC_CLIENT_ID,
            client_secret: config.OIDC_CLIENT_SECRET ?? DEV_OIDC_CLIENT_SECRET,
            // APP_URL, plus the same port on localhost/127.0.0.1 for people who browse by address.
            redirect_uris: [
              ...new Set([
                `${config.APP_URL}/api/auth/callback/spid`,
                `http://localhost:${config.PORT}/api/auth/callback/spid`,
                `http://127.0.0.1:${config.PORT}/api/auth/callback/spid`,
              ]),
            ],
          },
        ],
      }),
    );
    logger.info(`Local SPID/CIE test identity provider at ${issuer}`);
  }
  if (config.JOBS_PROVIDER === "local" && config.JOBS_WORKER) {
    const { startLocalWorker } = await import("./jobs/providers/local/worker");
    running.push(startLocalWorker({ concurrency: config.JOBS_WORKER_CONCURRENCY }));
    logger.info("Local job worker started");
  }

  const stop = async () => {
    await Promise.allSettled(running.map((r) => (r.stop ?? r.close)?.()));
  };
  process.once("SIGTERM", () => void stop().finally(() => process.exit(0)));
  process.once("SIGINT", () => void stop().finally(() => process.exit(0)));
  return running;
}
