import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, dbKind } from "@/server/db/client";
import { defineJob } from "@/server/jobs/define";
import { applicationSubmittedJob } from "@/server/jobs/definitions/application-submitted";
import { createCitizen, createTenant } from "@/server/test/factories";
import { createDraft, saveDraft } from "./drafts";
import { assignProtocolNumber } from "./protocol";
import { APPLICATION_STATUS } from "./status";
import { submitApplication } from "./submit";
import { createTestService, runTenantApplicationJobs, testValidator } from "./testing";

// The emergency-day guarantee: many citizens submitting at once get one application each and
// consecutive protocol numbers with no gap and no duplicate. The queued application.submitted
// jobs are run by eight workers in parallel (row-lock contention on the counter), with the job's
// own protocol step only: the receipt, email and message steps cost ~150 ms of CPU each on this
// 2-core machine (PDF rendering) and are covered end to end in registration.test.ts.
// Embedded PGlite runs every query of the process one at a time, so parallelism there proves
// little: it runs 50 to keep the file fast.

const protocolOnlyJob = defineJob({
  ...applicationSubmittedJob,
  handler: async ({ payload, step }) => {
    await step.run("assign-protocol-number", async () => {
      const r = await assignProtocolNumber(payload);
      return r && { protocolNumber: r.protocolNumber, assigned: r.assigned };
    });
  },
});

describe("concurrent submissions", () => {
  it("gives N parallel submissions N applications with protocol numbers 1..N", async () => {
    const n = (await dbKind()) === "postgres" ? 200 : 50;
    const tenant = await createTenant();
    const service = await createTestService({ tenantId: tenant.id });
    const citizens = await Promise.all(Array.from({ length: n }, () => createCitizen()));
    const drafts = await Promise.all(
      citizens.map(async (c) => {
        const applicant = { kind: "citizen" as const, citizenId: c.id };
        const { application } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant });
        await saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: `Cittadino ${c.id}` } });
        return { applicationId: application.id, applicant, submissionKey: randomUUID() };
      }),
    );

    const started = performance.now();
    const results = await Promise.all(
      drafts.map((d) =>
        submitApplication({ tenantId: tenant.id, ...d, validate: testValidator }),
      ),
    );
    const submitMs = performance.now() - started;
    expect(results.every((r) => !r.replayed)).toBe(true);

    // Eight workers, as eight app instances would: they contend for the counter row.
    const jobsStarted = performance.now();
    const outcomes = await runTenantApplicationJobs(tenant.id, { definition: protocolOnlyJob, workers: 8 });
    expect(outcomes).toEqual(Array.from({ length: n }, () => "completed"));

    const prisma = await db();
    const apps = await prisma.application.findMany({ where: { tenantId: tenant.id }, select: { status: true, protocolSeq: true, protocolNumber: true } });
    expect(apps).toHaveLength(n);
    expect(apps.every((a) => a.status === APPLICATION_STATUS.REGISTERED)).toBe(true);
    expect(apps.map((a) => a.protocolSeq).sort((a, b) => a! - b!)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(new Set(apps.map((a) => a.protocolNumber)).size).toBe(n);
    const jobsMs = performance.now() - jobsStarted;

    // Replaying every submission (a retry after a lost answer) creates nothing new.
    const replays = await Promise.all(drafts.map((d) => submitApplication({ tenantId: tenant.id, ...d, validate: testValidator })));
    expect(replays.every((r) => r.replayed)).toBe(true);
    expect(await prisma.application.count({ where: { tenantId: tenant.id } })).toBe(n);
    expect(await prisma.applicationStatusChange.count({ where: { tenantId: tenant.id, toStatus: APPLICATION_STATUS.SUBMITTED } })).toBe(n);
    console.log(`${n} parallel submissions in ${Math.round(submitMs)} ms, protocol jobs in ${Math.round(jobsMs)} ms (${await dbKind()})`);
  }, 180_000);
});
