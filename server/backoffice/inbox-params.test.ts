import { describe, expect, it } from "vitest";
import { inboxHref, inboxQueryFromParams, readInboxParams, startOfRomeDay } from "./inbox-params";

// The inbox URL: what a shared link asks for, and links that never carry a stale page cursor.

describe("inbox URL parameters", () => {
  it("reads Italian calendar days as Rome's midnights, in winter and in summer time", () => {
    expect(startOfRomeDay("2026-11-23")?.toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(startOfRomeDay("2026-07-01")?.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    // The day the clocks go forward starts at the winter offset.
    expect(startOfRomeDay("2026-03-29")?.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfRomeDay("2026-12-31", 1)?.toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(startOfRomeDay("2026-02-30")).toBeNull();
    expect(startOfRomeDay("23/11/2026")).toBeNull();
  });

  it("turns the parameters into filters, the sort and the cursor, ignoring what is malformed", () => {
    const params = readInboxParams({
      q: "  Rossi ",
      servizio: "svc-1",
      stato: "4000",
      assegnate: "a-me",
      dal: "2026-11-01",
      al: "2026-11-30",
      scadute: "1",
      ordina: "scadenza",
      pagina: "abc",
    });
    expect(inboxQueryFromParams(params)).toEqual({
      filters: {
        q: "Rossi",
        serviceId: "svc-1",
        status: [4000],
        assigned: "me",
        submittedFrom: new Date("2026-10-31T23:00:00.000Z"),
        submittedTo: new Date("2026-11-30T23:00:00.000Z"),
        overdue: true,
      },
      sort: "dueDate_asc",
      cursor: "abc",
    });
    const junk = readInboxParams({ stato: ["1000", "4000"], assegnate: "chiunque", dal: "ieri", ordina: "x", scadute: "sì" });
    expect(inboxQueryFromParams(junk)).toEqual({ filters: {}, sort: "submittedAt_desc", cursor: null });
  });

  it("drops the page cursor whenever a link changes anything else", () => {
    const current = readInboxParams({ q: "rossi", stato: "3000", pagina: "cursor" });
    expect(inboxHref("/t/backoffice/domande", current, { stato: "4000" })).toBe("/t/backoffice/domande?q=rossi&stato=4000");
    expect(inboxHref("/t/backoffice/domande", current, { pagina: "next" })).toBe("/t/backoffice/domande?q=rossi&stato=3000&pagina=next");
    expect(inboxHref("/t/backoffice/domande", readInboxParams({}), {})).toBe("/t/backoffice/domande");
  });
});
