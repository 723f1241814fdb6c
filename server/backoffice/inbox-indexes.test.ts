import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { OPEN_STATUSES } from "./inbox";

// The inbox's hand-written indexes (migration 20261123043617_work_messages_groups) and the SQL
// they are written for must agree. PostgreSQL uses a partial index only when the query's
// condition implies the index's predicate: if OPEN_STATUSES gained or lost a status and the
// index did not, overdue lists would silently fall back to scanning years of closed applications.

async function indexDefinition(name: string): Promise<string> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ indexdef: string }[]>`
    SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ${name}`;
  expect(rows, `index ${name}`).toHaveLength(1);
  return rows[0]!.indexdef;
}

/** The statuses of a partial index's predicate, which PostgreSQL prints as
 * WHERE (status = ANY (ARRAY[1900, 2000, …])). */
function predicateStatuses(def: string): number[] {
  const predicate = /\bWHERE\s+(.*)$/s.exec(def)?.[1] ?? "";
  expect(predicate).toMatch(/^\(status = ANY \(ARRAY\[[\d, ]+\]\)\)$/);
  return [...predicate.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

describe("the inbox's hand-written indexes", () => {
  it("the overdue index's predicate lists exactly the statuses the overdue filter asks for", async () => {
    const def = await indexDefinition("hand_Application_tenant_open_due_idx");
    expect(predicateStatuses(def)).toEqual(OPEN_STATUSES);
    expect(def).toContain('("tenantId", "dueDate", id) INCLUDE (status)');
  });

  it("the overdue-by-submission index's predicate lists the same statuses, and it holds the due date", async () => {
    const def = await indexDefinition("hand_Application_tenant_open_submitted_idx");
    expect(predicateStatuses(def)).toEqual(OPEN_STATUSES);
    // The due date in the index: the overdue page's ids are picked without reading the table.
    expect(def).toContain('("tenantId", "submittedAt", id) INCLUDE ("dueDate")');
  });

  it("the name index serves lower(applicantName) LIKE 'prefix%' within a municipality", async () => {
    const def = await indexDefinition("hand_Application_tenant_lower_name_idx");
    // Status and name included: the counts per status of a name search read the index alone.
    expect(def).toContain('("tenantId", lower("applicantName") text_pattern_ops, id) INCLUDE (status, "applicantName")');
  });
});
