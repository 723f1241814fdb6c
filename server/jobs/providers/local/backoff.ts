// Exponential backoff with jitter: retry n waits about base·2^(n-1), capped, randomised over the
// upper half so that jobs that failed together (an SMTP outage) do not retry in lockstep.

export const DEFAULT_RETRY_BASE_MS = 5_000;
export const DEFAULT_RETRY_MAX_MS = 60 * 60 * 1000;

export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
