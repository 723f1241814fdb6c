import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTenant } from "@/server/test/factories";
import { createDraft, saveDraft } from "./drafts";
import { getFollowReceipt, getFollowView } from "./follow-view";
import { APPLICATION_STATUS } from "./status";
import { submitApplication } from "./submit";
import { createTestService, runTenantApplicationJobs, testValidator } from "./testing";

async function emailApplication() {
  const tenant = await createTenant();
  const applicant = { kind: "email" as const, email: "anna@example.it" };
  const service = await createTestService({ tenantId: tenant.id, accessLevel: "ANONYMOUS_EMAIL", maxProcessingDays: 30 });
  const { application, accessToken } = await createDraft({ tenantId: tenant.id, serviceId: service.id, applicant });
  return { tenant, applicant, service, application, token: accessToken! };
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
    const { tenant, applicant, application, token } = await emailApplication();
    await saveDraft({ tenantId: tenant.id, applicationId: application.id, applicant, data: { fullName: "Anna Verdi" } });
    await submitApplication({ tenantId: tenant.id, applicationId: application.id, applicant, submissionKey: randomUUID(), validate: testValidator });
    expect(await runTenantApplicationJobs(tenant.id)).toEqual(["completed"]);

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

  it("finds nothing for a wrong token or another municipality's", async () => {
    const { tenant, token } = await emailApplication();
    const other = await createTenant();
    for (const [tenantId, t] of [
      [tenant.id, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`],
      [tenant.id, ""],
      [other.id, token],
    ] as const) {
      expect(await getFollowView({ tenantId, token: t })).toBeNull();
      expect(await getFollowReceipt({ tenantId, token: t })).toBeNull();
    }
  });
});
