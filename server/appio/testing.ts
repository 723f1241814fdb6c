import http from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for the App IO Services API v1 on a local port, for tests: POST /profiles answers
// from `profiles` (fiscal code → sender_allowed; unknown → 404), POST /messages with `nextMessage`
// (default 201 with a new id). Requests without the expected key get 401, as IO's gateway does.

export type TFakeIoRequest = { path: string; apiKey: string | undefined; body: Record<string, unknown> };

export async function startFakeAppIo(opts: { apiKey: string; profiles: Record<string, boolean> }) {
  const requests: TFakeIoRequest[] = [];
  let nextMessage: { status: number; body?: unknown } | null = null;
  let count = 0;

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      const apiKey = req.headers["ocp-apim-subscription-key"] as string | undefined;
      requests.push({ path: `${req.method} ${req.url}`, apiKey, body });
      const send = (status: number, payload?: unknown) => {
        res.writeHead(status, { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" });
        res.end(payload === undefined ? "" : JSON.stringify(payload));
      };
      if (apiKey !== opts.apiKey) return send(401, { title: "Unauthorized", status: 401 });
      if (req.method === "POST" && req.url === "/api/v1/profiles") {
        const allowed = opts.profiles[String(body.fiscal_code)];
        return allowed === undefined
          ? send(404, { title: "Profile not found", status: 404, detail: "No user found for the provided fiscal code." })
          : send(200, { sender_allowed: allowed, preferred_languages: ["it_IT"] });
      }
      if (req.method === "POST" && req.url === "/api/v1/messages") {
        const answer = nextMessage ?? { status: 201, body: { id: `01HMSG${String(++count).padStart(20, "0")}` } };
        nextMessage = null;
        return send(answer.status, answer.body);
      }
      send(404, { title: "Not found", status: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    /** The answer to the next POST /messages only. */
    answerNextMessage(status: number, body?: unknown) {
      nextMessage = { status, body };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
