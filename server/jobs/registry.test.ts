import { describe, expect, it } from "vitest";
import { createCron } from "./cron";
import { inngest } from "./providers/inngest/client";
import { createInngestFunctions } from "./providers/inngest/functions";
import { INNGEST_RELAY_JOB_ID } from "./providers/inngest/relay-payload";
import { jobRegistry } from "./registry";

// Mistakes in a definition that would otherwise show up only at 03:15 in production.
describe("job registry", () => {
  it("has unique job ids and none reserved for the Inngest relay", () => {
    const ids = jobRegistry.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(INNGEST_RELAY_JOB_ID);
    expect(ids).toContain("jobs.cleanup");
  });

  it("has valid cron expressions and cron jobs that accept their empty payload", () => {
    for (const def of jobRegistry) {
      if (!("cron" in def.trigger)) continue;
      expect(createCron(def.trigger.cron).nextRun(), def.id).toBeInstanceOf(Date);
      expect(def.schema.safeParse({}).success, def.id).toBe(true);
    }
  });

  it("builds one Inngest function per job", () => {
    expect(createInngestFunctions(inngest, jobRegistry)).toHaveLength(jobRegistry.length);
  });
});
