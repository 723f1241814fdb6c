import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/server/db/client";
import { createTenant } from "@/server/test/factories";
import { createJobClient } from "./client";
import { defineJob } from "./define";
import { INNGEST_RELAY_JOB_ID } from "./providers/inngest/relay-payload";
import { uniqueJobId } from "./testing";

// Open (and migrate) the database under the hook timeout, not a test's.
beforeAll(async () => {
  await db();
});

function receiptJobs(event: string) {
  const notify = defineJob({
    id: uniqueJobId("notify"),
    name: "notify",
    trigger: { event },
    schema: z.object({ applicationId: z.string(), email: z.email() }),
    maxAttempts: 7,
    handler: async () => {},
  });
  const archive = defineJob({
    id: uniqueJobId("archive"),
    name: "archive",
    trigger: { event },
    schema: z.object({ applicationId: z.string() }),
    handler: async () => {},
  });
  return { notify, archive };
}

async function rowsFor(names: string[]) {
  return (await db()).backgroundJob.findMany({ where: { name: { in: names } }, orderBy: { name: "asc" } });
}

describe("triggerJob (local provider)", () => {
  it("enqueues one job per job listening to the event, with its maxAttempts", async () => {
    const event = uniqueJobId("application.submitted");
    const { notify, archive } = receiptJobs(event);
    const client = createJobClient({ definitions: [notify, archive], provider: "local" });
    await client.triggerJob(event, { applicationId: "A1", email: "mario@example.test" });

    const rows = await rowsFor([notify.id, archive.id]);
    expect(rows.map((r) => [r.name, r.status, r.maxAttempts])).toEqual(
      [[notify.id, "PENDING", 7], [archive.id, "PENDING", 5]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(rows[0]!.payload).toEqual({ applicationId: "A1", email: "mario@example.test" });
  });

  it("rejects a payload that any listening job would refuse, and enqueues nothing", async () => {
    const event = uniqueJobId("application.submitted");
    const { notify, archive } = receiptJobs(event);
    const client = createJobClient({ definitions: [notify, archive], provider: "local" });
    await expect(client.triggerJob(event, { applicationId: "A1", email: "not-an-email" })).rejects.toThrow(
      /Invalid payload for job ".*notify/,
    );
    await expect(client.triggerJob(event, "A1")).rejects.toThrow(/must be a JSON object/);
    expect(await rowsFor([notify.id, archive.id])).toHaveLength(0);
  });

  it("refuses an event no job listens to (a typo would otherwise drop work silently)", async () => {
    const client = createJobClient({ definitions: [], provider: "local" });
    await expect(client.triggerJob("application.submited", {})).rejects.toThrow(/No job listens/);
  });

  it("enqueues inside the caller's transaction: rolled back, no job; committed, the job", async () => {
    const event = uniqueJobId("tenant.created");
    const { archive } = receiptJobs(event);
    const client = createJobClient({ definitions: [archive], provider: "local" });
    const prisma = await db();
    const slug = uniqueJobId("comune").replaceAll(".", "-");

    await expect(
      prisma.$transaction(async (tx) => {
        await tx.tenant.create({ data: { slug, name: "Comune", protocolPrefix: "X" } });
        await client.triggerJob(event, { applicationId: "rolled-back" }, { tx });
        throw new Error("validation failed after the write");
      }),
    ).rejects.toThrow("validation failed");
    expect(await rowsFor([archive.id])).toHaveLength(0);
    expect(await prisma.tenant.findUnique({ where: { slug } })).toBeNull();

    await prisma.$transaction(async (tx) => {
      await tx.tenant.create({ data: { slug, name: "Comune", protocolPrefix: "X" } });
      await client.triggerJob(event, { applicationId: "committed" }, { tx });
    });
    const rows = await rowsFor([archive.id]);
    expect(rows.map((r) => r.payload)).toEqual([{ applicationId: "committed" }]);
  });

  it("enqueues once per dedupe key, without aborting the caller's transaction", async () => {
    const event = uniqueJobId("application.submitted");
    const { archive } = receiptJobs(event);
    const client = createJobClient({ definitions: [archive], provider: "local" });
    const tenant = await createTenant();
    const prisma = await db();
    await client.triggerJob(event, { applicationId: "A1" }, { dedupeKey: "A1" });
    await prisma.$transaction(async (tx) => {
      await client.triggerJob(event, { applicationId: "A1" }, { tx, dedupeKey: "A1" });
      await tx.tenant.update({ where: { id: tenant.id }, data: { area: "still writable" } });
    });
    expect(await rowsFor([archive.id])).toHaveLength(1);
    expect((await prisma.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).area).toBe("still writable");
  });

  it("delays a job until runAt", async () => {
    const event = uniqueJobId("reminder.due");
    const { archive } = receiptJobs(event);
    const runAt = new Date(Date.now() + 3_600_000);
    await createJobClient({ definitions: [archive], provider: "local" }).triggerJob(event, { applicationId: "A1" }, { runAt });
    expect((await rowsFor([archive.id]))[0]!.runAt.getTime()).toBe(runAt.getTime());
  });
});

describe("triggerJob (inngest provider)", () => {
  it("writes one outbox row per event for the relay, validated like the local provider", async () => {
    const event = uniqueJobId("application.submitted");
    const { notify, archive } = receiptJobs(event);
    const client = createJobClient({ definitions: [notify, archive], provider: "inngest" });
    await expect(client.triggerJob(event, { applicationId: "A1" })).rejects.toThrow(/Invalid payload/);

    const dedupeKey = uniqueJobId("A1");
    await client.triggerJob(event, { applicationId: "A1", email: "mario@example.test" }, { dedupeKey });
    await client.triggerJob(event, { applicationId: "A1", email: "mario@example.test" }, { dedupeKey });
    const prisma = await db();
    expect(await rowsFor([notify.id, archive.id])).toHaveLength(0);
    const relays = await prisma.backgroundJob.findMany({ where: { name: INNGEST_RELAY_JOB_ID, payload: { path: ["event"], equals: event } } });
    expect(relays).toHaveLength(1);
    expect(relays[0]!.payload).toEqual({
      eventId: `${event}:${dedupeKey}`,
      event,
      data: { applicationId: "A1", email: "mario@example.test" },
    });
  });
});
