import { randomUUID } from "node:crypto";

// Helpers for job tests. Job ids are unique per test, so tests sharing one PostgreSQL database
// (DATABASE_URL mode runs files in parallel) never claim each other's jobs.

export function uniqueJobId(label: string): string {
  return `test.${label}.${randomUUID().slice(0, 8)}`;
}

/** Polls until `check` is true; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
