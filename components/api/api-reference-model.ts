// The API reference page (/sviluppatori) as data: the OpenAPI document of /api/v1 turned into
// tags → operations (parameters, request body fields, responses) and the named schemas with
// their fields, each with a stable anchor. Pure: the page renders it, the test checks it against
// the document.

type TJson = Record<string, unknown>;

/** A type as text, with the named schemas in it (linked on the page). */
export type TTypePart = { text: string; ref?: string };

export type TRefField = { name: string; type: TTypePart[]; required: boolean; description: string | null };
export type TRefParameter = TRefField & { in: string };
export type TRefResponse = { status: string; description: string; contentTypes: string[]; schema: string | null };
export type TRefBody = { contentType: string; description: string | null; schema: string | null; fields: TRefField[] };
/** "scope": needs that scope; "key": any valid key of the municipality; "public": no key. */
export type TRefAccess = { kind: "scope"; scope: string } | { kind: "key" } | { kind: "public" };

export type TRefOperation = {
  anchor: string;
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  access: TRefAccess;
  parameters: TRefParameter[];
  body: TRefBody | null;
  responses: TRefResponse[];
};

export type TRefTag = { name: string; anchor: string; operations: TRefOperation[] };
export type TRefSchema = { name: string; anchor: string; description: string | null; fields: TRefField[]; enumValues: string[] | null };
export type TApiReference = { title: string; version: string; serverUrl: string | null; tags: TRefTag[]; schemas: TRefSchema[] };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const MAX_DEPTH = 2;

const isObject = (v: unknown): v is TJson => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

export const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "x";

export const schemaAnchor = (name: string) => `schema-${slugify(name)}`;

function refName(ref: unknown): string | null {
  return typeof ref === "string" ? (ref.split("/").pop() ?? null) : null;
}

/** The type of a JSON Schema as readable text: "string (date-time)", "Service[]", "integer | null". */
export function typeParts(schema: unknown): TTypePart[] {
  if (!isObject(schema)) return [{ text: "any" }];
  const ref = refName(schema.$ref);
  if (ref) return [{ text: ref, ref }];
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(union)) {
    return union.flatMap((member, i) => (i === 0 ? typeParts(member) : [{ text: " | " }, ...typeParts(member)]));
  }
  if ("const" in schema) return [{ text: JSON.stringify(schema.const) }];
  if (Array.isArray(schema.enum)) return [{ text: (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ") }];
  const type = schema.type;
  if (Array.isArray(type)) return [{ text: type.join(" | ") }];
  if (type === "array") {
    const items = typeParts(schema.items);
    return items.length === 1 ? [{ ...items[0]!, text: `${items[0]!.text}[]` }] : [{ text: "(" }, ...items, { text: ")[]" }];
  }
  if (type === "string") {
    if (schema.contentMediaType || schema.format === "binary") return [{ text: "file" }];
    const format = str(schema.format);
    return [{ text: format ? `string (${format})` : "string" }];
  }
  if (type === "integer" || type === "number") {
    const range = [schema.minimum !== undefined ? `≥ ${String(schema.minimum)}` : null, schema.maximum !== undefined ? `≤ ${String(schema.maximum)}` : null].filter(Boolean);
    return [{ text: range.length ? `${type} (${range.join(", ")})` : type }];
  }
  if (typeof type === "string") return [{ text: type }];
  return [{ text: "any" }];
}

/** The fields of an object schema (a $ref is followed once), nested inline objects as "a.b". */
export function fieldsOf(schema: unknown, components: Record<string, TJson>, prefix = "", depth = 0): TRefField[] {
  const resolved = isObject(schema) && refName(schema.$ref) && depth === 0 ? components[refName(schema.$ref)!] : schema;
  if (!isObject(resolved) || !isObject(resolved.properties)) return [];
  const required = new Set(Array.isArray(resolved.required) ? (resolved.required as string[]) : []);
  const out: TRefField[] = [];
  for (const [name, prop] of Object.entries(resolved.properties)) {
    const full = `${prefix}${name}`;
    out.push({ name: full, type: typeParts(prop), required: required.has(name), description: isObject(prop) ? str(prop.description) : null });
    const inline = isObject(prop) ? (prop.type === "object" ? prop : Array.isArray(prop.anyOf) ? (prop.anyOf as unknown[]).find((m) => isObject(m) && m.type === "object") : null) : null;
    if (inline && depth + 1 < MAX_DEPTH) out.push(...fieldsOf(inline, components, `${full}.`, depth + 1));
  }
  return out;
}

function access(op: TJson): TRefAccess {
  const scope = str(op["x-required-scope"]);
  if (scope) return { kind: "scope", scope };
  const security = op.security;
  if (Array.isArray(security) && security.length === 0) return { kind: "public" };
  return { kind: "key" };
}

function responsesOf(op: TJson, doc: TJson): TRefResponse[] {
  const shared = (isObject(doc.components) && isObject(doc.components.responses) ? doc.components.responses : {}) as Record<string, TJson>;
  const out: TRefResponse[] = [];
  for (const [status, raw] of Object.entries(isObject(op.responses) ? op.responses : {})) {
    const named = isObject(raw) ? refName(raw.$ref) : null;
    const response = named ? shared[named] : raw;
    if (!isObject(response)) continue;
    const content = isObject(response.content) ? response.content : {};
    const first = Object.values(content)[0];
    out.push({
      status,
      description: str(response.description) ?? "",
      contentTypes: Object.keys(content),
      schema: isObject(first) && isObject(first.schema) ? refName(first.schema.$ref) : null,
    });
  }
  return out.sort((a, b) => a.status.localeCompare(b.status));
}

function bodyOf(op: TJson, components: Record<string, TJson>): TRefBody | null {
  const body = op.requestBody;
  if (!isObject(body) || !isObject(body.content)) return null;
  const [contentType, media] = Object.entries(body.content)[0] ?? [];
  if (!contentType || !isObject(media)) return null;
  return { contentType, description: str(body.description), schema: isObject(media.schema) ? refName(media.schema.$ref) : null, fields: fieldsOf(media.schema, components) };
}

export function buildApiReference(document: unknown): TApiReference {
  const doc = (isObject(document) ? document : {}) as TJson;
  const info = (isObject(doc.info) ? doc.info : {}) as TJson;
  const components = (isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {}) as Record<string, TJson>;
  const tagNames = Array.isArray(doc.tags) ? (doc.tags as TJson[]).map((t) => String(t.name)) : [];
  const byTag = new Map<string, TRefOperation[]>(tagNames.map((n) => [n, []]));

  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const operationId = str(op.operationId) ?? `${method}-${path}`;
      const parameters = (Array.isArray(op.parameters) ? (op.parameters as TJson[]) : []).map((p) => ({
        name: String(p.name),
        in: String(p.in),
        required: p.required === true,
        type: typeParts(p.schema),
        description: str(p.description),
      }));
      const tag = Array.isArray(op.tags) && typeof op.tags[0] === "string" ? op.tags[0] : "API";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({
        anchor: `op-${slugify(operationId)}`,
        operationId,
        method: method.toUpperCase(),
        path,
        summary: str(op.summary) ?? operationId,
        description: str(op.description),
        access: access(op),
        parameters,
        body: bodyOf(op, components),
        responses: responsesOf(op, doc),
      });
    }
  }

  const servers = Array.isArray(doc.servers) ? (doc.servers as TJson[]) : [];
  return {
    title: str(info.title) ?? "API",
    version: str(info.version) ?? "",
    serverUrl: servers[0] ? str(servers[0].url) : null,
    tags: [...byTag.entries()].filter(([, ops]) => ops.length > 0).map(([name, operations]) => ({ name, anchor: `tag-${slugify(name)}`, operations })),
    schemas: Object.entries(components)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, schema]) => ({
        name,
        anchor: schemaAnchor(name),
        description: str(schema.description),
        fields: fieldsOf(schema, components),
        enumValues: Array.isArray(schema.enum) ? (schema.enum as unknown[]).map(String) : null,
      })),
  };
}
