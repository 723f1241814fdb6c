import fs from "node:fs";
import path from "node:path";
import { PrismaClient } from "./generated/client";
import { env } from "../env";
import { applyMigrations } from "./migrate";
import { pgliteExecutor } from "./sql-executor";

// One Prisma client per process, created lazily (a module-level client would open PGlite inside
// `next build` workers). PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise; the
// embedded database is migrated on first open, since only this process may open it.

export type TPrisma = PrismaClient;

type TDbHandle = { prisma: PrismaClient; kind: "postgres" | "pglite"; close: () => Promise<void> };

const globalForDb = globalThis as unknown as { __sportelloDb?: Promise<TDbHandle> };

async function open(): Promise<TDbHandle> {
  const { DATABASE_URL, DATABASE_POOL_MAX, DATA_DIR } = env();
  if (DATABASE_URL) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX }) });
    return { prisma, kind: "postgres", close: () => prisma.$disconnect() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const dir = path.resolve(DATA_DIR, "pglite");
  fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  await applyMigrations(pgliteExecutor(pglite));
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    kind: "pglite",
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

function handle(): Promise<TDbHandle> {
  globalForDb.__sportelloDb ??= open().catch((e: unknown) => {
    globalForDb.__sportelloDb = undefined;
    throw e;
  });
  return globalForDb.__sportelloDb;
}

/** The process's Prisma client. */
export async function db(): Promise<PrismaClient> {
  return (await handle()).prisma;
}

export async function dbKind(): Promise<"postgres" | "pglite"> {
  return (await handle()).kind;
}

export async function closeDb(): Promise<void> {
  const h = globalForDb.__sportelloDb;
  globalForDb.__sportelloDb = undefined;
  if (h) await (await h).close();
}
