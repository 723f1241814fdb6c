import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

// Servers the benchmark starts and always stops: each in its own process group (npx → next →
// workers), output to a log file, stopped by that group's id only.

export type TServer = { child: ChildProcess; log: string; exited: Promise<number | null> };

export function startServer(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): TServer {
  const out = fs.openSync(log, "w");
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, log, exited };
}

export async function stopServer(server: TServer, timeoutMs = 15_000): Promise<void> {
  const pid = server.child.pid;
  if (!pid || server.child.exitCode !== null) return;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  kill("SIGTERM");
  const timer = setTimeout(() => kill("SIGKILL"), timeoutMs);
  await server.exited;
  clearTimeout(timer);
}

/** Polls until the URL answers (any HTTP status below 500), the server exits or time runs out. */
export async function waitForHttp(url: string, server: TServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`Server exited (${server.child.exitCode}) before answering; see ${server.log}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s; see ${server.log}`);
}
