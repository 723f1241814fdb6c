import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/en/applications.json";
import it_ from "@/server/i18n/messages/it/applications.json";
import { APPLICATION_STATUS, statusGroup, statusLabelKey, STATUS_CODES_BY_GROUP } from "./status";

describe("application statuses", () => {
  it("keeps the reference platform's codes", () => {
    expect(APPLICATION_STATUS).toMatchObject({ DRAFT: 1000, SUBMITTED: 1900, REGISTERED: 3000, ACCEPTED: 7000, REJECTED: 9000, WITHDRAWN: 20000 });
  });

  it("has a timeline label in Italian and English for every code", () => {
    for (const code of Object.values(APPLICATION_STATUS)) {
      const key = statusLabelKey(code).replace(/^status\./, "") as keyof typeof it_.status;
      expect(it_.status[key], `it ${code}`).toBeTruthy();
      expect(en.status[key], `en ${code}`).toBeTruthy();
    }
    expect(statusLabelKey(1234)).toBe("status.UNKNOWN");
  });

  it("groups drafts, applications in progress and closed ones for the personal area", () => {
    expect(statusGroup(1000)).toBe("draft");
    expect([1900, 3000, 4100, 6000].map(statusGroup)).toEqual(["inProgress", "inProgress", "inProgress", "inProgress"]);
    expect([7000, 9000, 20000, 50000].map(statusGroup)).toEqual(["closed", "closed", "closed", "closed"]);
    const all = [...STATUS_CODES_BY_GROUP.draft, ...STATUS_CODES_BY_GROUP.inProgress, ...STATUS_CODES_BY_GROUP.closed];
    expect(all.sort()).toEqual(Object.values(APPLICATION_STATUS).sort());
  });
});
