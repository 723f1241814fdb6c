import { z } from "zod";
import { API_SCOPES } from "./scopes";
import { problemType } from "./problem";
import type { TApiRoute, TProblemStatus } from "./route";

// The OpenAPI 3.1 document of /api/v1, generated from the operations' own zod schemas (OpenAPI
// 3.1 schemas are JSON Schema 2020-12, which is what z.toJSONSchema writes). Schemas that carry
// .meta({ id }) become components, referenced wherever they appear.

type TJsonSchema = Record<string, unknown>;
type TDoc = Record<string, unknown> & { components: { schemas: Record<string, TJsonSchema> } };

export const PROBLEM_SCHEMA = z
  .object({
    type: z.string().meta({ description: "URI reference naming the kind of problem", example: "/api/v1/problems/not-found" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "What went wrong, in the language of Accept-Language (it, en, de)" }),
    code: z.string().meta({ description: "Stable key of the message, for programs", example: "api.problems.invalidKey" }),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ pointer: z.string().meta({ example: "/body/reason" }), detail: z.string(), code: z.string() }))
      .optional()
      .meta({ description: "Field errors (400)" }),
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

const PROBLEM_DESCRIPTIONS: Record<TProblemStatus | 405, string> = {
  400: "Invalid request: `errors` lists every invalid field",
  401: "Missing, invalid, revoked or expired API key",
  403: "The key lacks the scope this operation requires",
  404: "Not found (also: anything belonging to another municipality)",
  405: "Method not allowed",
  409: "Not possible in the resource's current state, or a stale version",
  413: "Request body too large",
  415: "Unsupported content type",
  429: "Rate limit of the key exceeded: retry after `Retry-After` seconds",
};

function toSchema(schema: z.ZodType, io: "input" | "output", defs: Record<string, TJsonSchema>): TJsonSchema {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === "date") {
        ctx.jsonSchema.type = "string";
        ctx.jsonSchema.format = "date-time";
      }
    },
  }) as TJsonSchema;
  delete json.$schema;
  const local = (json.$defs ?? {}) as Record<string, TJsonSchema>;
  delete json.$defs;
  for (const [id, s] of Object.entries(local)) defs[id] = rewriteRefs(s) as TJsonSchema;
  return rewriteRefs(json) as TJsonSchema;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewriteRefs(v)]),
    );
  }
  return value;
}

/** A schema with .meta({ id }) at its root comes back as a $ref; lift it into components. */
function componentOrInline(schema: z.ZodType, io: "input" | "output", defs: Record<string, TJsonSchema>): TJsonSchema {
  const json = toSchema(schema, io, defs);
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id === "string" && !json.$ref) {
    defs[id] = json;
    return { $ref: `#/components/schemas/${id}` };
  }
  return json;
}

function parameters(route: TApiRoute, defs: Record<string, TJsonSchema>) {
  const out: TJsonSchema[] = [];
  for (const [where, schema] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, "input", defs);
    const props = (json.properties ?? {}) as Record<string, TJsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, prop] of Object.entries(props)) {
      const { description, ...rest } = prop;
      out.push({ name, in: where, required: where === "path" || required.has(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  return out;
}

export type TOpenApiInfo = { title: string; version: string; description: string; serverUrl: string };

export function buildOpenApiDocument(routes: readonly TApiRoute[], info: TOpenApiInfo): TDoc {
  const defs: Record<string, TJsonSchema> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  const problemRef = componentOrInline(PROBLEM_SCHEMA, "output", defs);
  const problemStatuses = new Set<number>();

  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      const headers = spec.headers
        ? Object.fromEntries(Object.entries(spec.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }]))
        : undefined;
      const content =
        "json" in spec
          ? { "application/json": { schema: componentOrInline(spec.json, "output", defs) } }
          : "contentType" in spec
            ? Object.fromEntries(
                [spec.contentType, ...(spec.otherContentTypes ?? [])].map((type) => [
                  type,
                  { schema: type === "application/json" ? { type: "object" } : { type: "string", contentMediaType: type } },
                ]),
              )
            : undefined;
      responses[status] = { description: spec.description, ...(headers ? { headers } : {}), ...(content ? { content } : {}) };
    }
    const problems = new Set<number>(route.problems ?? []);
    if (route.scope) problems.add(401).add(429);
    if (route.scope && route.scope !== "key") problems.add(403);
    if (route.params || route.query || route.body) problems.add(400);
    if (route.body) problems.add(415);
    if (route.body?.kind === "multipart") problems.add(413);
    for (const status of [...problems].sort()) {
      problemStatuses.add(status);
      responses[String(status)] = { $ref: `#/components/responses/Problem${status}` };
    }
    const body = route.body
      ? {
          required: true,
          ...(route.body.description ? { description: route.body.description } : {}),
          content:
            route.body.kind === "json"
              ? { "application/json": { schema: componentOrInline(route.body.schema, "input", defs) } }
              : { "multipart/form-data": { schema: toSchema(route.body.schema, "input", defs) } },
        }
      : undefined;
    const params = parameters(route, defs);
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      ...(route.scope === null
        ? { security: [] }
        : route.scope === "key"
          ? { security: [{ apiKey: [] }] }
          : { security: [{ apiKey: [route.scope] }], "x-required-scope": route.scope }),
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      responses,
    };
  }

  const problemResponses = Object.fromEntries(
    [...problemStatuses].sort().map((status) => [
      `Problem${status}`,
      {
        description: PROBLEM_DESCRIPTIONS[status as TProblemStatus],
        ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } } } : {}),
        content: { "application/problem+json": { schema: problemRef, example: { type: problemType(status), status } } },
      },
    ]),
  );

  return {
    openapi: "3.1.0",
    info: { title: info.title, version: info.version, description: info.description },
    servers: [{ url: info.serverUrl }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: defs,
      responses: problemResponses,
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `A key of the municipality, created by its administrators in the back office ("API e webhook"). Scopes: ${API_SCOPES.join(", ")}.`,
        },
      },
    },
  } as TDoc;
}
