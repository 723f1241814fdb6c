import pg from "pg";

// The benchmark's own PostgreSQL database: created empty for each run and dropped after it. Only
// local servers and databases named sportello_bench* are touched.

export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/sportello_bench";

function parts(databaseUrl: string): { admin: string; name: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error(`The benchmark only uses a local PostgreSQL, not ${url.hostname}`);
  if (!/^sportello_bench\w*$/.test(name)) throw new Error(`The benchmark's database must be named sportello_bench…, not "${name}"`);
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
