import { env } from "@/server/env";
import type { TJobLogger } from "./define";

// Job logs go to the console as one JSON line each, so they stay greppable in any log collector.
// Tests pass `silentJobLogger` to keep expected failures out of the output.

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;

function minLevel(): number {
  return LEVELS[env().LOG_LEVEL];
}

export function createJobLogger(context: Record<string, unknown> = {}): TJobLogger {
  const write = (level: "info" | "warn" | "error", msg: string, data?: Record<string, unknown>) => {
    if (LEVELS[level] < minLevel()) return;
    const line = JSON.stringify({ level, time: new Date().toISOString(), scope: "jobs", msg, ...context, ...data });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.info(line);
  };
  return {
    info: (msg, data) => write("info", msg, data),
    warn: (msg, data) => write("warn", msg, data),
    error: (msg, data) => write("error", msg, data),
  };
}

export const silentJobLogger: TJobLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** Adds fields (job id, name, attempt) to every line of a logger. */
export function childLogger(parent: TJobLogger, context: Record<string, unknown>): TJobLogger {
  return {
    info: (msg, data) => parent.info(msg, { ...context, ...data }),
    warn: (msg, data) => parent.warn(msg, { ...context, ...data }),
    error: (msg, data) => parent.error(msg, { ...context, ...data }),
  };
}

export function errorMessage(e: unknown): string {
  const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
  return text.slice(0, 4000);
}
