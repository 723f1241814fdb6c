import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import en from "@/server/i18n/messages/en/applications.json";
import it_ from "@/server/i18n/messages/it/applications.json";
import { applicationStatusChangedJob } from "@/server/jobs/definitions/application-status-changed";
import { runJobNow } from "@/server/jobs/providers/local/run-due-jobs";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { APPLICATION_STATUS as S } from "./status";
import { postStatusChangeMessage } from "./status-notification";
import { createApplicationInStatus, createTestService, quietJobLogger } from "./testing";
import { applyTransition, TRANSITION_ACTIONS, transitionRule, type TApplyTransitionInput } from "./transitions";

// The application.status_changed job: what the citizen finds in the area and in the inbox after
// the office (or the system) moves their application.

let tenantId: string;
let service: Awaited<ReturnType<typeof createTestService>>;
let citizen: Awaited<ReturnType<typeof createCitizen>>;
let staffId: string;

beforeAll(async () => {
  tenantId = (await createTenant()).id;
  service = await createTestService({ tenantId });
  citizen = await createCitizen();
  staffId = (await createStaff({ tenantId })).user.id;
});

/** Applies the transition and runs the job it enqueued. */
async function transitionAndNotify(input: Omit<TApplyTransitionInput, "tenantId">) {
  const { statusChange } = await applyTransition({ tenantId, ...input });
  const prisma = await db();
  const job = await prisma.backgroundJob.findFirstOrThrow({
    where: { name: applicationStatusChangedJob.id, dedupeKey: `${applicationStatusChangedJob.id}:${statusChange.id}` },
  });
  expect(await runJobNow(job.id, { definitions: [applicationStatusChangedJob], logger: quietJobLogger })).toBe("completed");
  const messages = await prisma.message.findMany({ where: { tenantId, applicationId: input.applicationId } });
  const emails = await prisma.outboundEmail.findMany({ where: { tenantId, createdAt: { gte: statusChange.createdAt } }, orderBy: { createdAt: "asc" } });
  return { statusChange, messages, emails };
}

const operator = () => ({ kind: "staff", id: staffId, role: "OPERATOR" }) as const;

describe("status change notices", () => {
  it("has a notice in Italian and English for every notified action, and only for those", () => {
    const notified = TRANSITION_ACTIONS.filter((a) => transitionRule(a).notify).sort();
    expect(Object.keys(it_.statusChangeMessage.body).sort()).toEqual(notified);
    expect(Object.keys(en.statusChangeMessage.body).sort()).toEqual(notified);
  });

  it("tells the citizen in the area and by email that the office took the application in charge, once", async () => {
    const app = await createApplicationInStatus({ tenantId, service, status: S.REGISTERED, citizenId: citizen.id, protocolNumber: "ESE-2026-0000042" });
    const { statusChange, messages, emails } = await transitionAndNotify({ applicationId: app.id, action: "takeInCharge", actor: operator(), expectedVersion: 0 });

    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ citizenId: citizen.id, subject: `Domanda per «${service.name}»: In lavorazione`, readAt: null });
    expect(messages[0]!.body).toContain(`La tua domanda per «${service.name}» è stata presa in carico`);
    expect(messages[0]!.body).toContain("Numero di protocollo della domanda: ESE-2026-0000042.");

    const toCitizen = emails.filter((e) => e.to === citizen.email);
    expect(toCitizen).toHaveLength(1);
    expect(toCitizen[0]).toMatchObject({ template: "notification", subject: `Domanda per «${service.name}»: In lavorazione` });
    const values = (toCitizen[0]!.props as { values: { actionUrl: string; paragraphs: string[] } }).values;
    expect(values.actionUrl).toMatch(new RegExp(`/area-personale/domande/${app.id}$`));
    expect(values.paragraphs[0]).toBe(messages[0]!.body.split("\n\n")[0]);

    // A retried step posts nothing new.
    const again = await postStatusChangeMessage({ tenantId, statusChangeId: statusChange.id, action: "takeInCharge" });
    expect(again.messageId).toBe(messages[0]!.id);
    const prisma = await db();
    expect(await prisma.message.count({ where: { applicationId: app.id } })).toBe(1);
  });

  it("passes on what the office asks for in an integration request", async () => {
    const app = await createApplicationInStatus({ tenantId, service, status: S.TAKEN_IN_CHARGE, citizenId: citizen.id });
    const { messages } = await transitionAndNotify({
      applicationId: app.id,
      action: "requestIntegration",
      actor: operator(),
      reason: "Allega l'attestazione ISEE 2026.",
      expectedVersion: 0,
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe(`Domanda per «${service.name}»: Il Comune ti chiede altri documenti o informazioni`);
    expect(messages[0]!.body).toContain("Ecco cosa ti chiede il Comune: Allega l'attestazione ISEE 2026.");
    // No protocol number yet on this test row: no empty protocol line.
    expect(messages[0]!.body).not.toContain("protocollo");
  });

  it("emails applicants without SPID their follow link (they have no area)", async () => {
    const app = await createApplicationInStatus({ tenantId, service, status: S.REGISTERED, applicantEmail: "anna@example.test" });
    const { messages, emails } = await transitionAndNotify({
      applicationId: app.id,
      action: "withdraw",
      actor: { kind: "citizen", applicant: { kind: "email", email: "anna@example.test" } },
      reason: "Ho sbagliato servizio",
      expectedVersion: 0,
    });
    expect(messages).toEqual([]);
    const mine = emails.filter((e) => e.to === "anna@example.test");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toBe(`Domanda per «${service.name}»: Ritirata da te`);
    const values = (mine[0]!.props as { values: { actionUrl: string; paragraphs: string[] } }).values;
    expect(values.actionUrl).toMatch(/\/domande\/segui\//);
    expect(values.paragraphs).toContain("Motivazione: Ho sbagliato servizio");
  });

  it("stays silent for bookkeeping steps the citizen hears about otherwise", async () => {
    const app = await createApplicationInStatus({ tenantId, service, status: S.SUBMITTED, citizenId: citizen.id });
    const { messages, emails } = await transitionAndNotify({ applicationId: app.id, action: "receive", actor: { kind: "system" } });
    expect(messages).toEqual([]);
    expect(emails.filter((e) => e.to === citizen.email)).toEqual([]);
  });
});
