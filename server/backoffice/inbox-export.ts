import { APPLICATION_STATUS, statusLabelKey } from "@/server/applications/status";
import { recordAuditEvent } from "@/server/audit/record";
import { effectiveRole } from "@/server/auth/roles";
import type { TStaffViewer } from "@/server/auth/types";
import { CSV_BOM, csvLine, csvSeparatorParam, type TCsvSeparator } from "@/server/http/csv";
import { contentDisposition } from "@/server/http/file-response";
import { TIME_ZONE, type TLocale } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import { countsByStatus, iterateInbox, type TInboxFilters, type TInboxItem, type TInboxSort } from "./inbox";
import { inboxQueryFromParams, readInboxParams, romeOffsetMs, type TInboxParams } from "./inbox-params";

// The inbox as a CSV file: the same URL parameters as the inbox page, every matching row (not
// one page), for the office's spreadsheets. Streamed: rows are read a keyset page at a time
// (iterateInbox) and written as they come, so a municipality's whole history costs the memory
// of one page. Staff of the municipality only (404 for anyone else); every export is recorded
// in the audit trail with its filters and how many rows it held when it started.

type TScope = { tenantId: string; staffUserId: string };

/** The columns, in order: header key (namespace "export", under "columns") and the cell. */
const COLUMNS: { key: string; cell: (item: TInboxItem, words: TWords) => string | number | null }[] = [
  { key: "protocol", cell: (i) => i.protocolNumber },
  { key: "applicant", cell: (i) => i.applicantName },
  { key: "fiscalCode", cell: (i) => i.applicantFiscalCode },
  { key: "service", cell: (i) => i.serviceName },
  { key: "status", cell: (i, w) => w.status.get(i.status) ?? w.unknownStatus },
  { key: "statusCode", cell: (i) => i.status },
  { key: "submittedAt", cell: (i) => romeDateTime(i.submittedAt) },
  { key: "dueDate", cell: (i) => (i.dueDate ? romeDateTime(i.dueDate) : null) },
  { key: "overdue", cell: (i, w) => (i.overdue ? w.yes : w.no) },
  { key: "assignee", cell: (i) => i.assignedStaffName },
  { key: "id", cell: (i) => i.id },
];

type TWords = { headers: string[]; status: Map<number, string>; unknownStatus: string; yes: string; no: string };

async function loadWords(locale: TLocale): Promise<TWords> {
  const [t, tInbox] = await Promise.all([getTranslator(locale, "export"), getTranslator(locale, "backoffice.inbox")]);
  return {
    headers: COLUMNS.map((c) => t(`columns.${c.key}`)),
    status: new Map(Object.values(APPLICATION_STATUS).map((code) => [code, tInbox(statusLabelKey(code))])),
    unknownStatus: tInbox("status.UNKNOWN"),
    yes: t("yes"),
    no: t("no"),
  };
}

/** Rome's offset for each UTC hour met so far. Europe's clocks change at 01:00 UTC, so the offset
 * is the same for a whole UTC hour: one Intl call per hour of data instead of one per cell
 * (a 100,000-row export has two dates a row). */
const offsetByHour = new Map<number, number>();
const HOUR_MS = 3_600_000;

function cachedRomeOffsetMs(at: Date): number {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    if (offsetByHour.size > 50_000) offsetByHour.clear();
    offset = romeOffsetMs(new Date(hour * HOUR_MS));
    offsetByHour.set(hour, offset);
  }
  return offset;
}

const two = (n: number) => String(n).padStart(2, "0");

/** "23/11/2026 14:05", Rome's clock: what Italian spreadsheets read as a date and time. */
export function romeDateTime(at: Date): string {
  const local = new Date(at.getTime() + cachedRomeOffsetMs(at));
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/** "domande-esempio-2026-11-23.csv" (the day in Rome). */
export function inboxExportFileName(tenantSlug: string, at: Date): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  return `domande-${tenantSlug}-${day}.csv`;
}

export type TInboxCsvInput = TScope & {
  filters: TInboxFilters;
  sort: TInboxSort;
  locale: TLocale;
  separator?: TCsvSeparator;
  now?: Date;
  /** Rows read per query (default 1,000). */
  batchSize?: number;
};

/** The CSV file as a stream of UTF-8 bytes: BOM and header line first, then one chunk per page
 * of rows, read only when the reader wants more (a slow download holds one page, not the file). */
export async function inboxCsvStream(input: TInboxCsvInput): Promise<ReadableStream<Uint8Array>> {
  const words = await loadWords(input.locale);
  const separator = input.separator ?? ";";
  const encoder = new TextEncoder();
  const pages = iterateInbox({ ...input, now: input.now ?? new Date() });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(words.headers, separator)));
    },
    async pull(controller) {
      const next = await pages.next();
      if (next.done) {
        controller.close();
        return;
      }
      let chunk = "";
      for (const item of next.value) chunk += csvLine(COLUMNS.map((c) => c.cell(item, words)), separator);
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/** How many rows the export will hold: the counts per status, summed over the chosen ones. */
async function countRows(scope: TScope, filters: TInboxFilters, now: Date): Promise<number> {
  const { status, ...countFilters } = filters;
  const counts = await countsByStatus({ ...scope, filters: countFilters, now });
  return counts.filter((c) => !status?.length || status.includes(c.status)).reduce((sum, c) => sum + c.count, 0);
}

export type TInboxExportDeps = {
  resolveTenant(slug: string): Promise<{ id: string; slug: string } | null>;
  getStaff(): Promise<TStaffViewer | null>;
  locale: TLocale;
  ip: string | null;
  now?: Date;
  batchSize?: number;
};

async function notFound(locale: TLocale): Promise<Response> {
  const t = await getTranslator(locale, "export");
  return new Response(t("notFound"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** GET …/domande/export.csv?<the inbox's parameters>[&sep=comma]. */
export async function handleInboxExport(request: Request, params: { tenant: string }, deps: TInboxExportDeps): Promise<Response> {
  const [tenant, staff] = await Promise.all([deps.resolveTenant(params.tenant), deps.getStaff()]);
  const role = tenant && staff ? effectiveRole(staff, tenant.id) : null;
  if (!tenant || !staff || !role) return notFound(deps.locale);

  const url = new URL(request.url);
  const p = readInboxParams(Object.fromEntries(url.searchParams));
  // The export is every page: the page cursor is not a filter.
  const { filters, sort } = inboxQueryFromParams({ ...p, pagina: "" });
  const scope = { tenantId: tenant.id, staffUserId: staff.id };
  const now = deps.now ?? new Date();
  const rowCount = await countRows(scope, filters, now);
  const asked = Object.fromEntries(Object.entries(p).filter(([k, v]) => v && k !== "pagina")) as Partial<TInboxParams>;
  await recordAuditEvent({
    tenantId: tenant.id,
    actorKind: "STAFF",
    actorId: staff.id,
    actorRole: role,
    action: "applications.export",
    ip: deps.ip,
    details: { filters: asked, sort, rowCount },
  });

  const body = await inboxCsvStream({ ...scope, filters, sort, locale: deps.locale, separator: csvSeparatorParam(url.searchParams.get("sep")), now, batchSize: deps.batchSize });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", inboxExportFileName(tenant.slug, now)),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
