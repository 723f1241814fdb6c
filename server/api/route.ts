import type { z } from "zod";
import type { TLocale } from "@/server/i18n/config";
import type { TApiKeyPrincipal } from "./keys";
import type { TApiScope } from "./scopes";

// One API operation, declared once: path, method, scope, the zod schemas of what it reads and
// answers, and its handler. The dispatcher (dispatch.ts) validates requests with these schemas;
// the OpenAPI document (openapi.ts) is generated from the same schemas, so the two can't drift.

export type THttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Error statuses an operation may answer besides its successes (problem+json). 401 and 429
 * are added to every authenticated operation, 400 to every operation with input. */
export type TProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

export type TApiResponseSpec =
  | { description: string; json: z.ZodType; headers?: Record<string, string> }
  /** A file: PDF, CSV… (schema: a binary string). */
  | {
      description: string;
      contentType: string;
      /** Other types the same answer may have (an uploaded file: PDF, JPEG, PNG, P7M). */
      otherContentTypes?: readonly string[];
      headers?: Record<string, string>;
    }
  | { description: string; empty: true; headers?: Record<string, string> };

type TZodObject = z.ZodObject<z.ZodRawShape>;

export type TApiBodySpec =
  | { kind: "json"; schema: z.ZodType; description?: string }
  /** multipart/form-data: `schema` describes the parts (files as z.file()); `maxBytes` is the
   * whole request's limit (413 beyond). */
  | { kind: "multipart"; schema: TZodObject; maxBytes: number; description?: string };

export type TApiContext<P, Q, B> = {
  request: Request;
  /** The key's municipality: every lookup is scoped to it (another municipality's id → 404). */
  tenantId: string;
  key: TApiKeyPrincipal;
  params: P;
  query: Q;
  body: B;
  locale: TLocale;
  ip: string | null;
};

/** What a handler returns: a JSON body (status 200 unless given), or a ready Response (files). */
export type TApiResult = Response | { status?: number; body?: unknown; headers?: Record<string, string> };

export type TApiRoute = {
  method: THttpMethod;
  /** OpenAPI template under /api/v1, e.g. "/applications/{applicationId}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** The scope the key needs; "key": any valid key of the municipality; null: public (no key). */
  scope: TApiScope | "key" | null;
  params?: TZodObject;
  query?: TZodObject;
  body?: TApiBodySpec;
  responses: Record<number, TApiResponseSpec>;
  /** Statuses of problem+json answers specific to the operation (403, 404, 409, 413…). */
  problems?: readonly TProblemStatus[];
  handler: (ctx: TApiContext<never, never, never>) => Promise<TApiResult>;
};

/** Declares an operation with its handler typed by its schemas. */
export function defineApiRoute<
  P extends TZodObject | undefined = undefined,
  Q extends TZodObject | undefined = undefined,
  B extends TApiBodySpec | undefined = undefined,
>(
  route: Omit<TApiRoute, "handler" | "params" | "query" | "body"> & {
    params?: P;
    query?: Q;
    body?: B;
    handler: (
      ctx: TApiContext<
        P extends TZodObject ? z.output<P> : Record<string, never>,
        Q extends TZodObject ? z.output<Q> : Record<string, never>,
        B extends TApiBodySpec ? z.output<B["schema"]> : undefined
      >,
    ) => Promise<TApiResult>;
  },
): TApiRoute {
  return route as unknown as TApiRoute;
}
