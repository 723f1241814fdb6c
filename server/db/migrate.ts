// Placeholder: implemented by the migrations work (applies prisma/migrations in order and
// records them in _prisma_migrations exactly as `prisma migrate deploy` does).
export type TSqlExecutor = {
  query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  exec: (sql: string) => Promise<void>;
};

export async function applyMigrations(_exec: TSqlExecutor): Promise<string[]> {
  return [];
}
