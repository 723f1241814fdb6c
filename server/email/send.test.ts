import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { sendEmailJob, SEND_EMAIL_MAX_ATTEMPTS } from "@/server/jobs/definitions/send-email";
import type { TJobStep } from "@/server/jobs/define";
import { silentJobLogger } from "@/server/jobs/logger";
import { createTenant } from "@/server/test/factories";
import { listReceivedMail } from "./mailbox";
import { queueEmail } from "./send";
import { startSmtpSink, type TSmtpSink } from "./sink";
import { smtpUrl } from "./transport";

// queueEmail → email.send job → SMTP → the development sink, against the real database.
// The job handler is called directly (attempt by attempt), as the job system would.

let mailDir: string;
let sink: TSmtpSink | null = null;
const queued: string[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startSink() {
  sink = await startSmtpSink({ port, dir: mailDir });
}

const step: TJobStep = { run: (_id, fn) => fn(), sleep: async () => {} };

function runJob(emailId: string, attempt: number) {
  return sendEmailJob.handler({ payload: { emailId }, step, attempt, jobId: `test-${emailId}`, log: silentJobLogger });
}

async function queueTestEmail(tenantId: string, to: string) {
  const { id } = await queueEmail({
    tenantId,
    to,
    template: "test-email",
    props: { requestedBy: "Giulia Verdi", requestedAt: new Date().toISOString() },
  });
  queued.push(id);
  return id;
}

async function emailRow(id: string) {
  return (await db()).outboundEmail.findUniqueOrThrow({ where: { id } });
}

// Set before anything reads the configuration (the test setup opens the database in a hook).
const port = await freePort();
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;

beforeAll(() => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "sportello-mail-"));
});

afterEach(async () => {
  await sink?.close();
  sink = null;
});

afterAll(async () => {
  // Leave no pending email job behind for another test file's worker (shared PostgreSQL mode).
  const prisma = await db();
  for (const emailId of queued) {
    await prisma.backgroundJob.deleteMany({ where: { name: sendEmailJob.id, payload: { path: ["emailId"], equals: emailId } } });
  }
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe("queued email delivery", () => {
  it("queues the email with its job, then the job delivers it from the municipality's sender", async () => {
    expect(smtpUrl()).toBe(`smtp://127.0.0.1:${port}`);
    const tenant = await createTenant({ name: "Comune di Borgo Prova" });
    await (await db()).tenant.update({ where: { id: tenant.id }, data: { emailFrom: "Comune di Borgo Prova <noreply@borgoprova.example.it>" } });
    await startSink();

    const id = await queueTestEmail(tenant.id, "Ufficio.Anagrafe@Example.test");

    const row = await emailRow(id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 0, to: "Ufficio.Anagrafe@Example.test", subject: "Messaggio di prova da Comune di Borgo Prova" });
    const job = await (await db()).backgroundJob.findFirst({ where: { name: "email.send", payload: { path: ["emailId"], equals: id } } });
    expect(job).toMatchObject({ status: "PENDING", maxAttempts: SEND_EMAIL_MAX_ATTEMPTS });

    await runJob(id, 1);

    const [mail, ...others] = await listReceivedMail({ dir: mailDir, to: "ufficio.anagrafe@example.test" });
    expect(others).toHaveLength(0);
    expect(mail!.subject).toBe("Messaggio di prova da Comune di Borgo Prova");
    expect(mail!.from).toContain("noreply@borgoprova.example.it");
    expect(mail!.text).toContain("La posta elettronica funziona");
    expect(mail!.html).toContain('lang="it"');
    expect(fs.readdirSync(mailDir).filter((f) => f.endsWith(".eml"))).toHaveLength(1);

    const sent = await emailRow(id);
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(sent.messageId).toBe(`<${id}@borgoprova.example.it>`);
    expect(sent.sentAt).not.toBeNull();

    // A duplicate run of the job (e.g. after a lost acknowledgement) sends nothing more.
    await runJob(id, 2);
    expect(await listReceivedMail({ dir: mailDir, to: "ufficio.anagrafe@example.test" })).toHaveLength(1);
  });

  it("keeps the email queued and fails the job while SMTP is down, then delivers it once SMTP is back", async () => {
    const tenant = await createTenant();
    const id = await queueTestEmail(tenant.id, "retry@example.test");

    await expect(runJob(id, 1)).rejects.toThrow(/ECONNREFUSED/);
    expect(await emailRow(id)).toMatchObject({ status: "QUEUED", attempts: 1, sentAt: null });
    expect((await emailRow(id)).lastError).toMatch(/ECONNREFUSED/);

    await startSink();
    await runJob(id, 2);

    expect(await emailRow(id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    const mails = await listReceivedMail({ dir: mailDir, to: "retry@example.test" });
    expect(mails.map((m) => m.subject)).toEqual([`Messaggio di prova da ${tenant.name}`]);
  });

  it("marks the email FAILED, visibly, when its last attempt fails", async () => {
    const tenant = await createTenant();
    const id = await queueTestEmail(tenant.id, "never@example.test");

    await expect(runJob(id, SEND_EMAIL_MAX_ATTEMPTS)).rejects.toThrow();
    expect(await emailRow(id)).toMatchObject({ status: "FAILED", attempts: 1 });
  });

  it("writes neither the email nor its job when the caller's transaction rolls back", async () => {
    const tenant = await createTenant();
    const prisma = await db();
    let id = "";
    await expect(
      prisma.$transaction(async (tx) => {
        ({ id } = await queueEmail({
          tenantId: tenant.id,
          to: "rollback@example.test",
          template: "notification",
          props: { title: "Avviso", paragraphs: ["Testo."] },
          tx,
        }));
        throw new Error("the caller's own write failed");
      }),
    ).rejects.toThrow("the caller's own write failed");

    expect(id).not.toBe("");
    expect(await prisma.outboundEmail.findUnique({ where: { id } })).toBeNull();
    expect(await prisma.backgroundJob.count({ where: { name: "email.send", payload: { path: ["emailId"], equals: id } } })).toBe(0);
  });

  it("refuses an invalid recipient before writing anything", async () => {
    const tenant = await createTenant();
    await expect(
      queueEmail({ tenantId: tenant.id, to: "not-an-address", template: "notification", props: { title: "x", paragraphs: ["y"] } }),
    ).rejects.toThrow();
    expect(await (await db()).outboundEmail.count({ where: { tenantId: tenant.id } })).toBe(0);
  });
});
