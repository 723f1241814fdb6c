import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { extractText } from "unpdf";
import { GET as getOutcomeRoute } from "@/app/[tenant]/domande/segui/[token]/esito/route";
import { db } from "@/server/db/client";
import type { TJobDefinition } from "@/server/jobs/define";
import { applicationOutcomeJob } from "@/server/jobs/definitions/application-outcome";
import { applicationStatusChangedJob } from "@/server/jobs/definitions/application-status-changed";
import { runJobNow } from "@/server/jobs/providers/local/run-due-jobs";
import { createStaff, createTenant } from "@/server/test/factories";
import { applicationAccessToken } from "./access-token";
import { createDraft, saveDraft } from "./drafts";
import { getFollowOutcome, getFollowReceipt, getFollowView } from "./follow-view";
import { APPLICATION_STATUS } from "./status";
import { submitApplication } from "./submit";
import { createTestService, quietJobLogger, runTenantApplicationJobs, testValidator } from "./testing";
import { applyTransition } from "./transitions";

async function emailApplication() {
  const tenant = await createTenant();
  const applicant = { kind: "email" as const, email: "anna@example.it" };
  const service = await createTestService({ tenantId: tenant.id, accessLevel: "ANONYMOUS_EMAIL", maxProcessingDays: 30 });
  const { application, accessToken } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant });
  return { tenant, applicant, service, application, token: accessToken! };
}

/** Submits the application and runs its registration (protocol number, receipt). */
async function registered() {
  const found = await emailApplication();
  const { tenant, applicant, application } = found;
  await saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: "Anna Verdi" } });
  await submitApplication({ tenantId: tenant.id, applicationId: application.id, applicant, submissionKey: randomUUID(), validate: testValidator });
  expect(await runTenantApplicationJobs(tenant.id)).toEqual(["completed"]);
  return found;
}

/** Runs the job `definition` enqueued for the status change. */
async function runJobFor(statusChangeId: string, definition: TJobDefinition) {
  const prisma = await db();
  const job = await prisma.backgroundJob.findFirstOrThrow({ where: { name: definition.id, dedupeKey: `${definition.id}:${statusChangeId}` } });
  expect(await runJobNow(job.id, { definitions: [definition], logger: quietJobLogger })).toBe("completed");
}

/** An operator takes the application in charge and decides; the outcome job issues the document. */
async function decide(tenantId: string, applicationId: string, decision: "accept" | "reject") {
  const operator = { kind: "staff", id: (await createStaff({ tenantId })).user.id, role: "OPERATOR" } as const;
  const { version } = await (await db()).application.findUniqueOrThrow({ where: { id: applicationId }, select: { version: true } });
  const { application } = await applyTransition({ tenantId, applicationId, action: "takeInCharge", actor: operator, expectedVersion: version });
  const reason = decision === "reject" ? "ISEE superiore alla soglia." : undefined;
  const { statusChange } = await applyTransition({ tenantId, applicationId, action: decision, actor: operator, reason, expectedVersion: application.version });
  await runJobFor(statusChange.id, applicationOutcomeJob);
}

describe("the follow page of applicants without SPID", () => {
  it("shows a draft by its link, without a receipt", async () => {
    const { tenant, service, token } = await emailApplication();
    const view = await getFollowView({ tenantId: tenant.id, token });
    expect(view).toMatchObject({ service: { name: service.name, slug: service.slug }, status: APPLICATION_STATUS.DRAFT, protocolNumber: null, hasReceipt: false });
    expect(view!.timeline.map((s) => s.status)).toEqual([APPLICATION_STATUS.DRAFT]);
    expect(await getFollowReceipt({ tenantId: tenant.id, token })).toBeNull();
  });

  it("shows the protocol number, dates and timeline once registered, and serves the receipt", async () => {
    const { tenant, token } = await registered();
    const view = await getFollowView({ tenantId: tenant.id, token });
    expect(view!.status).toBe(APPLICATION_STATUS.REGISTERED);
    expect(view!.protocolNumber).toMatch(new RegExp(`^${tenant.protocolPrefix}-\\d{4}-0000001$`));
    expect(view!.submittedAt).toBeInstanceOf(Date);
    expect(view!.dueDate).toBeInstanceOf(Date);
    expect(view!.timeline.map((s) => s.label)).toEqual(["Bozza", "Inviata", "Protocollata"]);
    expect(view!.timeline[1]!.description).toBe("Hai inviato la domanda al Comune.");
    expect(view!.hasReceipt).toBe(true);

    const receipt = await getFollowReceipt({ tenantId: tenant.id, token });
    expect(receipt!.protocolNumber).toBe(view!.protocolNumber);
    expect(receipt!.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("finds nothing, not even the receipt or the outcome, for a wrong token or another municipality's", async () => {
    const { tenant, application, token } = await registered();
    await decide(tenant.id, application.id, "accept");
    expect(await getFollowOutcome({ tenantId: tenant.id, token })).not.toBeNull();
    const other = await createTenant();
    for (const [tenantId, t] of [
      [tenant.id, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`],
      [tenant.id, ""],
      [other.id, token],
    ] as const) {
      expect(await getFollowView({ tenantId, token: t })).toBeNull();
      expect(await getFollowReceipt({ tenantId, token: t })).toBeNull();
      expect(await getFollowOutcome({ tenantId, token: t })).toBeNull();
    }
  });

  it("serves the outcome once the office decided, and the email of the final status points to it", async () => {
    const { tenant, application, token } = await registered();
    expect(await getFollowView({ tenantId: tenant.id, token })).toMatchObject({ hasOutcome: false, outcome: null });
    expect(await getFollowOutcome({ tenantId: tenant.id, token })).toBeNull();

    await decide(tenant.id, application.id, "reject");
    const view = await getFollowView({ tenantId: tenant.id, token });
    expect(view).toMatchObject({ status: APPLICATION_STATUS.REJECTED, hasOutcome: true, outcome: { title: `Esito della domanda ${view!.protocolNumber} (respinta)` } });
    expect(view!.outcome!.issuedAt).toBeInstanceOf(Date);

    const outcome = await getFollowOutcome({ tenantId: tenant.id, token });
    expect(outcome!.protocolNumber).toBe(view!.protocolNumber);
    const text = (await extractText(new Uint8Array(outcome!.pdf), { mergePages: true })).text;
    expect(text).toContain("Domanda respinta");
    expect(text).toContain("anna@example.it");
    expect(text).toContain("ISEE superiore alla soglia.");

    // The email about the final status: no area to point to, so the follow link and how to use it.
    const prisma = await db();
    const final = await prisma.applicationStatusChange.findFirstOrThrow({ where: { tenantId: tenant.id, applicationId: application.id, toStatus: APPLICATION_STATUS.REJECTED } });
    await runJobFor(final.id, applicationStatusChangedJob);
    const email = await prisma.outboundEmail.findFirstOrThrow({ where: { tenantId: tenant.id, to: "anna@example.it", createdAt: { gte: final.createdAt } } });
    const values = (email.props as { values: { actionUrl: string; paragraphs: string[] } }).values;
    expect(values.actionUrl).toMatch(new RegExp(`/${tenant.slug}/domande/segui/${applicationAccessToken(application.id)}$`));
    expect(values.paragraphs).toContain("Puoi scaricare il documento con l'esito dalla pagina della tua domanda: aprila con il link in questa email e conserva il documento.");
    expect(values.paragraphs.join(" ")).not.toContain("area personale");
  });

  it("answers 404 at the outcome address for a wrong token, another municipality or no decision yet", async () => {
    const { tenant, token } = await registered();
    const other = await createTenant();
    for (const [slug, t] of [
      [tenant.slug, token],
      [tenant.slug, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`],
      [other.slug, token],
      ["no-such-municipality", token],
    ] as const) {
      const res = await getOutcomeRoute(new Request(`http://localhost/${slug}/domande/segui/${t}/esito`), { params: Promise.resolve({ tenant: slug, token: t }) });
      expect(res.status).toBe(404);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
    }
  });
});
