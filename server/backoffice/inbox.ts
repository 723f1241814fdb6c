import { z } from "zod";
import { APPLICATION_STATUS, STATUS_CODES_BY_GROUP, isClosedStatus, statusLabelKey } from "@/server/applications/status";
import { countUnreadFromCitizen } from "@/server/conversation/thread";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import { likePrefixPattern, parseInboxSearch } from "./inbox-search";

// The operator's inbox: the submitted applications of one municipality, filtered, searched and
// sorted, a page at a time. Pages are keyset pages (WHERE (key, id) after the cursor, never
// OFFSET), so the millionth row costs what the first does, and rows submitted meanwhile neither
// repeat nor go missing. Raw SQL because the keyset needs row comparisons and a nullable sort
// key, which Prisma's query builder cannot express index-friendly.
//
// Indexes (bench/inbox.ts measures every query at a million applications): the sorts, the
// service, status, date and assignee filters, protocol numbers and fiscal codes use model
// Application's indexes. Two more are hand-written in migration 20261123043617_work_messages_groups
// (schema.prisma cannot express them), and the SQL below is written for them:
//   - hand_Application_tenant_lower_name_idx ("tenantId", lower("applicantName")
//     text_pattern_ops, id): the name prefix search, lower(...) LIKE 'prefix%';
//   - hand_Application_tenant_open_due_idx ("tenantId", "dueDate", id) INCLUDE (status) WHERE
//     status IN (OPEN_STATUSES): overdue applications straight from the index in due-date order,
//     without stepping over the closed applications of past years;
//   - hand_Application_tenant_open_submitted_idx ("tenantId", "submittedAt", id) INCLUDE
//     ("dueDate") WHERE status IN (OPEN_STATUSES): overdue applications by submission date. The
//     newest open applications are not due yet, so a page of overdue ones steps over tens of
//     thousands of entries: the page's ids are picked from the index alone (index-only scan, the
//     due date read from the INCLUDE column), and only those rows are read from the table
//     (`idsFirst` below).
// Both partial indexes are used only while the overdue SQL's status list is exactly their
// predicate (inbox-indexes.test.ts checks).

export const INBOX_SORTS = ["submittedAt_desc", "submittedAt_asc", "dueDate_asc"] as const;
export type TInboxSort = (typeof INBOX_SORTS)[number];
export const DEFAULT_INBOX_SORT: TInboxSort = "submittedAt_desc";

export const INBOX_ASSIGNED = ["me", "anyone", "nobody"] as const;
export const INBOX_PAGE_SIZE = 25;
export const INBOX_MAX_PAGE_SIZE = 100;

export const ZInboxFilters = z.object({
  serviceId: z.string().min(1).max(64).optional(),
  status: z.array(z.number().int().min(0).max(99_999)).max(30).optional(),
  /** Submitted at or after this instant. */
  submittedFrom: z.date().optional(),
  /** Submitted before this instant (exclusive: the page passes the start of the next day). */
  submittedTo: z.date().optional(),
  /** "me": taken in charge by the viewer; "anyone": by somebody; "nobody": by no one yet. */
  assigned: z.enum(INBOX_ASSIGNED).optional(),
  /** Only applications past their due date and not closed. */
  overdue: z.boolean().optional(),
  /** Protocol number, fiscal code, or the start of "Cognome Nome". */
  q: z.string().trim().max(100).optional(),
});
export type TInboxFilters = z.infer<typeof ZInboxFilters>;
export type TInboxCountFilters = Omit<TInboxFilters, "status">;

export type TInboxItem = {
  id: string;
  protocolNumber: string | null;
  serviceId: string;
  serviceName: string;
  applicantName: string | null;
  applicantFiscalCode: string | null;
  /** The applicant's citizen record (SPID/CIE); null for applicants without a digital identity. */
  citizenId: string | null;
  status: number;
  /** Key of the status label (namespace "backoffice", under "inbox"). */
  statusLabelKey: string;
  submittedAt: Date;
  dueDate: Date | null;
  /** Past its due date and not closed. */
  overdue: boolean;
  assignedStaffId: string | null;
  assignedStaffName: string | null;
  /** Messages from the citizen no operator has read yet. */
  unreadFromCitizen: number;
};

export type TInboxPage = {
  items: TInboxItem[];
  /** The page after this one; null on the last page. */
  nextCursor: string | null;
  /** The page before this one; null on the first page. */
  prevCursor: string | null;
};

type TScope = { tenantId: string; staffUserId: string };

// ---- sorting and cursors ------------------------------------------------------------------

type TSortSpec = { column: "submittedAt" | "dueDate"; dir: "asc" | "desc"; nullable: boolean };

/** The order of each sort; ties broken by id in the same direction. Nullable keys: the rows
 * without one come after all the others (dueDate is set when the application is registered). */
const SORTS: Record<TInboxSort, TSortSpec> = {
  submittedAt_desc: { column: "submittedAt", dir: "desc", nullable: false },
  submittedAt_asc: { column: "submittedAt", dir: "asc", nullable: false },
  dueDate_asc: { column: "dueDate", dir: "asc", nullable: true },
};

const ZCursor = z.object({
  s: z.enum(INBOX_SORTS),
  /** Sort key (ISO instant) of the row the page starts after; null for rows without one. */
  k: z.iso.datetime().nullable(),
  i: z.string().min(1).max(64),
  /** 1: the page before this row (Precedenti); absent: the page after it. */
  b: z.literal(1).optional(),
});
type TCursor = z.infer<typeof ZCursor>;

type TPosition = { key: Date | null; id: string };

function encodeCursor(sort: TInboxSort, pos: TPosition, backward: boolean): string {
  const cursor: TCursor = { s: sort, k: pos.key?.toISOString() ?? null, i: pos.id, ...(backward ? { b: 1 as const } : {}) };
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor of the page after (or, `backward`, before) a known row: for links to a position
 * and for the benchmark's deep pages. */
export function inboxCursorAt(sort: TInboxSort, row: { key: Date | null; id: string }, backward = false): string {
  return encodeCursor(sort, row, backward);
}

const badCursor = () => new AppError("BAD_REQUEST", "backoffice.inbox.errors.badCursor");

function decodeCursor(raw: string, sort: TInboxSort): { pos: TPosition; backward: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const cursor = ZCursor.safeParse(parsed);
  // A cursor of another sort points into another order: refused rather than misread.
  if (!cursor.success || cursor.data.s !== sort) throw badCursor();
  if (!SORTS[sort].nullable && cursor.data.k === null) throw badCursor();
  return { pos: { key: cursor.data.k === null ? null : new Date(cursor.data.k), id: cursor.data.i }, backward: cursor.data.b === 1 };
}

// ---- SQL ----------------------------------------------------------------------------------

/** Timestamps go in as UTC text cast to timestamp(3), the type Prisma stores DateTime in, so the
 * comparison does not depend on the session's time zone. */
const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamp(3)`;

/** Submitted and not closed: the statuses in which an application can be overdue. Exactly the
 * predicate of the partial indexes hand_Application_tenant_open_due_idx and …_open_submitted_idx
 * (inbox-indexes.test.ts compares them): PostgreSQL uses a partial index only when the query's
 * condition implies its predicate. */
export const OPEN_STATUSES = STATUS_CODES_BY_GROUP.inProgress.filter((s) => s >= APPLICATION_STATUS.SUBMITTED);

/** Every status from submission on, listed rather than `status >= 1900`: a list of equalities
 * bounds an index on (tenantId, status, submittedAt) on both of its columns, so counting a date
 * range reads only the matching index entries (index-only), where ">=" would leave the dates
 * to a filter on every submitted row. Written into the SQL: constants, no parameters. */
const SUBMITTED_SQL = Prisma.raw(
  Object.values(APPLICATION_STATUS)
    .filter((s) => s >= APPLICATION_STATUS.SUBMITTED)
    .join(", "),
);

/** Overdue: due date passed and not closed (accepted, rejected, withdrawn, annulled). The codes
 * are written into the SQL, not bound as parameters: a plan prepared without the parameters'
 * values could not prove the index's predicate, and would not use the index. */
const overdueSql = (now: Date) => Prisma.sql`(a."dueDate" < ${ts(now)} AND a.status IN (${Prisma.raw(OPEN_STATUSES.join(", "))}))`;

function whereSql(scope: TScope, filters: TInboxCountFilters & { status?: number[] }, now: Date): Prisma.Sql {
  const conds: Prisma.Sql[] = [
    Prisma.sql`a."tenantId" = ${scope.tenantId}`,
    // Submitted only: never drafts (1000) nor the payment steps before submission (15xx).
    // (submit.ts sets submittedAt in the same update, so "submittedAt IS NOT NULL" is left to
    // the list's queries: here it would keep the counts from being index-only scans.)
    Prisma.sql`a.status IN (${SUBMITTED_SQL})`,
  ];
  if (filters.serviceId) conds.push(Prisma.sql`a."serviceId" = ${filters.serviceId}`);
  if (filters.status?.length) conds.push(Prisma.sql`a.status IN (${Prisma.join(filters.status)})`);
  if (filters.submittedFrom) conds.push(Prisma.sql`a."submittedAt" >= ${ts(filters.submittedFrom)}`);
  if (filters.submittedTo) conds.push(Prisma.sql`a."submittedAt" < ${ts(filters.submittedTo)}`);
  if (filters.assigned === "me") conds.push(Prisma.sql`a."assignedStaffId" = ${scope.staffUserId}`);
  if (filters.assigned === "anyone") conds.push(Prisma.sql`a."assignedStaffId" IS NOT NULL`);
  if (filters.assigned === "nobody") conds.push(Prisma.sql`a."assignedStaffId" IS NULL`);
  if (filters.overdue) conds.push(overdueSql(now));
  const search = parseInboxSearch(filters.q);
  if (search?.kind === "protocol") conds.push(Prisma.sql`a."protocolNumber" IN (${Prisma.join(search.candidates)})`);
  if (search?.kind === "fiscalCode") conds.push(Prisma.sql`a."applicantFiscalCode" = ${search.fiscalCode}`);
  // lower(...) LIKE 'prefix%': what an expression index on (tenantId, lower(applicantName)
  // text_pattern_ops) would serve (ILIKE could not use a btree index).
  if (search?.kind === "name") conds.push(Prisma.sql`lower(a."applicantName") LIKE ${likePrefixPattern(search.prefix)} ESCAPE '\\'`);
  return Prisma.join(conds, " AND ");
}

type TRow = Omit<TInboxItem, "statusLabelKey" | "overdue" | "unreadFromCitizen">;

const COLUMNS = Prisma.raw(
  `a.id, a."protocolNumber", a."serviceId", a."applicantName", a."applicantFiscalCode", a."citizenId", a.status, a."submittedAt", a."dueDate", a."assignedStaffId"`,
);

/** What the list's queries need: the scoped conditions, the order, and how to read a page. */
type TInboxQuery = {
  tenantId: string;
  where: Prisma.Sql;
  spec: TSortSpec;
  /** Pick the page's ids first, then read their rows (see the header: overdue, newest first). */
  idsFirst: boolean;
};

function inboxQuery(scope: TScope, filters: TInboxFilters, sort: TInboxSort, now: Date): TInboxQuery {
  const spec = SORTS[sort];
  // Only the ids' query has to be index-only: the order by submission date with the overdue
  // filter, whose index (…_open_submitted_idx) holds the due date. Elsewhere the index already
  // finds the page's rows without stepping over others, and one query is enough.
  const idsFirst = Boolean(filters.overdue) && spec.column === "submittedAt";
  return { tenantId: scope.tenantId, where: whereSql(scope, filters, now), spec, idsFirst };
}

/**
 * One stretch of the order: the rows with a sort key (`nulls: false`) or, for a nullable key,
 * the rows without one (`nulls: true`, ordered by id). `after` excludes the rows up to and
 * including that position in the direction read; `reverse` reads the stretch backwards.
 */
async function fetchStretch(opts: { query: TInboxQuery; nulls: boolean; after: TPosition | null; reverse: boolean; limit: number }): Promise<TRow[]> {
  const { query, nulls, after, reverse } = opts;
  const { spec } = query;
  const dir = (spec.dir === "asc") !== reverse ? "asc" : "desc";
  const cmp = Prisma.raw(dir === "asc" ? ">" : "<");
  const key = Prisma.raw(`a."${spec.column}"`);
  const conds = [query.where, Prisma.sql`a."submittedAt" IS NOT NULL`];
  if (nulls) {
    conds.push(Prisma.sql`${key} IS NULL`);
    if (after) conds.push(Prisma.sql`a.id ${cmp} ${after.id}`);
  } else {
    if (spec.nullable) conds.push(Prisma.sql`${key} IS NOT NULL`);
    // A row comparison: PostgreSQL turns it into an index range, so a deep page starts where
    // the cursor is instead of skipping every row before it.
    if (after?.key) conds.push(Prisma.sql`(${key}, a.id) ${cmp} (${ts(after.key)}, ${after.id})`);
  }
  const order = nulls ? Prisma.raw(`a.id ${dir}`) : Prisma.raw(`a."${spec.column}" ${dir}, a.id ${dir}`);
  const page = Prisma.sql`WHERE ${Prisma.join(conds, " AND ")} ORDER BY ${order} LIMIT ${opts.limit}`;
  const select = Prisma.sql`SELECT ${COLUMNS}, s.name AS "serviceName", st.name AS "assignedStaffName"`;
  const joins = Prisma.sql`JOIN "Service" s ON s.id = a."serviceId" LEFT JOIN "StaffUser" st ON st.id = a."assignedStaffId"`;
  const prisma = await db();
  if (!query.idsFirst) return prisma.$queryRaw<TRow[]>`${select} FROM "Application" a ${joins} ${page}`;
  // The ids' query reads only the index; its rows are then fetched by primary key (and put back
  // in order: a join keeps none).
  return prisma.$queryRaw<TRow[]>`
    ${select}
    FROM (SELECT a.id FROM "Application" a ${page}) p
    JOIN "Application" a ON a.id = p.id AND a."tenantId" = ${query.tenantId}
    ${joins}
    ORDER BY ${order}`;
}

/**
 * Up to `limit` rows from `from` (exclusive; null: the start) in the sort's order, or against it
 * with `reverse`. A nullable key's order has two stretches: rows with a key, then rows without.
 */
async function fetchRows(opts: { query: TInboxQuery; from: TPosition | null; reverse: boolean; limit: number }) {
  const { query, from, reverse } = opts;
  const { spec } = query;
  const stretches: { nulls: boolean; after: TPosition | null }[] = [];
  if (!spec.nullable) stretches.push({ nulls: false, after: from });
  else if (!reverse) {
    if (!from || from.key) stretches.push({ nulls: false, after: from });
    stretches.push({ nulls: true, after: from && !from.key ? from : null });
  } else {
    if (from && !from.key) stretches.push({ nulls: true, after: from });
    stretches.push({ nulls: false, after: from?.key ? from : null });
  }
  const rows: TRow[] = [];
  for (const stretch of stretches) {
    if (rows.length >= opts.limit) break;
    rows.push(...(await fetchStretch({ query, reverse, ...stretch, limit: opts.limit - rows.length })));
  }
  return rows;
}

/** Past its due date and not closed: the same test as the overdue filter's SQL. */
export function isOverdue(app: { status: number; dueDate: Date | null }, now: Date): boolean {
  return app.dueDate !== null && app.dueDate.getTime() < now.getTime() && !isClosedStatus(app.status);
}

/** Field by field rather than {...row}: copying Prisma's raw rows by spread made the CSV export's
 * garbage reach the old generation at 2.4 times the rate (bench/csv.ts, 170 MB per 100,000 rows
 * instead of 70), and the process's peak memory with it. */
function toItem(row: TRow, now: Date, unread: ReadonlyMap<string, number>): TInboxItem {
  const status = Number(row.status);
  return {
    id: row.id,
    protocolNumber: row.protocolNumber,
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    applicantName: row.applicantName,
    applicantFiscalCode: row.applicantFiscalCode,
    citizenId: row.citizenId,
    submittedAt: row.submittedAt,
    dueDate: row.dueDate,
    assignedStaffId: row.assignedStaffId,
    assignedStaffName: row.assignedStaffName,
    status,
    statusLabelKey: statusLabelKey(status),
    overdue: isOverdue({ status, dueDate: row.dueDate }, now),
    unreadFromCitizen: unread.get(row.id) ?? 0,
  };
}

// ---- the inbox ----------------------------------------------------------------------------

export type TListInboxInput = TScope & {
  filters?: TInboxFilters;
  sort?: TInboxSort;
  /** From a previous page's nextCursor or prevCursor. */
  cursor?: string | null;
  /** Default 25, at most 100. */
  limit?: number;
  now?: Date;
};

export async function listInbox(input: TListInboxInput): Promise<TInboxPage> {
  const sort = input.sort ?? DEFAULT_INBOX_SORT;
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? INBOX_PAGE_SIZE)), INBOX_MAX_PAGE_SIZE);
  const now = input.now ?? new Date();
  const cursor = input.cursor ? decodeCursor(input.cursor, sort) : null;
  const query = inboxQuery(input, input.filters ?? {}, sort, now);
  const { spec } = query;
  const backward = cursor?.backward ?? false;

  // One row more than the page says whether there is another page in the direction read.
  const rows = await fetchRows({ query, from: cursor?.pos ?? null, reverse: backward, limit: limit + 1 });
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backward) page.reverse();
  // The page's rows only: one grouped count on at most `limit` ids.
  const unread = await countUnreadFromCitizen({ tenantId: input.tenantId, applicationIds: page.map((r) => r.id) });
  const items = page.map((row) => toItem(row, now, unread));
  const first = items[0];
  const last = items[items.length - 1];
  const position = (item: TInboxItem): TPosition => ({ key: item[spec.column], id: item.id });

  // Read forwards: there is a previous page when we came from one. Read backwards: there is a
  // next page (the one we came from).
  const hasNext = backward ? items.length > 0 : more;
  const hasPrev = backward ? more : cursor !== null && items.length > 0;
  return {
    items,
    nextCursor: hasNext && last ? encodeCursor(sort, position(last), false) : null,
    prevCursor: hasPrev && first ? encodeCursor(sort, position(first), true) : null,
  };
}

export const INBOX_EXPORT_BATCH = 1000;
const NO_COUNTS: ReadonlyMap<string, number> = new Map();

/**
 * Every application under the filters, in the sort's order, one keyset page of `batchSize` at a
 * time: for the CSV export, whose memory then stays that of one page however many rows match.
 * `now` is fixed for the whole walk, so a row cannot turn overdue halfway through.
 */
export async function* iterateInbox(
  input: TScope & { filters?: TInboxFilters; sort?: TInboxSort; batchSize?: number; now?: Date },
): AsyncGenerator<TInboxItem[]> {
  const now = input.now ?? new Date();
  const limit = Math.max(1, Math.trunc(input.batchSize ?? INBOX_EXPORT_BATCH));
  const query = inboxQuery(input, input.filters ?? {}, input.sort ?? DEFAULT_INBOX_SORT, now);
  const { spec } = query;
  let from: TPosition | null = null;
  for (;;) {
    const rows = await fetchRows({ query, from, reverse: false, limit });
    // The export has no use for the unread-message counts of the inbox page.
    if (rows.length) yield rows.map((row) => toItem(row, now, NO_COUNTS));
    const last = rows[rows.length - 1];
    if (!last || rows.length < limit) return;
    from = { key: last[spec.column], id: last.id };
  }
}

export type TInboxStatusCount = { status: number; statusLabelKey: string; count: number };

/** How many applications each status has under the same filters (but the status): one GROUP BY. */
export async function countsByStatus(input: TScope & { filters?: TInboxCountFilters; now?: Date }): Promise<TInboxStatusCount[]> {
  const { status: _ignored, ...filters } = (input.filters ?? {}) as TInboxFilters;
  const rows = await (await db()).$queryRaw<{ status: number; count: number }[]>`
    SELECT a.status, count(*)::int AS count
    FROM "Application" a
    WHERE ${whereSql(input, filters, input.now ?? new Date())}
    GROUP BY a.status
    ORDER BY a.status`;
  return rows.map((r) => ({ status: Number(r.status), statusLabelKey: statusLabelKey(Number(r.status)), count: Number(r.count) }));
}

/** The municipality's services, for the inbox's service filter (all of them: a closed service
 * still has applications to work). */
export async function listInboxServices({ tenantId }: { tenantId: string }) {
  return (await db()).service.findMany({ where: { tenantId }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
