import type { z } from "zod";
import { clientIp } from "@/server/auth/client-ip";
import { negotiateLocale } from "@/server/i18n/negotiate";
import type { TLocale } from "@/server/i18n/config";
import { KEY_LIKE } from "@/server/trpc/errors";
import { authenticateApiKey, type TApiKeyPrincipal } from "./keys";
import { ApiProblem, problemResponse } from "./problem";
import type { TApiContext, TApiRoute, THttpMethod } from "./route";

// The API's front door: finds the operation for method and path, authenticates the key (401),
// checks its scope (403) and rate limit (429), validates path, query and body with the
// operation's zod schemas (400 with every field error, 413 past the size limit), runs the
// handler and turns any error into problem+json. Handlers only ever see valid input and the
// key's municipality.

export const API_V1_BASE = "/api/v1";
/** JSON bodies: far above any legitimate request (a message is 10,000 characters). */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

type TMatch = { route: TApiRoute; params: Record<string, string> };

function splitPath(path: string): string[] {
  return path.split("/").filter(Boolean);
}

export function matchRoute(routes: readonly TApiRoute[], method: string, path: string): TMatch | { allowed: THttpMethod[] } | null {
  const segments = splitPath(path);
  const allowed: THttpMethod[] = [];
  for (const route of routes) {
    const template = splitPath(route.path);
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = template.every((t, i) => {
      const s = segments[i]!;
      if (t.startsWith("{") && t.endsWith("}")) {
        try {
          params[t.slice(1, -1)] = decodeURIComponent(s);
        } catch {
          return false;
        }
        return true;
      }
      return t === s;
    });
    if (!ok) continue;
    if (route.method === method.toLowerCase()) return { route, params };
    allowed.push(route.method);
  }
  return allowed.length ? { allowed } : null;
}

type TIssue = z.core.$ZodIssue;

/** zod issues → field errors with a JSON pointer into `where` (params, query, body). */
export function issuesToErrors(issues: readonly TIssue[], where: string): { pointer: string; messageKey: string }[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1"));
    const missing = issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined;
    const messageKey = KEY_LIKE.test(issue.message) ? issue.message : missing ? "api.problems.required" : "api.problems.invalid";
    return { pointer: "/" + [where, ...path].join("/"), messageKey };
  });
}

function parsePart<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): z.output<S> | Record<string, never> {
  if (!schema) return {};
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiProblem(400, "api.problems.validation", { errors: issuesToErrors(result.error.issues, where) });
  return result.data as z.output<S>;
}

/** Query string → object; a repeated name becomes an array. */
function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function tooLarge(max: number): ApiProblem {
  return new ApiProblem(413, "api.problems.bodyTooLarge", { values: { max: megabytes(max) } });
}

async function readBody(request: Request, route: TApiRoute): Promise<unknown> {
  const spec = route.body;
  if (!spec) return undefined;
  // The multipart boundary is case-sensitive: compare the type in lower case, parse with the original.
  const rawContentType = request.headers.get("content-type") ?? "";
  const contentType = rawContentType.toLowerCase();
  const max = spec.kind === "json" ? JSON_BODY_MAX_BYTES : spec.maxBytes;
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);

  if (spec.kind === "json") {
    if (!contentType.startsWith("application/json")) {
      throw new ApiProblem(415, "api.problems.unsupportedMediaType", { values: { type: "application/json" } });
    }
    const text = await request.text();
    if (Buffer.byteLength(text) > max) throw tooLarge(max);
    try {
      return parsePart(spec.schema, JSON.parse(text) as unknown, "body");
    } catch (e) {
      if (e instanceof SyntaxError) throw new ApiProblem(400, "api.problems.invalidJson");
      throw e;
    }
  }
  if (!contentType.startsWith("multipart/form-data")) {
    throw new ApiProblem(415, "api.problems.unsupportedMediaType", { values: { type: "multipart/form-data" } });
  }
  // Without a Content-Length (chunked), count what arrives and stop past the limit.
  const bytes = await readLimited(request, max);
  const form = await new Response(new Uint8Array(bytes), { headers: { "content-type": rawContentType } }).formData().catch(() => {
    throw new ApiProblem(400, "api.problems.validation", { errors: [{ pointer: "/body", messageKey: "api.problems.invalid" }] });
  });
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form) fields[name] = value;
  return parsePart(spec.schema, fields, "body");
}

async function readLimited(request: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function bearerKey(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

function rateHeaders(key: TApiKeyPrincipal, now: Date): Record<string, string> {
  return {
    "RateLimit-Limit": String(key.rateLimitPerMinute),
    "RateLimit-Remaining": String(key.remaining),
    "RateLimit-Reset": String(Math.max(0, Math.ceil((key.resetAt.getTime() - now.getTime()) / 1000))),
  };
}

export type TDispatchOptions = { now?: Date };

/** Answers one request under /api/v1 with `routes`. */
export async function dispatchApi(request: Request, routes: readonly TApiRoute[], opts: TDispatchOptions = {}): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.startsWith(API_V1_BASE) ? url.pathname.slice(API_V1_BASE.length) || "/" : url.pathname;
  const locale: TLocale = negotiateLocale({ acceptLanguage: request.headers.get("accept-language") });
  const base = { locale, instance: url.pathname };
  const extraHeaders: Record<string, string> = {};
  let fieldsIn = "body";
  try {
    const match = matchRoute(routes, request.method, path);
    if (!match) throw new ApiProblem(404, "api.problems.routeNotFound");
    if ("allowed" in match) {
      throw new ApiProblem(405, "api.problems.methodNotAllowed", { headers: { Allow: match.allowed.map((m) => m.toUpperCase()).join(", ") } });
    }
    const { route } = match;
    let key: TApiKeyPrincipal | null = null;
    if (route.scope) {
      const raw = bearerKey(request);
      if (!raw) throw new ApiProblem(401, "api.problems.missingKey", { headers: { "WWW-Authenticate": 'Bearer realm="sportello"' } });
      const now = opts.now ?? new Date();
      try {
        key = await authenticateApiKey(raw, now);
      } catch (e) {
        if (e instanceof Error && "code" in e && e.code === "UNAUTHORIZED") extraHeaders["WWW-Authenticate"] = 'Bearer realm="sportello", error="invalid_token"';
        throw e;
      }
      Object.assign(extraHeaders, rateHeaders(key, now));
      if (route.scope !== "key" && !key.scopes.includes(route.scope)) {
        throw new ApiProblem(403, "api.problems.missingScope", {
          values: { scope: route.scope },
          headers: { "WWW-Authenticate": `Bearer realm="sportello", error="insufficient_scope", scope="${route.scope}"` },
        });
      }
    }
    const params = parsePart(route.params, match.params, "params");
    const query = parsePart(route.query, queryObject(url), "query");
    const body = await readBody(request, route);
    fieldsIn = route.body ? "body" : "query";
    const ctx: TApiContext<never, never, never> = {
      request,
      tenantId: key?.tenantId ?? "",
      key: key as TApiKeyPrincipal,
      params: params as never,
      query: query as never,
      body: body as never,
      locale,
      ip: clientIp(request.headers),
    };
    const result = await route.handler(ctx);
    if (result instanceof Response) {
      for (const [name, value] of Object.entries(extraHeaders)) result.headers.set(name, value);
      return result;
    }
    const status = result.status ?? 200;
    const headers = { "Cache-Control": "no-store", ...extraHeaders, ...result.headers };
    if (result.body === undefined) return new Response(null, { status, headers });
    return Response.json(result.body, { status, headers });
  } catch (e) {
    return problemResponse(e, { ...base, fieldsIn, headers: extraHeaders });
  }
}
