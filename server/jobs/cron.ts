import { Cron } from "croner";

// Cron expressions are written once, the way Inngest reads them ("TZ=Europe/Rome 15 3 * * *"),
// and parsed here for the local scheduler.

export function parseCronExpression(expression: string): { pattern: string; timezone?: string } {
  const match = /^(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(expression.trim());
  if (!match) return { pattern: expression.trim() };
  return { pattern: match[2]!, timezone: match[1]! };
}

export function createCron(expression: string): Cron {
  const { pattern, timezone } = parseCronExpression(expression);
  return new Cron(pattern, { timezone, paused: true });
}

/** The most recent slot at or before `now`, or null if the schedule never ran. */
export function latestSlot(cron: Cron, now: Date): Date | null {
  // previousRuns excludes a run exactly at the reference instant; +1 ms includes it.
  return cron.previousRuns(1, new Date(now.getTime() + 1))[0] ?? null;
}
