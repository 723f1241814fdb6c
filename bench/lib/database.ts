import pg from "pg";

// The benchmarks' own PostgreSQL databases: created empty for each run and dropped after it (or,
// for the seeded ones of bench/inbox.ts and bench/csv.ts, created once and kept). Only local
// servers and databases named sportello_bench* or sportello_inbox* are touched.

export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/sportello_bench";

function parts(databaseUrl: string): { admin: string; name: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error(`The benchmark only uses a local PostgreSQL, not ${url.hostname}`);
  if (!/^sportello_(bench|inbox)\w*$/.test(name)) throw new Error(`The benchmark's database must be named sportello_bench… or sportello_inbox…, not "${name}"`);
  url.pathname = "/postgres";
  return { admin: url.toString(), name };
}

async function admin<T>(databaseUrl: string, run: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const { admin: adminUrl, name } = parts(databaseUrl);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client, name);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(databaseUrl: string): Promise<string> {
  return admin(databaseUrl, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]?.server_version ?? "unknown";
  });
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  await admin(databaseUrl, (client, name) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Creates the database unless it exists (a kept seed is reused). */
export async function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  await admin(databaseUrl, async (client, name) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  });
}
