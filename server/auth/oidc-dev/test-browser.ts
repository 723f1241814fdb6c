import net from "node:net";

// For tests: a minimal browser that follows no redirect by itself and keeps cookies per host
// (by name; enough for the local provider and the app on localhost ports).

export type TFetcher = (request: Request) => Promise<Response>;

export class TestBrowser {
  private jars = new Map<string, Map<string, string>>();

  /** `routes` sends requests for an origin to a handler instead of the network (e.g. Auth.js). */
  constructor(private readonly routes: Record<string, TFetcher> = {}) {}

  private jar(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar(new URL(url).origin).get(name);
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const { origin } = new URL(url);
    const jar = this.jar(origin);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const route = this.routes[origin];
    const res = route ? await route(new Request(url, { ...init, headers })) : await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired =
        attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) ||
        attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split("=")[1]!).getTime() < Date.now());
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /** The absolute URL a redirect response points to. */
  static location(res: Response, base: string): string {
    if (![301, 302, 303, 307, 308].includes(res.status)) throw new Error(`expected a redirect, got ${res.status}`);
    return new URL(res.headers.get("location")!, base).toString();
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
