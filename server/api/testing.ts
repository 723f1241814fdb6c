import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { insertApiKey } from "./keys";
import type { TApiScope } from "./scopes";
import { API_V1_ROUTES, handleApiV1, openApiDocument } from "./v1";
import { matchRoute } from "./dispatch";

// Calls /api/v1 as an external system would (a real Request through the dispatcher) and checks
// every answer against the OpenAPI document: the status must be one the operation declares, the
// content type the declared one, and a JSON body must validate against the declared schema.

export const TEST_API_ORIGIN = "http://localhost:3000";

export async function createTestApiKey(tenantId: string, scopes: readonly TApiScope[], opts: { expiresAt?: Date | null; rateLimitPerMinute?: number; name?: string } = {}) {
  return insertApiKey({ tenantId, name: opts.name ?? `Test ${scopes.join(" ") || "no scope"}`, scopes, ...opts });
}

export type TApiCall = {
  key?: string | null;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  now?: Date;
};

export function apiRequest(method: string, path: string, call: TApiCall = {}): Request {
  const headers = new Headers(call.headers);
  if (call.key) headers.set("authorization", `Bearer ${call.key}`);
  let body: BodyInit | undefined;
  if (call.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(call.json);
  } else if (call.form) {
    body = call.form;
  }
  return new Request(`${TEST_API_ORIGIN}/api/v1${path}`, { method, headers, body });
}

/** The raw answer of `method path`. */
export async function callApi(method: string, path: string, call: TApiCall = {}): Promise<Response> {
  return handleApiV1(apiRequest(method, path, call), { now: call.now });
}

let ajv: Ajv2020 | undefined;
const SPEC_ID = "sportello-openapi";

function validator() {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(openApiDocument() as object, SPEC_ID);
  }
  return ajv;
}

const pointerEscape = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

type TOperation = { responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }> };

export type TSpecResult<T> = { response: Response; status: number; body: T; operation: string };

/**
 * Calls the API and asserts the answer matches the OpenAPI document of the operation the path
 * resolves to. Returns the parsed body (JSON or problem+json; text for other content).
 */
// Bodies are checked against the document before a test reads them; `any` lets tests read fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function callApiChecked<T = any>(method: string, path: string, call: TApiCall = {}): Promise<TSpecResult<T>> {
  const response = await callApi(method, path, call);
  const pathOnly = path.split("?")[0]!;
  const match = matchRoute(API_V1_ROUTES, method, pathOnly);
  const body = await checkAgainstSpec(response, match && "route" in match ? { method: match.route.method, path: match.route.path } : null);
  return { response, status: response.status, body: body as T, operation: match && "route" in match ? match.route.operationId : "" };
}

/** Validates `response` against operation `op` of the document (null: an unknown path, whose
 * only valid answer is a problem). Returns the body. */
export async function checkAgainstSpec(response: Response, op: { method: string; path: string } | null): Promise<unknown> {
  const contentType = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
  const isJson = contentType === "application/json" || contentType === "application/problem+json";
  const body: unknown = isJson ? await response.clone().json() : contentType.startsWith("text/") ? await response.clone().text() : null;
  const v = validator();
  if (!op) {
    expect(contentType).toBe("application/problem+json");
    const ok = v.validate({ $ref: `${SPEC_ID}#/components/schemas/Problem` }, body);
    expect(ok, JSON.stringify(v.errors)).toBe(true);
    return body;
  }
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, TOperation>> };
  const operation = doc.paths[op.path]?.[op.method];
  expect(operation, `${op.method} ${op.path} in the document`).toBeDefined();
  const declared = operation!.responses[String(response.status)];
  expect(declared, `${op.method.toUpperCase()} ${op.path} declares status ${response.status} (body: ${JSON.stringify(body)?.slice(0, 300)})`).toBeDefined();
  let pointer = `#/paths/${pointerEscape(op.path)}/${op.method}/responses/${response.status}`;
  let content = declared!.content;
  if (declared!.$ref) {
    const name = declared!.$ref.split("/").pop()!;
    pointer = `#/components/responses/${name}`;
    content = (doc as unknown as { components: { responses: Record<string, { content: TOperation["responses"][string]["content"] }> } }).components.responses[name]!.content;
  }
  if (!content) {
    expect(await response.clone().arrayBuffer()).toHaveProperty("byteLength", 0);
    return null;
  }
  expect(Object.keys(content), `content type of ${response.status}`).toContain(contentType);
  const schema = content[contentType]!.schema;
  if (isJson && schema) {
    const ok = v.validate({ $ref: `${SPEC_ID}${pointer}/content/${pointerEscape(contentType)}/schema` }, body);
    expect(ok, `${op.method.toUpperCase()} ${op.path} ${response.status}: ${JSON.stringify(v.errors, null, 1)}`).toBe(true);
  }
  return body;
}
