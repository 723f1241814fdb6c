import { env } from "@/server/env";
import { dispatchApi } from "../dispatch";
import { buildOpenApiDocument } from "../openapi";
import type { TApiRoute } from "../route";
import { APPLICATIONS_ROUTES } from "./applications";
import { DOCUMENTS_ROUTES } from "./documents";
import { INBOUND_ROUTES } from "./inbound";
import { MESSAGES_ROUTES } from "./messages";
import { metaRoutes } from "./meta";
import { SERVICES_ROUTES } from "./services";

// Every operation of /api/v1, in the order of the reference. app/api/v1/[[...path]]/route.ts
// hands requests to handleApiV1; the OpenAPI document is built from this same list.

export const API_V1_VERSION = "1.0.0";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export function openApiDocument() {
  document ??= buildOpenApiDocument(API_V1_ROUTES, {
    title: "Sportello API",
    version: API_V1_VERSION,
    serverUrl: `${env().APP_URL.replace(/\/$/, "")}/api/v1`,
    description:
      "REST API of Sportello for the municipality's other systems (protocol register, accounting, national platforms, portals). " +
      "JSON over HTTPS, errors as RFC 9457 problem details, versioned paths, following the Italian interoperability guidelines (ModI). " +
      "Every request carries a key of one municipality (Authorization: Bearer <key>) and sees only that municipality's data.",
  });
  return document;
}

export const API_V1_ROUTES: readonly TApiRoute[] = [
  ...metaRoutes(openApiDocument),
  ...SERVICES_ROUTES,
  ...APPLICATIONS_ROUTES,
  ...MESSAGES_ROUTES,
  ...DOCUMENTS_ROUTES,
  ...INBOUND_ROUTES,
];

export function handleApiV1(request: Request, opts?: { now?: Date }): Promise<Response> {
  return dispatchApi(request, API_V1_ROUTES, opts);
}
