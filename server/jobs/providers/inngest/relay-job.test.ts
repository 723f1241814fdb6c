import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/server/db/client";
import { createJobClient } from "../../client";
import { defineJob } from "../../define";
import { silentJobLogger } from "../../logger";
import { uniqueJobId } from "../../testing";
import { runJobNow } from "../local/run-due-jobs";
import { inngest } from "./client";
import { inngestRelayJob } from "./relay-job";

// Open (and migrate) the database under the hook timeout, not a test's.
beforeAll(async () => {
  await db();
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function relayRowsFor(event: string) {
  return (await db()).backgroundJob.findMany({ where: { name: inngestRelayJob.id, payload: { path: ["event"], equals: event } } });
}

describe("Inngest relay", () => {
  it("forwards an outbox row to Inngest, keeping it until Inngest accepts the event", async () => {
    const event = uniqueJobId("application.submitted");
    const listener = defineJob({ id: uniqueJobId("notify"), name: "notify", trigger: { event }, schema: z.object({ id: z.string() }), handler: async () => {} });
    await createJobClient({ definitions: [listener], provider: "inngest" }).triggerJob(event, { id: "A1" }, { dedupeKey: "A1" });

    const [row] = await relayRowsFor(event);
    const send = vi.spyOn(inngest, "send").mockRejectedValueOnce(new Error("fetch failed")).mockResolvedValue({ ids: ["01J"] });
    const opts = { definitions: [inngestRelayJob], logger: silentJobLogger };

    // Inngest unreachable: the row stays, to be retried.
    expect(await runJobNow(row!.id, opts)).toBe("retry");
    expect((await relayRowsFor(event))[0]).toMatchObject({ status: "FAILED", lastError: expect.stringContaining("fetch failed") });

    expect(await runJobNow(row!.id, opts)).toBe("completed");
    expect(send).toHaveBeenLastCalledWith({ id: `${event}:A1`, name: event, data: { id: "A1" } });
    expect((await relayRowsFor(event))[0]!.status).toBe("COMPLETED");
  });
});
