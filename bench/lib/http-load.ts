import http from "node:http";
import { performance } from "node:perf_hooks";
import { latency, type TLatency } from "./stats";

// Sends prepared requests all at once (one connection each, so the concurrency is real), or at a
// steady rate, and measures each from the moment it is sent to the last byte of its response.

export type TPreparedRequest = { path: string; headers: Record<string, string>; body: string };
export type TResponse = { status: number; body: string; ms: number } | { status: 0; error: string; ms: number };
export type TLoadResult = {
  requests: number;
  /** Requests in flight at once: all of them, or 0 for a paced run (see ratePerSecond). */
  concurrency: number;
  ratePerSecond: number | null;
  wallMs: number;
  throughput: number;
  latency: TLatency;
  errors: number;
  errorSamples: string[];
  responses: TResponse[];
};

function send(agent: http.Agent, port: number, req: TPreparedRequest, timeoutMs: number): Promise<TResponse> {
  const start = performance.now();
  return new Promise((resolve) => {
    const r = http.request(
      {
        host: "127.0.0.1",
        port,
        path: req.path,
        method: "POST",
        agent,
        headers: { ...req.headers, "content-type": "application/json", "content-length": Buffer.byteLength(req.body) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - start }));
        res.on("error", (e) => resolve({ status: 0, error: e.message, ms: performance.now() - start }));
      },
    );
    r.on("timeout", () => r.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    r.on("error", (e) => resolve({ status: 0, error: e.message, ms: performance.now() - start }));
    r.end(req.body);
  });
}

/**
 * All requests at once, or `ratePerSecond` of them a second; `isOk` decides what counts as a
 * success (status and body). A bounded run: every request ends by `timeoutMs`.
 */
export async function burst(
  port: number,
  requests: TPreparedRequest[],
  isOk: (r: TResponse) => boolean,
  { timeoutMs = 60_000, ratePerSecond }: { timeoutMs?: number; ratePerSecond?: number } = {},
): Promise<TLoadResult> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const start = performance.now();
  const paced = (r: TPreparedRequest, i: number) =>
    ratePerSecond ? new Promise<TResponse>((resolve) => setTimeout(() => resolve(send(agent, port, r, timeoutMs)), (i * 1000) / ratePerSecond)) : send(agent, port, r, timeoutMs);
  const responses = await Promise.all(requests.map(paced));
  const wallMs = performance.now() - start;
  agent.destroy();
  const failed = responses.filter((r) => !isOk(r));
  return {
    requests: requests.length,
    concurrency: ratePerSecond ? 0 : requests.length,
    ratePerSecond: ratePerSecond ?? null,
    wallMs,
    throughput: (requests.length / wallMs) * 1000,
    latency: latency(responses.map((r) => r.ms)),
    errors: failed.length,
    errorSamples: [...new Set(failed.map((r) => ("error" in r ? r.error : `${r.status} ${r.body.slice(0, 200)}`)))].slice(0, 5),
    responses,
  };
}
