import { beforeAll, describe, expect, it } from "vitest";
import { createTestService } from "@/server/applications/testing";
import { appErrorOf } from "@/server/test/app-error";
import { createStaff, createTenant } from "@/server/test/factories";
import { countsByStatus, listInbox, type TInboxFilters, type TInboxItem, type TInboxSort } from "./inbox";
import { createInboxApplications, type TInboxApplicationSpec } from "./testing";

// The operator's inbox against a real database: what is listed (submitted applications of this
// municipality only), every filter and search kind, pages that neither repeat nor skip rows when
// many applications share a timestamp, and the counts per status.

const NOW = new Date("2026-11-23T10:00:00.000Z");
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

type TTenant = Awaited<ReturnType<typeof createTenant>>;
type TService = Awaited<ReturnType<typeof createTestService>>;

async function setup() {
  const tenant = await createTenant();
  const service = await createTestService({ tenantId: tenant.id });
  const { user: operator } = await createStaff({ tenantId: tenant.id });
  return { tenant, service, operator };
}

async function seed(tenant: TTenant, service: TService, specs: TInboxApplicationSpec[]) {
  return createInboxApplications({ tenantId: tenant.id, service, applications: specs });
}

/** Every page of the inbox, following nextCursor; fails on a loop. */
async function allPages(scope: { tenantId: string; staffUserId: string }, opts: { sort?: TInboxSort; filters?: TInboxFilters; limit: number; now?: Date }) {
  const pages: TInboxItem[][] = [];
  let cursor: string | null = null;
  let prevCursors: (string | null)[] = [];
  do {
    const page = await listInbox({ now: NOW, ...scope, ...opts, cursor });
    pages.push(page.items);
    prevCursors.push(page.prevCursor);
    cursor = page.nextCursor;
    expect(pages.length).toBeLessThan(100);
  } while (cursor);
  prevCursors = prevCursors.slice(1);
  return { pages, ids: pages.flat().map((i) => i.id), prevCursors };
}

const ids = (items: TInboxItem[]) => items.map((i) => i.id);

async function list(scope: { tenantId: string; staffUserId: string }, filters: TInboxFilters, sort?: TInboxSort) {
  return ids((await listInbox({ ...scope, filters, sort, limit: 100, now: NOW })).items);
}

describe("listInbox: what is listed", () => {
  it("lists only this municipality's submitted applications, never drafts or payments before submission", async () => {
    const a = await setup();
    const b = await setup();
    const [submitted, registered, closed] = await seed(a.tenant, a.service, [{ status: 1900 }, { status: 3000 }, { status: 9000 }]);
    await seed(a.tenant, a.service, [{ status: 1000 }, { status: 1500 }, { status: 1510 }, { status: 1520 }, { status: 1530 }]);
    // Same name and fiscal code in the other municipality: still not ours.
    const [theirs] = await seed(b.tenant, b.service, [
      { status: 3000, applicantName: "Rossi Maria", applicantFiscalCode: "RSSMRA80A41H501U", protocolNumber: "BBB-2026-0000001" },
    ]);

    const scope = { tenantId: a.tenant.id, staffUserId: a.operator.id };
    const all = await list(scope, {});
    expect(all.sort()).toEqual([submitted, registered, closed].sort());
    expect(await list(scope, { q: "RSSMRA80A41H501U" })).toEqual([]);
    expect(await list(scope, { q: "BBB-2026-0000001" })).toEqual([]);
    expect(await list(scope, { q: "rossi" })).not.toContain(theirs);
    // Another municipality's service as a filter finds nothing either.
    expect(await list(scope, { serviceId: b.service.id })).toEqual([]);

    const counts = await countsByStatus({ ...scope, now: NOW });
    expect(counts.map((c) => [c.status, c.count])).toEqual([
      [1900, 1],
      [3000, 1],
      [9000, 1],
    ]);
  });

  it("describes each item: service, applicant, status label, dates, assignee and the overdue flag", async () => {
    const { tenant, service, operator } = await setup();
    const [id] = await seed(tenant, service, [
      {
        status: 4000,
        submittedAt: daysAgo(40),
        dueDate: daysAgo(10),
        applicantName: "Bianchi Giulia",
        applicantFiscalCode: "BNCGLI85M50F205Z",
        protocolNumber: "ESE-2026-0000042",
        assignedStaffId: operator.id,
      },
    ]);
    const { items } = await listInbox({ tenantId: tenant.id, staffUserId: operator.id, now: NOW });
    expect(items).toEqual([
      {
        id,
        protocolNumber: "ESE-2026-0000042",
        serviceId: service.id,
        serviceName: service.name,
        applicantName: "Bianchi Giulia",
        applicantFiscalCode: "BNCGLI85M50F205Z",
        citizenId: null,
        status: 4000,
        statusLabelKey: "status.TAKEN_IN_CHARGE",
        submittedAt: daysAgo(40),
        dueDate: daysAgo(10),
        overdue: true,
        assignedStaffId: operator.id,
        assignedStaffName: operator.name,
        unreadFromCitizen: 0,
      },
    ]);
  });

  it("flags as overdue only open applications past their due date", async () => {
    const { tenant, service, operator } = await setup();
    const [late, lateButClosed, lateWithdrawn, notYet, noDueDate] = await seed(tenant, service, [
      { status: 4000, dueDate: daysAgo(1) },
      { status: 7000, dueDate: daysAgo(1) },
      { status: 20000, dueDate: daysAgo(3) },
      { status: 4000, dueDate: daysAgo(-1) },
      { status: 1900, dueDate: null },
    ]);
    const scope = { tenantId: tenant.id, staffUserId: operator.id };
    const { items } = await listInbox({ ...scope, now: NOW });
    const overdue = Object.fromEntries(items.map((i) => [i.id, i.overdue]));
    expect(overdue).toEqual({ [late!]: true, [lateButClosed!]: false, [lateWithdrawn!]: false, [notYet!]: false, [noDueDate!]: false });
    expect(await list(scope, { overdue: true })).toEqual([late]);
    // The same application is no longer overdue once `now` is before its due date.
    const earlier = await listInbox({ ...scope, filters: { overdue: true }, now: daysAgo(5) });
    expect(earlier.items).toEqual([]);

    // By due date, the most overdue first, a page at a time.
    const [older, oldest] = await seed(tenant, service, [
      { status: 4500, dueDate: daysAgo(2) },
      { status: 3000, dueDate: daysAgo(30) },
    ]);
    const byDue = await allPages(scope, { sort: "dueDate_asc", filters: { overdue: true }, limit: 2 });
    expect(byDue.ids).toEqual([oldest, older, late]);
  });
});

describe("listInbox: filters", () => {
  let scope: { tenantId: string; staffUserId: string };
  let rows: Record<string, string>;
  let otherService: TService;

  beforeAll(async () => {
    const { tenant, service, operator } = await setup();
    otherService = await createTestService({ tenantId: tenant.id });
    const { user: colleague } = await createStaff({ tenantId: tenant.id });
    scope = { tenantId: tenant.id, staffUserId: operator.id };
    const [mineOld, colleagues, nobodys, registered] = await seed(tenant, service, [
      { status: 4000, submittedAt: daysAgo(10), assignedStaffId: operator.id },
      { status: 4000, submittedAt: daysAgo(5), assignedStaffId: colleague.id },
      { status: 1900, submittedAt: daysAgo(2) },
      { status: 3000, submittedAt: daysAgo(1) },
    ]);
    const [otherMine] = await seed(tenant, otherService, [{ status: 4300, submittedAt: daysAgo(3), assignedStaffId: operator.id }]);
    rows = { mineOld: mineOld!, colleagues: colleagues!, nobodys: nobodys!, registered: registered!, otherMine: otherMine! };
  });

  it("filters by service", async () => {
    expect(await list(scope, { serviceId: otherService.id })).toEqual([rows.otherMine]);
  });

  it("filters by one status or several", async () => {
    expect(await list(scope, { status: [4000] })).toEqual([rows.colleagues, rows.mineOld]);
    expect(await list(scope, { status: [1900, 4300] })).toEqual([rows.nobodys, rows.otherMine]);
  });

  it("filters by submission dates: from inclusive, to exclusive", async () => {
    expect(await list(scope, { submittedFrom: daysAgo(3), submittedTo: daysAgo(1) })).toEqual([rows.nobodys, rows.otherMine]);
    expect(await list(scope, { submittedFrom: daysAgo(5) })).toEqual([rows.registered, rows.nobodys, rows.otherMine, rows.colleagues]);
    expect(await list(scope, { submittedTo: daysAgo(5) })).toEqual([rows.mineOld]);
  });

  it("filters by who has it: me, anyone, nobody", async () => {
    expect(await list(scope, { assigned: "me" })).toEqual([rows.otherMine, rows.mineOld]);
    expect(await list(scope, { assigned: "anyone" })).toEqual([rows.otherMine, rows.colleagues, rows.mineOld]);
    expect(await list(scope, { assigned: "nobody" })).toEqual([rows.registered, rows.nobodys]);
  });

  it("combines filters", async () => {
    expect(await list(scope, { assigned: "me", serviceId: otherService.id, status: [4000] })).toEqual([]);
    expect(await list(scope, { assigned: "me", status: [4000] })).toEqual([rows.mineOld]);
  });
});

describe("listInbox: search", () => {
  let scope: { tenantId: string; staffUserId: string };
  let rows: string[];

  beforeAll(async () => {
    const { tenant, service, operator } = await setup();
    scope = { tenantId: tenant.id, staffUserId: operator.id };
    rows = await seed(tenant, service, [
      { applicantName: "Rossi Maria", applicantFiscalCode: "RSSMRA80A41H501U", protocolNumber: "ESE-2026-0000123", submittedAt: daysAgo(1) },
      { applicantName: "Rossini Luca", applicantFiscalCode: "RSSLCU90B12F205X", protocolNumber: "ESE-2026-0000124", submittedAt: daysAgo(2) },
      { applicantName: "Bianchi Rossa", applicantFiscalCode: "BNCRSS75C55L219K", protocolNumber: "ESE-2026-0001230", submittedAt: daysAgo(3) },
      { applicantName: "D'Angelo Àurea", applicantFiscalCode: null, protocolNumber: "ese-2025-0000007", submittedAt: daysAgo(4) },
      { applicantName: "100%_Sconto Anna", submittedAt: daysAgo(5) },
    ]);
  });

  it("finds a protocol number exactly, whatever the case and without the leading zeros", async () => {
    expect(await list(scope, { q: "ESE-2026-0000123" })).toEqual([rows[0]]);
    expect(await list(scope, { q: "  ese-2026-0000123 " })).toEqual([rows[0]]);
    expect(await list(scope, { q: "ESE-2026-123" })).toEqual([rows[0]]);
    // A number stored in lower case (another prefix style) is found as typed.
    expect(await list(scope, { q: "ese-2025-0000007" })).toEqual([rows[3]]);
    // Exact: no prefix or partial matches.
    expect(await list(scope, { q: "ESE-2026-000012" })).toEqual([]);
  });

  it("finds a fiscal code exactly, whatever the case", async () => {
    expect(await list(scope, { q: "rssmra80a41h501u" })).toEqual([rows[0]]);
    expect(await list(scope, { q: "RSSLCU90B12F205X" })).toEqual([rows[1]]);
    expect(await list(scope, { q: "RSSMRA80A41H501X" })).toEqual([]);
  });

  it("finds names by the start of 'Cognome Nome', ignoring case and extra spaces", async () => {
    expect(await list(scope, { q: "ross" })).toEqual([rows[0], rows[1]]);
    expect(await list(scope, { q: "ROSSI " })).toEqual([rows[0], rows[1]]);
    expect(await list(scope, { q: "rossi   maria" })).toEqual([rows[0]]);
    // Not in the middle of the name.
    expect(await list(scope, { q: "maria" })).toEqual([]);
    expect(await list(scope, { q: "d'angelo à" })).toEqual([rows[3]]);
  });

  it("takes % and _ literally", async () => {
    expect(await list(scope, { q: "%" })).toEqual([]);
    expect(await list(scope, { q: "_" })).toEqual([]);
    expect(await list(scope, { q: "100%_" })).toEqual([rows[4]]);
  });
});

describe("listInbox: keyset pages", () => {
  let scope: { tenantId: string; staffUserId: string };
  let specs: (TInboxApplicationSpec & { id: string })[];

  beforeAll(async () => {
    const { tenant, service, operator } = await setup();
    scope = { tenantId: tenant.id, staffUserId: operator.id };
    // 23 applications on 4 distinct instants (many ties), due dates with ties and some missing.
    const base: TInboxApplicationSpec[] = Array.from({ length: 23 }, (_, i) => ({
      status: 3000,
      submittedAt: daysAgo(i % 4),
      dueDate: i % 5 === 0 ? null : daysAgo(-(i % 3)),
    }));
    const created = await seed(tenant, service, base);
    specs = base.map((s, i) => ({ ...s, id: created[i]! }));
  });

  const time = (d: Date | null | undefined) => d?.getTime() ?? null;
  /** The order each sort promises, computed here independently of the SQL. */
  function expected(sort: TInboxSort): string[] {
    const sorted = [...specs].sort((x, y) => {
      const [kx, ky] = sort === "dueDate_asc" ? [time(x.dueDate), time(y.dueDate)] : [time(x.submittedAt), time(y.submittedAt)];
      const desc = sort === "submittedAt_desc";
      if (kx !== ky) {
        if (kx === null) return 1;
        if (ky === null) return -1;
        return desc ? ky - kx : kx - ky;
      }
      return (x.id < y.id ? -1 : 1) * (desc ? -1 : 1);
    });
    return sorted.map((s) => s.id);
  }

  for (const sort of ["submittedAt_desc", "submittedAt_asc", "dueDate_asc"] as const) {
    it(`walks every page of ${sort} forwards and back without repeating or skipping`, async () => {
      const { pages, ids: seen, prevCursors } = await allPages(scope, { sort, limit: 5 });
      expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
      expect(new Set(seen).size).toBe(23);
      expect(seen).toEqual(expected(sort));

      // Back from the last page through prevCursor: the same pages, in reverse.
      let cursor = prevCursors[prevCursors.length - 1] ?? null;
      const back: string[][] = [];
      while (cursor) {
        const page = await listInbox({ ...scope, sort, limit: 5, cursor, now: NOW });
        back.push(ids(page.items));
        cursor = page.prevCursor;
      }
      expect(back.reverse()).toEqual(pages.slice(0, -1).map(ids));
    });
  }

  // Overdue by submission date reads the page's ids first, then their rows (inbox.ts, idsFirst):
  // the same order and the same pages both ways. Three days on, every row with a due date is late.
  for (const sort of ["submittedAt_desc", "submittedAt_asc"] as const) {
    it(`walks the overdue applications by ${sort} forwards and back`, async () => {
      const later = daysAgo(-3);
      const filters = { overdue: true };
      const overdue = new Set(specs.filter((s) => s.dueDate).map((s) => s.id));
      const { pages, ids: seen, prevCursors } = await allPages(scope, { sort, filters, limit: 5, now: later });
      expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 3]);
      expect(seen).toEqual(expected(sort).filter((id) => overdue.has(id)));
      expect(pages.flat().every((i) => i.overdue && i.serviceName && i.submittedAt)).toBe(true);

      let cursor = prevCursors[prevCursors.length - 1] ?? null;
      const back: string[][] = [];
      while (cursor) {
        const page = await listInbox({ ...scope, sort, filters, limit: 5, cursor, now: later });
        back.push(ids(page.items));
        cursor = page.prevCursor;
      }
      expect(back.reverse()).toEqual(pages.slice(0, -1).map(ids));
    });
  }

  it("has no previous page on the first page and no next page on the last", async () => {
    const first = await listInbox({ ...scope, limit: 20, now: NOW });
    expect(first.prevCursor).toBeNull();
    const last = await listInbox({ ...scope, limit: 20, cursor: first.nextCursor, now: NOW });
    expect(last.items).toHaveLength(3);
    expect(last.nextCursor).toBeNull();
    expect(last.prevCursor).not.toBeNull();
  });

  it("keeps its place when applications arrive between two pages", async () => {
    const { tenant, service, operator } = await setup();
    const own = { tenantId: tenant.id, staffUserId: operator.id };
    const older = await seed(tenant, service, Array.from({ length: 6 }, (_, i) => ({ submittedAt: daysAgo(i + 1) })));
    const first = await listInbox({ ...own, limit: 3, now: NOW });
    expect(ids(first.items)).toEqual(older.slice(0, 3));
    await seed(tenant, service, [{ status: 1900, submittedAt: NOW }]);
    const second = await listInbox({ ...own, limit: 3, cursor: first.nextCursor, now: NOW });
    expect(ids(second.items)).toEqual(older.slice(3, 6));
  });

  it("refuses a cursor of another sort or a made-up one", async () => {
    const { nextCursor } = await listInbox({ ...scope, limit: 5, now: NOW });
    for (const cursor of [nextCursor, "not-a-cursor", Buffer.from('{"s":"dueDate_asc","k":"x","i":"y"}').toString("base64url")]) {
      const e = await appErrorOf(listInbox({ ...scope, sort: "dueDate_asc", cursor, now: NOW }));
      expect([e.code, e.messageKey]).toEqual(["BAD_REQUEST", "backoffice.inbox.errors.badCursor"]);
    }
  });

  it("caps the page size at 100", async () => {
    const { tenant, service, operator } = await setup();
    await seed(tenant, service, Array.from({ length: 101 }, () => ({})));
    const page = await listInbox({ tenantId: tenant.id, staffUserId: operator.id, limit: 1000, now: NOW });
    expect(page.items).toHaveLength(100);
    expect(page.nextCursor).not.toBeNull();
  });
});

describe("countsByStatus", () => {
  it("counts each status under the other filters, ignoring any status filter", async () => {
    const { tenant, service, operator } = await setup();
    const other = await createTestService({ tenantId: tenant.id });
    await seed(tenant, service, [
      { status: 3000 },
      { status: 3000 },
      { status: 4000, assignedStaffId: operator.id, dueDate: daysAgo(1) },
      { status: 7000, dueDate: daysAgo(1) },
      { status: 1000 },
    ]);
    await seed(tenant, other, [{ status: 3000 }, { status: 4000, assignedStaffId: operator.id }]);
    const scope = { tenantId: tenant.id, staffUserId: operator.id, now: NOW };
    const pairs = async (filters: TInboxFilters) => (await countsByStatus({ ...scope, filters })).map((c) => [c.status, c.count]);

    expect(await pairs({})).toEqual([
      [3000, 3],
      [4000, 2],
      [7000, 1],
    ]);
    expect(await pairs({ serviceId: service.id, status: [7000] })).toEqual([
      [3000, 2],
      [4000, 1],
      [7000, 1],
    ]);
    expect(await pairs({ assigned: "me" })).toEqual([[4000, 2]]);
    expect(await pairs({ overdue: true })).toEqual([[4000, 1]]);
    expect((await countsByStatus({ ...scope })).find((c) => c.status === 4000)?.statusLabelKey).toBe("status.TAKEN_IN_CHARGE");
  });
});
