import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/server/db/client";
import { defineJob } from "../../define";
import { silentJobLogger } from "../../logger";
import { uniqueJobId } from "../../testing";
import { createCronScheduler } from "./cron-scheduler";

// Open (and migrate) the database under the hook timeout, not a test's.
beforeAll(async () => {
  await db();
});

function everyFiveMinutes() {
  const id = uniqueJobId("report");
  return defineJob({ id, name: "report", trigger: { cron: "*/5 * * * *" }, schema: z.object({}), handler: async () => {} });
}

const at = (hhmmss: string) => new Date(`2030-01-01T${hhmmss}.000Z`);

async function enqueued(name: string) {
  const rows = await (await db()).backgroundJob.findMany({ where: { name }, orderBy: { runAt: "asc" } });
  return rows.map((r) => r.runAt.toISOString());
}

describe("cron scheduler", () => {
  it("fires a slot once when two app instances tick at the same time", async () => {
    const def = everyFiveMinutes();
    const prisma = await db();
    const a = createCronScheduler(prisma, [def], silentJobLogger);
    const b = createCronScheduler(prisma, [def], silentJobLogger);
    // First start on a fresh database: no past slot fires.
    expect(await a.tick(at("10:02:00"))).toBe(0);
    expect(await b.tick(at("10:02:00"))).toBe(0);

    const fired = await Promise.all([a.tick(at("10:05:00")), b.tick(at("10:05:00"))]);
    expect(fired[0]! + fired[1]!).toBe(1);
    expect(await enqueued(def.id)).toEqual(["2030-01-01T10:05:00.000Z"]);
    expect(await prisma.cronSlot.count({ where: { jobName: def.id } })).toBe(1);
  });

  it("fires only the latest missed slot after downtime, and nothing already fired after a restart", async () => {
    const def = everyFiveMinutes();
    const prisma = await db();
    const before = createCronScheduler(prisma, [def], silentJobLogger);
    await before.tick(at("10:02:00"));
    await before.tick(at("10:05:01"));

    // The app was down from 10:06 to 10:31: five slots missed.
    const restarted = createCronScheduler(prisma, [def], silentJobLogger);
    expect(await restarted.tick(at("10:31:00"))).toBe(1);
    expect(await restarted.tick(at("10:32:00"))).toBe(0);
    expect(await enqueued(def.id)).toEqual(["2030-01-01T10:05:00.000Z", "2030-01-01T10:30:00.000Z"]);

    const again = createCronScheduler(prisma, [def], silentJobLogger);
    expect(await again.tick(at("10:33:00"))).toBe(0);
    expect(await again.tick(at("10:35:00"))).toBe(1);
  });

  it("reads the time zone the way Inngest writes it", async () => {
    const id = uniqueJobId("nightly");
    const def = defineJob({ id, name: "nightly", trigger: { cron: "TZ=Europe/Rome 15 3 * * *" }, schema: z.object({}), handler: async () => {} });
    const scheduler = createCronScheduler(await db(), [def], silentJobLogger);
    await scheduler.tick(at("01:00:00"));
    // 03:15 in Rome is 02:15 UTC in winter.
    expect(await scheduler.tick(at("02:14:59"))).toBe(0);
    expect(await scheduler.tick(at("02:15:00"))).toBe(1);
    expect(await enqueued(id)).toEqual(["2030-01-01T02:15:00.000Z"]);
  });
});
