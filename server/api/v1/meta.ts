import { z } from "zod";
import { db } from "@/server/db/client";
import { defineApiRoute } from "../route";
import { API_SCOPES } from "../scopes";
import { iso, ZId, ZNullableDateTime } from "./schemas";

// The API's own description: the OpenAPI document, an index, and what the calling key is.

export const REFERENCE_PAGE_PATH = "/sviluppatori";

export function metaRoutes(openApiDocument: () => unknown) {
  return [
    defineApiRoute({
      method: "get",
      path: "/",
      operationId: "getIndex",
      summary: "Where the API's description lives",
      tag: "Meta",
      scope: null,
      responses: {
        200: {
          description: "Links to the OpenAPI document and the reference page",
          json: z.object({ name: z.string(), version: z.string(), openapi: z.string(), reference: z.string() }),
        },
      },
      handler: async () => ({
        body: { name: "Sportello API", version: "v1", openapi: "/api/v1/openapi.json", reference: REFERENCE_PAGE_PATH },
        headers: { "Cache-Control": "public, max-age=300" },
      }),
    }),
    defineApiRoute({
      method: "get",
      path: "/openapi.json",
      operationId: "getOpenApiDocument",
      summary: "This API's OpenAPI 3.1 document",
      tag: "Meta",
      scope: null,
      responses: { 200: { description: "The OpenAPI document", contentType: "application/json" } },
      handler: async () =>
        new Response(JSON.stringify(openApiDocument(), null, 2), {
          headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
        }),
    }),
    defineApiRoute({
      method: "get",
      path: "/key",
      operationId: "getCurrentKey",
      summary: "The calling key: municipality, scopes, expiry, rate limit",
      tag: "Meta",
      scope: "key",
      responses: {
        200: {
          description: "The key",
          json: z
            .object({
              id: ZId,
              name: z.string(),
              prefix: z.string(),
              scopes: z.array(z.enum(API_SCOPES)),
              expiresAt: ZNullableDateTime,
              rateLimitPerMinute: z.number().int(),
              municipality: z.object({ slug: z.string(), name: z.string() }),
            })
            .meta({ id: "ApiKeyInfo" }),
        },
      },
      handler: async ({ key, tenantId }) => {
        const prisma = await db();
        const row = await prisma.apiKey.findFirstOrThrow({
          where: { id: key.id, tenantId },
          select: { expiresAt: true, tenant: { select: { slug: true, name: true } } },
        });
        return {
          body: {
            id: key.id,
            name: key.name,
            prefix: key.prefix,
            scopes: key.scopes,
            expiresAt: iso(row.expiresAt),
            rateLimitPerMinute: key.rateLimitPerMinute,
            municipality: row.tenant,
          },
        };
      },
    }),
  ];
}
