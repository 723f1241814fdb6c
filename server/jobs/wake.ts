// In-process signal "a job was enqueued", so a local worker in the same process starts it at once
// instead of at its next poll. Kept on globalThis: Next.js bundles instrumentation.ts and route
// handlers separately, so module-level state would not be shared between them.

type TListener = () => void;
const globalForWake = globalThis as unknown as { __sportelloJobWake?: Set<TListener> };

function listeners(): Set<TListener> {
  globalForWake.__sportelloJobWake ??= new Set();
  return globalForWake.__sportelloJobWake;
}

export function onJobsEnqueued(listener: TListener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function notifyJobsEnqueued(): void {
  for (const listener of listeners()) listener();
}

/**
 * A job enqueued inside a caller's transaction becomes visible only when that transaction
 * commits, which we cannot observe; wake the worker a few times over the next half second.
 * Anything later is picked up by the regular poll.
 */
export function notifyJobsEnqueuedAfterCommit(): void {
  for (const delay of [5, 50, 200, 500]) setTimeout(notifyJobsEnqueued, delay).unref?.();
}
