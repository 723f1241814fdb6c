import type pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import type { TSqlExecutor } from "./migrate";

// The two sessions migrations run on: one pg.Client (PostgreSQL) or one PGlite instance.

export function pgClientExecutor(client: pg.Client): TSqlExecutor {
  return {
    query: async (sql, params) => (await client.query(sql, params)).rows as Record<string, unknown>[],
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}

export function pgliteExecutor(pglite: PGlite): TSqlExecutor {
  return {
    query: async (sql, params) => (await pglite.query(sql, params)).rows as Record<string, unknown>[],
    exec: async (sql) => {
      await pglite.exec(sql);
    },
  };
}
