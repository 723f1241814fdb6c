import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "../../define";
import { inngest } from "./client";
import { createInngestFunction } from "./functions";

// The same definition the local worker runs, executed through Inngest's own step machinery.
// The test engine cannot let time pass: a sleep is resolved by mocking its step.
const sleepOver = { id: "grace-period", handler: () => null };

function receiptJob(effects: string[]) {
  return defineJob({
    id: "test.send-receipt",
    name: "Send receipt",
    trigger: { event: "application.submitted" },
    schema: z.object({ applicationId: z.string(), email: z.email() }),
    maxAttempts: 4,
    handler: async ({ payload, step, attempt }) => {
      const message = await step.run("render", async () => {
        effects.push(`render ${payload.applicationId} (attempt ${attempt})`);
        return { subject: `Ricevuta ${payload.applicationId}` };
      });
      await step.sleep("grace-period", 60_000);
      await step.run("send", async () => {
        effects.push(`send "${message.subject}" to ${payload.email}`);
      });
    },
  });
}

describe("Inngest provider", () => {
  it("runs a definition's steps as Inngest steps", async () => {
    const effects: string[] = [];
    const t = new InngestTestEngine({ function: createInngestFunction(inngest, receiptJob(effects)) });
    const { error, ctx } = await t.execute({
      events: [{ name: "application.submitted", data: { applicationId: "A1", email: "mario@example.test" } }],
      steps: [sleepOver],
    });
    expect(error).toBeUndefined();
    expect(effects).toEqual(["render A1 (attempt 1)", 'send "Ricevuta A1" to mario@example.test']);
    expect(ctx.step.run).toHaveBeenCalledWith("render", expect.any(Function));
    expect(ctx.step.sleep).toHaveBeenCalledWith("grace-period", 60_000);
    expect(ctx.step.run).toHaveBeenCalledWith("send", expect.any(Function));
  });

  it("hands the sleep to Inngest instead of waiting in the handler", async () => {
    const effects: string[] = [];
    const t = new InngestTestEngine({ function: createInngestFunction(inngest, receiptJob(effects)) });
    const { step } = await t.executeStep("grace-period", {
      events: [{ name: "application.submitted", data: { applicationId: "A4", email: "luca@example.test" } }],
    });
    // Inngest stores the duration as the op name: 60 000 ms → "1m".
    expect(step).toMatchObject({ op: "Sleep", displayName: "grace-period", name: "1m" });
    expect(effects).toEqual(["render A4 (attempt 1)"]);
  });

  it("reuses a memoised step result instead of running the step again", async () => {
    const effects: string[] = [];
    const t = new InngestTestEngine({ function: createInngestFunction(inngest, receiptJob(effects)) });
    await t.execute({
      events: [{ name: "application.submitted", data: { applicationId: "A2", email: "anna@example.test" } }],
      steps: [{ id: "render", handler: () => ({ subject: "Ricevuta memorizzata" }) }, sleepOver],
    });
    expect(effects).toEqual(['send "Ricevuta memorizzata" to anna@example.test']);
  });

  it("fails a run with a bad payload without retrying it", async () => {
    const effects: string[] = [];
    const t = new InngestTestEngine({ function: createInngestFunction(inngest, receiptJob(effects)) });
    const { error } = await t.execute({ events: [{ name: "application.submitted", data: { applicationId: "A3" } }] });
    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect(effects).toEqual([]);
  });

  it("maps triggers and attempts to Inngest's configuration", () => {
    const effects: string[] = [];
    const fn = createInngestFunction(inngest, receiptJob(effects));
    const cron = createInngestFunction(
      inngest,
      defineJob({ id: "test.nightly", name: "Nightly", trigger: { cron: "TZ=Europe/Rome 15 3 * * *" }, schema: z.object({}), handler: async () => {} }),
    );
    const [config] = fn["getConfig"]({ baseUrl: new URL("http://localhost/api/inngest"), appPrefix: "sportello" });
    const [cronConfig] = cron["getConfig"]({ baseUrl: new URL("http://localhost/api/inngest"), appPrefix: "sportello" });
    expect(config).toMatchObject({ id: "sportello-test.send-receipt", triggers: [{ event: "application.submitted" }] });
    expect(config!.steps.step.retries).toEqual({ attempts: 3 });
    expect(cronConfig).toMatchObject({ triggers: [{ cron: "TZ=Europe/Rome 15 3 * * *" }] });
  });
});
