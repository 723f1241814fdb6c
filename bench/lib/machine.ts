import { execFileSync } from "node:child_process";
import os from "node:os";

// What the figures were measured on: they mean little without it.

export type TMachine = { date: string; cpus: number; cpuModel: string; memoryGiB: number; node: string; postgres: string | null; loadAverage: number[] };

export function machine(postgres: string | null): TMachine {
  return {
    date: new Date().toISOString(),
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** The git commit measured, when the tree is a git checkout. */
export function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}
