import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_STATUS as S } from "@/server/applications/status";
import { createApplicationInStatus, createTestService, quietJobLogger } from "@/server/applications/testing";
import { applyTransition } from "@/server/applications/transitions";
import { db } from "@/server/db/client";
import { applicationStatusChangedJob } from "@/server/jobs/definitions/application-status-changed";
import { runJobNow } from "@/server/jobs/providers/local/run-due-jobs";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { AppIoError, createAppIoClient } from "./client";
import { fitMarkdown, fitSubject, MARKDOWN_MAX, MARKDOWN_MIN, SUBJECT_MAX } from "./content";
import { readAppIoSink } from "./local-sink";
import { encryptAppIoApiKey, sendAppIoMessage } from "./send";
import { sendStatusChangeToAppIo } from "./status-change";
import { startFakeAppIo } from "./testing";

// App IO notices: the HTTP exchange with IO (against a local stand-in), what is retried and what
// is not, the local sink for municipalities without a key, and the notice of a status change.

const API_KEY = "io-service-key-0123456789abcdef";
const ALLOWED = "RSSMRA80A41H501U";
const BLOCKED = "BNCMRA75C12F205X";
const CONTENT = { subject: "Domanda per «Mensa scolastica»: In lavorazione", markdown: "La tua domanda è in lavorazione. ".repeat(4) };

let io: Awaited<ReturnType<typeof startFakeAppIo>>;
let sinkDir: string;

beforeAll(async () => {
  io = await startFakeAppIo({ apiKey: API_KEY, profiles: { [ALLOWED]: true, [BLOCKED]: false } });
  sinkDir = fs.mkdtempSync(path.join(os.tmpdir(), "sportello-appio-"));
});
afterAll(async () => {
  await io.close();
  fs.rmSync(sinkDir, { recursive: true, force: true });
});

/** A municipality with its IO key stored encrypted, as the settings page would. */
async function tenantWithIoKey() {
  const tenant = await createTenant();
  const prisma = await db();
  return prisma.tenant.update({ where: { id: tenant.id }, data: { appIoApiKey: encryptAppIoApiKey(tenant.id, API_KEY) } });
}

describe("App IO client", () => {
  const client = () => createAppIoClient({ apiKey: API_KEY, baseUrl: io.baseUrl });

  it("checks the profile, then submits the message with the service key", async () => {
    expect(await client().getProfile(ALLOWED.toLowerCase())).toEqual({ senderAllowed: true });
    expect(await client().getProfile(BLOCKED)).toEqual({ senderAllowed: false });
    expect(await client().getProfile("XXXXXX00X00X000X")).toBeNull();

    const dueDate = new Date("2026-05-31T21:59:59.000Z");
    const { id } = await client().submitMessage({ fiscalCode: ALLOWED, ...CONTENT, dueDate });
    expect(id).toMatch(/^01HMSG/);
    const last = io.requests.at(-1)!;
    expect(last).toEqual({
      path: "POST /api/v1/messages",
      apiKey: API_KEY,
      body: { fiscal_code: ALLOWED, content: { subject: CONTENT.subject, markdown: CONTENT.markdown, due_date: "2026-05-31T21:59:59.000Z" } },
    });
    expect(io.requests.find((r) => r.path === "POST /api/v1/profiles")?.body).toEqual({ fiscal_code: ALLOWED });
  });

  it("marks 429, 5xx and no answer as retryable, other 4xx as permanent", async () => {
    const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppIoError);

    io.answerNextMessage(429);
    expect(await errorOf(client().submitMessage({ fiscalCode: ALLOWED, ...CONTENT }))).toMatchObject({ status: 429, retryable: true });
    io.answerNextMessage(503, { title: "Service unavailable" });
    expect(await errorOf(client().submitMessage({ fiscalCode: ALLOWED, ...CONTENT }))).toMatchObject({ status: 503, retryable: true });
    io.answerNextMessage(400, { title: "Invalid payload", detail: "value [short] at [root.0.content.subject] is not a valid string with length 10-120", status: 400 });
    const invalid = await errorOf(client().submitMessage({ fiscalCode: ALLOWED, ...CONTENT }));
    expect(invalid).toMatchObject({ status: 400, retryable: false });
    expect(invalid!.detail).toContain("length 10-120");

    const wrongKey = createAppIoClient({ apiKey: "wrong", baseUrl: io.baseUrl });
    expect(await errorOf(wrongKey.getProfile(ALLOWED))).toMatchObject({ status: 401, retryable: false });
    const nobody = createAppIoClient({ apiKey: API_KEY, baseUrl: "http://127.0.0.1:9/api/v1", timeoutMs: 2000 });
    expect(await errorOf(nobody.getProfile(ALLOWED))).toMatchObject({ status: null, retryable: true });
  });
});

describe("App IO message content", () => {
  it("fits subject and body to IO's limits", () => {
    expect(fitSubject("Esito", "Comune di Esempio")).toBe("Esito · Comune di Esempio");
    const long = fitSubject(`Domanda per «${"Contributo ".repeat(20)}»: Accolta`, "Comune di Esempio");
    expect(long).toHaveLength(SUBJECT_MAX);
    expect(long.endsWith("…")).toBe(true);

    const short = fitMarkdown({ paragraphs: ["Ok."], signature: "Comune di X" });
    expect(short.length).toBeGreaterThanOrEqual(MARKDOWN_MIN);
    expect(short.startsWith("Ok.\n\n_Comune di X_")).toBe(true);

    const huge = fitMarkdown({ paragraphs: ["a".repeat(20_000)], link: { label: "Vedi la tua domanda", url: "https://x.test/d/1" }, signature: "Comune di X" });
    expect(huge).toHaveLength(MARKDOWN_MAX);
    expect(huge.endsWith("…\n\n[Vedi la tua domanda](https://x.test/d/1)\n\n_Comune di X_")).toBe(true);

    // An operator's text stays text.
    expect(fitMarkdown({ paragraphs: ["# Nota: *urgente* [qui](x)\n- 1. voce"], signature: "Comune di X" })).toContain("\\# Nota: \\*urgente\\* \\[qui\\](x)\n\\- 1. voce");
  });
});

describe("sending for a municipality", () => {
  it("sends through IO with the municipality's decrypted key, when the citizen accepts its messages", async () => {
    const tenant = await tenantWithIoKey();
    const deps = { client: { baseUrl: io.baseUrl }, sinkDir };
    expect(await sendAppIoMessage({ tenantId: tenant.id, fiscalCode: ALLOWED, ...CONTENT }, deps)).toMatchObject({ channel: "io", status: "sent" });
    expect(await sendAppIoMessage({ tenantId: tenant.id, fiscalCode: BLOCKED, ...CONTENT }, deps)).toEqual({ channel: "io", status: "notAllowed" });
    expect(await sendAppIoMessage({ tenantId: tenant.id, fiscalCode: "XXXXXX00X00X000X", ...CONTENT }, deps)).toEqual({ channel: "io", status: "notRegistered" });

    io.answerNextMessage(400, { title: "Invalid payload", status: 400 });
    expect(await sendAppIoMessage({ tenantId: tenant.id, fiscalCode: ALLOWED, ...CONTENT }, deps)).toEqual({ channel: "io", status: "rejected", httpStatus: 400, detail: "Invalid payload" });
    io.answerNextMessage(429);
    await expect(sendAppIoMessage({ tenantId: tenant.id, fiscalCode: ALLOWED, ...CONTENT }, deps)).rejects.toMatchObject({ retryable: true });

    // A key copied from another municipality's row does not decrypt there.
    const other = await createTenant();
    const prisma = await db();
    await prisma.tenant.update({ where: { id: other.id }, data: { appIoApiKey: tenant.appIoApiKey } });
    expect(await sendAppIoMessage({ tenantId: other.id, fiscalCode: ALLOWED, ...CONTENT }, deps)).toEqual({ channel: "io", status: "keyUnreadable" });
    expect(await readAppIoSink(sinkDir)).toEqual([]);
  });

  it("writes to the local sink when the municipality has no key, and skips applicants without a fiscal code", async () => {
    const tenant = await createTenant();
    const before = io.requests.length;
    const result = await sendAppIoMessage({ tenantId: tenant.id, fiscalCode: ALLOWED, ...CONTENT }, { sinkDir });
    expect(result).toMatchObject({ channel: "sink", status: "written" });
    expect(await sendAppIoMessage({ tenantId: tenant.id, fiscalCode: null, ...CONTENT }, { sinkDir })).toEqual({ channel: "none", status: "noFiscalCode" });

    const entries = (await readAppIoSink(sinkDir)).filter((e) => e.tenantId === tenant.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.message).toEqual({ fiscal_code: ALLOWED, content: { subject: CONTENT.subject, markdown: CONTENT.markdown } });
    expect(io.requests.length).toBe(before);
  });
});

describe("status change notices on App IO", () => {
  it("sends the area message's text with the integration deadline as due date", async () => {
    const tenant = await tenantWithIoKey();
    const service = await createTestService({ tenantId: tenant.id });
    const citizen = await createCitizen();
    const staff = (await createStaff({ tenantId: tenant.id })).user;
    const app = await createApplicationInStatus({ tenantId: tenant.id, service, status: S.TAKEN_IN_CHARGE, citizenId: citizen.id, protocolNumber: "ESE-2026-0000042" });
    const deadline = new Date("2026-06-30T21:59:59.000Z");
    const prisma = await db();
    await prisma.integrationRequest.create({ data: { tenantId: tenant.id, applicationId: app.id, message: "Allega l'ISEE 2026.", deadline } });
    const { statusChange } = await applyTransition({
      tenantId: tenant.id,
      applicationId: app.id,
      action: "requestIntegration",
      actor: { kind: "staff", id: staff.id, role: "OPERATOR" },
      reason: "Allega l'attestazione *ISEE* 2026.",
      expectedVersion: 0,
    });

    const fake = await startFakeAppIo({ apiKey: API_KEY, profiles: { [citizen.fiscalCode]: true } });
    try {
      const ref = { tenantId: tenant.id, statusChangeId: statusChange.id, action: "requestIntegration" };
      expect(await sendStatusChangeToAppIo(ref, { client: { baseUrl: fake.baseUrl } })).toMatchObject({ channel: "io", status: "sent" });
      const sent = fake.requests.find((r) => r.path === "POST /api/v1/messages")!.body as { fiscal_code: string; content: { subject: string; markdown: string; due_date: string } };
      expect(sent.fiscal_code).toBe(citizen.fiscalCode);
      expect(sent.content.subject).toBe(`Domanda per «${service.name}»: Il Comune ti chiede altri documenti o informazioni`);
      expect(sent.content.markdown).toContain("Ecco cosa ti chiede il Comune: Allega l'attestazione \\*ISEE\\* 2026.");
      expect(sent.content.markdown).toContain(`/area-personale/domande/${app.id})`);
      expect(sent.content.markdown).toContain(`_Messaggio inviato da ${tenant.name}`);
      expect(sent.content.due_date).toBe(deadline.toISOString());
    } finally {
      await fake.close();
    }
  });

  it("is a step of the status change job: the sink receives it when the municipality has no key", async () => {
    const tenant = await createTenant();
    const service = await createTestService({ tenantId: tenant.id });
    const citizen = await createCitizen();
    const staff = (await createStaff({ tenantId: tenant.id })).user;
    const app = await createApplicationInStatus({ tenantId: tenant.id, service, status: S.REGISTERED, citizenId: citizen.id, protocolNumber: "ESE-2026-0000043" });
    const { statusChange } = await applyTransition({
      tenantId: tenant.id,
      applicationId: app.id,
      action: "takeInCharge",
      actor: { kind: "staff", id: staff.id, role: "OPERATOR" },
      expectedVersion: 0,
    });
    const prisma = await db();
    const job = await prisma.backgroundJob.findFirstOrThrow({ where: { dedupeKey: `${applicationStatusChangedJob.id}:${statusChange.id}` } });
    expect(await runJobNow(job.id, { definitions: [applicationStatusChangedJob], logger: quietJobLogger })).toBe("completed");

    const step = await prisma.backgroundJobStep.findFirstOrThrow({ where: { jobId: job.id, stepId: "send-app-io" } });
    expect(step.result).toMatchObject({ channel: "sink", status: "written" });
    const entry = (await readAppIoSink()).find((e) => e.id === (step.result as { sinkId: string }).sinkId);
    expect(entry?.message.fiscal_code).toBe(citizen.fiscalCode);
    expect(entry?.message.content.subject).toBe(`Domanda per «${service.name}»: In lavorazione`);
  });
});
