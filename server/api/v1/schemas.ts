import { z } from "zod";
import { APPLICATION_STATUS } from "@/server/applications/status";

// Schemas shared by several operations of /api/v1 and by webhook payloads (an application in a
// webhook is the same object as in GET /applications/{id}'s summary). Timestamps travel as
// ISO 8601 strings in UTC: handlers convert with iso().

export const ZId = z.string().min(1).max(64).meta({ description: "Identifier (UUID v7)", example: "0199a3b2-7c1e-7f00-8a3b-2f1d4c5e6a7b" });

export const ZDateTime = z.iso.datetime();
export const ZNullableDateTime = z.iso.datetime().nullable();

export function iso(at: Date): string;
export function iso(at: Date | null | undefined): string | null;
export function iso(at: Date | null | undefined): string | null {
  return at ? at.toISOString() : null;
}

export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;

/** Query of every list: `limit` items after the opaque `cursor` of the previous page. */
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT).meta({ description: `Items per page (1–${PAGE_SIZE_MAX})` }),
  cursor: z.string().min(1).max(500).optional().meta({ description: "The `nextCursor` of the previous page" }),
});

/** A page of `item`: `nextCursor` is null on the last page. */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

const STATUS_CODES = Object.values(APPLICATION_STATUS) as number[];

export const ZStatusCode = z
  .number()
  .int()
  .refine((n) => STATUS_CODES.includes(n))
  .meta({ description: "Status code of the application (see the status table)", example: 4000 });

export const ZStatusName = z.enum(Object.keys(APPLICATION_STATUS) as [keyof typeof APPLICATION_STATUS, ...(keyof typeof APPLICATION_STATUS)[]]);

export const ZApplicant = z
  .object({
    kind: z.enum(["citizen", "email"]).meta({ description: "citizen: signed in with SPID/CIE; email: applied with a confirmed email" }),
    fiscalCode: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
  })
  .meta({ id: "Applicant" });

export const ZServiceRef = z.object({ id: ZId, slug: z.string(), name: z.string() }).meta({ id: "ServiceRef" });

export const ZApplicationSummary = z
  .object({
    id: ZId,
    service: ZServiceRef,
    status: ZStatusCode,
    statusName: ZStatusName,
    protocolNumber: z.string().nullable(),
    submittedAt: ZNullableDateTime,
    registeredAt: ZNullableDateTime,
    dueDate: ZNullableDateTime.meta({ description: "Latest date by which the office must answer" }),
    updatedAt: ZDateTime,
    version: z.number().int().meta({ description: "Send it back as expectedVersion to act only on what you read" }),
    applicant: ZApplicant,
    assignedTo: z.object({ id: ZId, name: z.string() }).nullable(),
  })
  .meta({ id: "ApplicationSummary" });

export type TApplicationSummary = z.output<typeof ZApplicationSummary>;
