import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "@/server/api/openapi";
import { defineApiRoute } from "@/server/api/route";
import { openApiDocument } from "@/server/api/v1";
import { buildApiReference, typeParts } from "./api-reference-model";

// The reference page's model: every operation of the document is there, under its tag, with
// its scope, parameters, request body fields and responses; named schemas are listed with their
// fields and linked from the types that use them.

const ZThing = z.object({ id: z.string(), at: z.iso.datetime().nullable(), tags: z.array(z.string()) }).meta({ id: "Thing", description: "A thing" });
const routes = [
  defineApiRoute({
    method: "post",
    path: "/things/{thingId}/notes",
    operationId: "addNote",
    summary: "Add a note",
    tag: "Things",
    scope: "messages:write",
    params: z.object({ thingId: z.string().meta({ description: "The thing" }) }),
    body: { kind: "json", schema: z.object({ text: z.string().max(10), urgent: z.boolean().optional() }), description: "The note" },
    responses: { 201: { description: "Added", json: ZThing } },
    problems: [404, 409],
    handler: async () => ({ status: 201 }),
  }),
  defineApiRoute({
    method: "post",
    path: "/things/{thingId}/files",
    operationId: "uploadFile",
    summary: "Upload",
    tag: "Things",
    scope: "documents:write",
    params: z.object({ thingId: z.string() }),
    body: { kind: "multipart", schema: z.object({ file: z.file(), title: z.string() }), maxBytes: 1000 },
    responses: { 200: { description: "Uploaded", empty: true } },
    handler: async () => ({}),
  }),
  defineApiRoute({ method: "get", path: "/ping", operationId: "ping", summary: "Ping", tag: "Meta", scope: null, responses: { 200: { description: "Pong", empty: true } }, handler: async () => ({}) }),
];

describe("API reference model", () => {
  const ref = buildApiReference(buildOpenApiDocument(routes, { title: "T", version: "9", description: "d", serverUrl: "https://x.test/api/v1" }));
  const op = (id: string) => ref.tags.flatMap((t) => t.operations).find((o) => o.operationId === id)!;

  it("groups operations by tag with their access, parameters, body and responses", () => {
    expect(ref).toMatchObject({ title: "T", version: "9", serverUrl: "https://x.test/api/v1" });
    expect(ref.tags.map((t) => [t.name, t.operations.map((o) => o.operationId)])).toEqual([
      ["Things", ["addNote", "uploadFile"]],
      ["Meta", ["ping"]],
    ]);
    const add = op("addNote");
    expect(add).toMatchObject({ method: "POST", path: "/things/{thingId}/notes", summary: "Add a note", access: { kind: "scope", scope: "messages:write" }, anchor: "op-addnote" });
    expect(add.parameters).toEqual([{ name: "thingId", in: "path", required: true, type: [{ text: "string" }], description: "The thing" }]);
    expect(add.body).toMatchObject({ contentType: "application/json", description: "The note" });
    expect(add.body!.fields.map((f) => [f.name, f.required])).toEqual([
      ["text", true],
      ["urgent", false],
    ]);
    expect(add.responses.map((r) => r.status)).toEqual(["201", "400", "401", "403", "404", "409", "415", "429"]);
    expect(add.responses[0]).toMatchObject({ description: "Added", schema: "Thing", contentTypes: ["application/json"] });
    expect(add.responses.find((r) => r.status === "409")).toMatchObject({ contentTypes: ["application/problem+json"], schema: "Problem" });
    expect(add.responses.find((r) => r.status === "409")!.description).toMatch(/state/);

    expect(op("uploadFile").body).toMatchObject({ contentType: "multipart/form-data" });
    expect(op("uploadFile").body!.fields.find((f) => f.name === "file")!.type).toEqual([{ text: "file" }]);
    expect(op("uploadFile").responses.map((r) => r.status)).toContain("413");
    expect(op("ping").access).toEqual({ kind: "public" });
  });

  it("lists named schemas with their fields and links types to them", () => {
    const thing = ref.schemas.find((s) => s.name === "Thing")!;
    expect(thing).toMatchObject({ anchor: "schema-thing", description: "A thing" });
    expect(thing.fields.map((f) => [f.name, f.type.map((p) => p.text).join("")])).toEqual([
      ["id", "string"],
      ["at", "string (date-time) | null"],
      ["tags", "string[]"],
    ]);
    expect(typeParts({ type: "array", items: { $ref: "#/components/schemas/Thing" } })).toEqual([{ text: "Thing[]", ref: "Thing" }]);
  });

  it("covers every operation of the real /api/v1 document", () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { operationId: string }>> };
    const real = buildApiReference(doc);
    const listed = new Set(real.tags.flatMap((t) => t.operations.map((o) => `${o.method} ${o.path}`)));
    for (const [path, ops] of Object.entries(doc.paths)) for (const method of Object.keys(ops)) expect(listed).toContain(`${method.toUpperCase()} ${path}`);
    const services = real.tags.find((t) => t.name === "Services")!.operations.find((o) => o.operationId === "listServices")!;
    expect(services.access).toEqual({ kind: "scope", scope: "services:read" });
    expect(services.parameters.map((p) => p.name)).toEqual(["limit", "cursor", "status"]);
    expect(real.schemas.find((s) => s.name === "Service")!.fields.map((f) => f.name)).toEqual(expect.arrayContaining(["links.self", "category.slug", "publishedFormVersion"]));
  });
});
