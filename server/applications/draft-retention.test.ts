import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import type { TJobStep } from "@/server/jobs/define";
import { silentJobLogger } from "@/server/jobs/logger";
import { createLocalDiskStorage } from "@/server/storage/local-disk";
import { createCitizen, createTenant } from "@/server/test/factories";
import type { TApplicant } from "./applicant";
import { runDraftRetention } from "./draft-retention";
import { createDraft, saveDraft } from "./drafts";
import { APPLICATION_STATUS } from "./status";
import { createTestService } from "./testing";

const DAY = 24 * 60 * 60 * 1000;
// The run's clock; drafts are dated relative to it. Every run is limited to the test's own
// municipality, so a shared database's other drafts are never touched.
const NOW = new Date("2026-12-01T02:45:00Z");
const days = (n: number, from = NOW) => new Date(from.getTime() + n * DAY);

const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "sportello-retention-"));
const storage = createLocalDiskStorage(filesDir);
afterAll(() => fs.rmSync(filesDir, { recursive: true, force: true }));

beforeAll(async () => {
  await db();
});

/** Steps run inline, as a first attempt of the job would run them. */
const inlineStep: TJobStep = { run: (_id, fn) => fn(), sleep: async () => {} };

function run(tenantId: string, now = NOW, limit?: number) {
  return runDraftRetention({ now, step: inlineStep, tenantId, limit, log: silentJobLogger, storage });
}

async function setup() {
  const tenant = await createTenant();
  const service = await createTestService({ tenantId: tenant.id, accessLevel: "ANONYMOUS_EMAIL" });
  return { tenant, service };
}

async function draftFor(tenantId: string, serviceId: string, applicant: TApplicant, expiresAt: Date) {
  const { application } = await createDraft({ tenantId, serviceId, applicant });
  const prisma = await db();
  await prisma.application.update({ where: { id: application.id }, data: { draftExpiresAt: expiresAt } });
  return application;
}

async function emailsOf(tenantId: string) {
  const prisma = await db();
  const rows = await prisma.outboundEmail.findMany({ where: { tenantId, template: "draft-expiring" }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ to: r.to, subject: r.subject, values: (r.props as { values: Record<string, unknown> }).values }));
}

describe("draft retention", () => {
  it("reminds a citizen 30 days before: one email with the date and the link, one area message, once", async () => {
    const { tenant, service } = await setup();
    const citizen = await createCitizen();
    const applicant: TApplicant = { kind: "citizen", citizenId: citizen.id };
    const due = await draftFor(tenant.id, service.id, applicant, days(29.9));
    const later = await draftFor(tenant.id, service.id, applicant, days(40));

    const totals = await run(tenant.id);
    expect(totals).toMatchObject({ reminded: 1, deleted: 0 });

    const [email, ...more] = await emailsOf(tenant.id);
    expect(more).toHaveLength(0);
    expect(email!.to).toBe(citizen.email);
    expect(email!.subject).toBe(`La bozza per «${service.name}» sarà cancellata il 31 dicembre 2026`);
    expect(email!.values).toMatchObject({
      applicantName: `${citizen.givenName} ${citizen.familyName}`,
      resumeUrl: `http://localhost:3000/${tenant.slug}/domande/${due.id}`,
      confirmEmailFirst: false,
    });

    const prisma = await db();
    const messages = await prisma.message.findMany({ where: { tenantId: tenant.id, citizenId: citizen.id } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.applicationId).toBe(due.id);
    expect(messages[0]!.body).toContain("saranno cancellati il 31 dicembre 2026");

    const after = await prisma.application.findUniqueOrThrow({ where: { id: due.id } });
    expect(after.draftReminderSentAt).toEqual(NOW);
    expect(after.draftExpiresAt).toEqual(days(30));
    expect((await prisma.application.findUniqueOrThrow({ where: { id: later.id } })).draftReminderSentAt).toBeNull();

    // The next night: nothing new for the same draft.
    await run(tenant.id, days(1));
    expect(await emailsOf(tenant.id)).toHaveLength(1);
    expect(await prisma.message.count({ where: { tenantId: tenant.id, citizenId: citizen.id } })).toBe(1);
  });

  it("posts only the area message to a citizen without an email address", async () => {
    const { tenant, service } = await setup();
    const citizen = await createCitizen();
    const prisma = await db();
    await prisma.citizen.update({ where: { id: citizen.id }, data: { email: null } });
    await draftFor(tenant.id, service.id, { kind: "citizen", citizenId: citizen.id }, days(10));

    expect(await run(tenant.id)).toMatchObject({ reminded: 1 });
    expect(await emailsOf(tenant.id)).toHaveLength(0);
    expect(await prisma.message.count({ where: { tenantId: tenant.id, citizenId: citizen.id } })).toBe(1);
  });

  it("emails an applicant without SPID a link to confirm their address again, with no area message", async () => {
    const { tenant, service } = await setup();
    await draftFor(tenant.id, service.id, { kind: "email", email: "anna@example.it" }, days(20));

    await run(tenant.id);
    const [email] = await emailsOf(tenant.id);
    expect(email!.to).toBe("anna@example.it");
    expect(email!.values).toMatchObject({
      resumeUrl: `http://localhost:3000/${tenant.slug}/accesso-email?servizio=${service.slug}`,
      confirmEmailFirst: true,
    });
    expect(email!.values.applicantName).toBeUndefined();
    const prisma = await db();
    expect(await prisma.message.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("gives a late reminder its full 30 days instead of deleting a draft nobody was told about", async () => {
    const { tenant, service } = await setup();
    const draft = await draftFor(tenant.id, service.id, { kind: "email", email: "anna@example.it" }, days(-3));

    expect(await run(tenant.id)).toMatchObject({ reminded: 1, deleted: 0 });
    const prisma = await db();
    expect((await prisma.application.findUniqueOrThrow({ where: { id: draft.id } })).draftExpiresAt).toEqual(days(30));
    expect((await emailsOf(tenant.id))[0]!.values.deleteOn).toBe(days(30).toISOString());

    expect(await run(tenant.id, days(29))).toMatchObject({ deleted: 0 });
    expect(await run(tenant.id, days(31))).toMatchObject({ deleted: 1 });
    expect(await prisma.application.count({ where: { id: draft.id } })).toBe(0);
  });

  it("deletes a reminded draft past its date with its attachments and their files, and nothing else", async () => {
    const { tenant, service } = await setup();
    const citizen = await createCitizen();
    const applicant: TApplicant = { kind: "citizen", citizenId: citizen.id };
    const expired = await draftFor(tenant.id, service.id, applicant, days(-1));
    const kept = await draftFor(tenant.id, service.id, applicant, days(200));
    const submitted = await draftFor(tenant.id, service.id, applicant, days(-100));
    const prisma = await db();
    await prisma.application.updateMany({
      where: { id: { in: [expired.id, submitted.id] } },
      data: { draftReminderSentAt: days(-31) },
    });
    await prisma.application.update({ where: { id: submitted.id }, data: { status: APPLICATION_STATUS.SUBMITTED } });

    const keys: string[] = [];
    for (const app of [expired, expired, kept]) {
      const storageKey = `${tenant.id}/attachments/${app.id}/${keys.length}`;
      await storage.put(storageKey, new TextEncoder().encode("%PDF-1.4 test"));
      await prisma.attachment.create({
        data: { tenantId: tenant.id, applicationId: app.id, fileName: "certificato.pdf", kind: "pdf", mimeType: "application/pdf", size: 13, sha256: "x", storageKey },
      });
      keys.push(storageKey);
    }

    expect(await run(tenant.id)).toMatchObject({ deleted: 1, deleteFailed: 0, filesLeft: 0 });
    expect(await prisma.application.count({ where: { id: expired.id } })).toBe(0);
    expect(await prisma.attachment.count({ where: { applicationId: expired.id } })).toBe(0);
    expect(await storage.get(keys[0]!)).toBeNull();
    expect(await storage.get(keys[1]!)).toBeNull();
    // A draft with time left, its file, and a submitted application stay.
    expect(await storage.get(keys[2]!)).not.toBeNull();
    expect(await prisma.application.count({ where: { id: { in: [kept.id, submitted.id] } } })).toBe(2);
  });

  it("starts over when the applicant saves the draft after the reminder", async () => {
    const { tenant, service } = await setup();
    const citizen = await createCitizen();
    const applicant: TApplicant = { kind: "citizen", citizenId: citizen.id };
    const draft = await draftFor(tenant.id, service.id, applicant, days(15));
    await run(tenant.id);
    await saveDraft({ tenantId: tenant.id, applicationId: draft.id, applicant, data: { fullName: "Maria" }, now: days(2) });

    // Past the old date: the draft stays, no second reminder until next year's window.
    expect(await run(tenant.id, days(40))).toMatchObject({ reminded: 0, deleted: 0 });
    const prisma = await db();
    expect(await prisma.application.count({ where: { id: draft.id } })).toBe(1);
    expect(await emailsOf(tenant.id)).toHaveLength(1);
    // A year after the save, the reminder comes again (a new message, not a duplicate).
    expect(await run(tenant.id, days(340))).toMatchObject({ reminded: 1 });
    expect(await emailsOf(tenant.id)).toHaveLength(2);
    expect(await prisma.message.count({ where: { tenantId: tenant.id, citizenId: citizen.id } })).toBe(2);
  });

  it("works through more drafts than one batch holds", async () => {
    const { tenant, service } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await draftFor(tenant.id, service.id, { kind: "email", email: `p${i}@example.it` }, days(5))).id);
    }
    expect(await run(tenant.id, NOW, 2)).toMatchObject({ reminded: 5 });
    expect(new Set((await emailsOf(tenant.id)).map((e) => e.to)).size).toBe(5);
    expect(await run(tenant.id, days(31), 2)).toMatchObject({ deleted: 5 });
    const prisma = await db();
    expect(await prisma.application.count({ where: { id: { in: ids } } })).toBe(0);
  });
});
