import { z } from "zod";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { isServiceOpen } from "@/server/applications/service-window";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { tenantWhere } from "@/server/tenant";
import { defineApiRoute } from "../route";
import { iso, ZDateTime, ZId, ZNullableDateTime, ZPage, ZPageQuery } from "./schemas";

// GET /services and GET /services/{serviceId}: the municipality's services with their card (every
// status: a protocol register or a portal also needs drafts and closed ones), and one service with
// the form it currently publishes. Pages are in creation order (ids are UUID v7), the cursor is
// the last id of the page, opaque to callers.

const SERVICE_STATUSES = ["DRAFT", "SCHEDULED", "PUBLISHED", "SUSPENDED", "CLOSED"] as const;
const ACCESS_LEVELS = ["ANONYMOUS_EMAIL", "SPID_L2", "SPID_L3"] as const;

const ZRef = z.object({ id: ZId, slug: z.string(), name: z.string() });

export const ZService = z
  .object({
    id: ZId,
    slug: z.string().meta({ description: "The service's address in the catalogue (unique in the municipality)" }),
    name: z.string(),
    status: z.enum(SERVICE_STATUSES).meta({ description: "DRAFT (never shown), SCHEDULED, PUBLISHED, SUSPENDED, CLOSED" }),
    acceptingApplications: z.boolean().meta({ description: "Whether a citizen can start an application now (published and inside its opening window)" }),
    summary: z.string().meta({ description: "Card: what it is" }),
    audience: z.string().meta({ description: "Card: who can apply" }),
    howTo: z.string().meta({ description: "Card: how to apply" }),
    cost: z.string().meta({ description: "Card: costs" }),
    documentsNeeded: z.string().meta({ description: "Card: documents needed" }),
    contacts: z.string().meta({ description: "Card: contacts of the office" }),
    privacyNotice: z.string().meta({ description: "Card: privacy notice" }),
    category: ZRef,
    group: ZRef.nullable().meta({ description: "The service group it belongs to, if any" }),
    opensAt: ZNullableDateTime.meta({ description: "Applications accepted from (inclusive)" }),
    closesAt: ZNullableDateTime.meta({ description: "Applications accepted until (exclusive)" }),
    accessLevel: z.enum(ACCESS_LEVELS).meta({ description: "How applicants identify: ANONYMOUS_EMAIL (confirmed email), SPID_L2, SPID_L3" }),
    maxProcessingDays: z.number().int().meta({ description: "Maximum processing time in calendar days from submission" }),
    allowWithdrawal: z.boolean(),
    allowIntegration: z.boolean(),
    publishedFormVersion: z.number().int().nullable().meta({ description: "Version of the form new applications are filled with; null if none is published" }),
    updatedAt: ZDateTime,
    links: z.object({
      self: z.string().meta({ description: "This service in the API" }),
      card: z.string().nullable().meta({ description: "The public card in the catalogue (null for drafts)" }),
    }),
  })
  .meta({ id: "Service" });

export const ZServiceDetail = ZService.extend({
  form: z
    .object({
      version: z.number().int(),
      schema: z.record(z.string(), z.unknown()).meta({ description: "The form's definition (pages → fields), as the back office's form builder exports it" }),
    })
    .nullable()
    .meta({ description: "The published form; null if none is published" }),
}).meta({ id: "ServiceDetail" });

const SERVICE_SELECT = {
  id: true,
  slug: true,
  name: true,
  status: true,
  summary: true,
  audience: true,
  howTo: true,
  cost: true,
  documentsNeeded: true,
  contacts: true,
  privacyNotice: true,
  opensAt: true,
  closesAt: true,
  accessLevel: true,
  maxProcessingDays: true,
  allowWithdrawal: true,
  allowIntegration: true,
  updatedAt: true,
  category: { select: { id: true, slug: true, name: true } },
  group: { select: { id: true, slug: true, name: true } },
  tenant: { select: { slug: true } },
  currentFormVersion: { select: { version: true } },
} as const satisfies Prisma.ServiceSelect;

type TServiceRow = Prisma.ServiceGetPayload<{ select: typeof SERVICE_SELECT }>;

function toApiService(s: TServiceRow, now: Date): z.output<typeof ZService> {
  const origin = env().APP_URL.replace(/\/$/, "");
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    status: s.status,
    acceptingApplications: isServiceOpen(s, now),
    summary: s.summary,
    audience: s.audience,
    howTo: s.howTo,
    cost: s.cost,
    documentsNeeded: s.documentsNeeded,
    contacts: s.contacts,
    privacyNotice: s.privacyNotice,
    category: s.category,
    group: s.group,
    opensAt: iso(s.opensAt),
    closesAt: iso(s.closesAt),
    accessLevel: s.accessLevel,
    maxProcessingDays: s.maxProcessingDays,
    allowWithdrawal: s.allowWithdrawal,
    allowIntegration: s.allowIntegration,
    publishedFormVersion: s.currentFormVersion?.version ?? null,
    updatedAt: iso(s.updatedAt),
    links: {
      self: `/api/v1/services/${s.id}`,
      card: s.status === "DRAFT" ? null : `${origin}/${s.tenant.slug}/servizi/${s.slug}`,
    },
  };
}

const CURSOR_PATTERN = /^[\w-]{1,64}$/;

function encodeCursor(id: string): string {
  return Buffer.from(`s:${id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const id = decoded.startsWith("s:") ? decoded.slice(2) : "";
  if (!CURSOR_PATTERN.test(id)) throw new AppError("BAD_REQUEST", "apiKeys.problems.invalidCursor", { fields: { cursor: "apiKeys.problems.invalidCursor" } });
  return id;
}

export const SERVICES_ROUTES = [
  defineApiRoute({
    method: "get",
    path: "/services",
    operationId: "listServices",
    summary: "List the municipality's services",
    description: "Every service of the municipality, whatever its status (filter with `status`), with its card, category, group and the version of its published form.",
    tag: "Services",
    scope: "services:read",
    query: ZPageQuery.extend({
      status: z.enum(SERVICE_STATUSES).optional().meta({ description: "Only services in this status" }),
    }),
    responses: { 200: { description: "A page of services", json: ZPage(ZService).meta({ id: "ServicePage" }) } },
    problems: [403],
    handler: async ({ tenantId, query }) => {
      const prisma = await db();
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      const rows = await prisma.service.findMany({
        where: tenantWhere(tenantId, { ...(query.status ? { status: query.status } : {}), ...(after ? { id: { gt: after } } : {}) }),
        orderBy: { id: "asc" },
        take: query.limit + 1,
        select: SERVICE_SELECT,
      });
      const page = rows.slice(0, query.limit);
      const now = new Date();
      return {
        body: {
          items: page.map((s) => toApiService(s, now)),
          nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!.id) : null,
        },
      };
    },
  }),
  defineApiRoute({
    method: "get",
    path: "/services/{serviceId}",
    operationId: "getService",
    summary: "Get a service with its published form",
    description: "The service's card and the form new applications are filled with. `serviceId` is the service's id or its slug.",
    tag: "Services",
    scope: "services:read",
    params: z.object({ serviceId: z.string().min(1).max(100).meta({ description: "The service's id or slug" }) }),
    responses: { 200: { description: "The service", json: ZServiceDetail } },
    problems: [403, 404],
    handler: async ({ tenantId, params }) => {
      const prisma = await db();
      const select = { ...SERVICE_SELECT, currentFormVersion: { select: { version: true, schema: true } } } as const;
      const service =
        (await prisma.service.findFirst({ where: tenantWhere(tenantId, { id: params.serviceId }), select })) ??
        (await prisma.service.findFirst({ where: tenantWhere(tenantId, { slug: params.serviceId }), select }));
      if (!service) throw new AppError("NOT_FOUND", "apiKeys.problems.serviceNotFound");
      const form = service.currentFormVersion;
      return {
        body: {
          ...toApiService(service, new Date()),
          form: form ? { version: form.version, schema: form.schema as Record<string, unknown> } : null,
        },
      };
    },
  }),
];
