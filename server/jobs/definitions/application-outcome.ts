import { defineJob } from "../define";
import { ZStatusChangedPayload } from "./application-status-changed";

// When an operator accepts (→ 6000) or rejects (→ 8000) an application: issue the outcome
// document and finalize the application (→ 7000 / 9000), whose own status change then notifies
// the citizen through application.status_changed. Listens to the same event as the notices;
// every other status change is ignored without a step.

export const applicationOutcomeJob = defineJob({
  id: "application.outcome",
  name: "Issue an application's outcome document",
  trigger: { event: "application.status_changed" },
  schema: ZStatusChangedPayload,
  maxAttempts: 10,
  handler: async ({ payload, step, log }) => {
    // Loaded lazily: the registry is imported by every caller of triggerJob (transitions.ts too).
    const { awaitsOutcomeDocument, issueOutcomeDocument } = await import("@/server/applications/outcome");
    if (!awaitsOutcomeDocument(payload.to)) return;
    const ref = { tenantId: payload.tenantId, applicationId: payload.applicationId, statusChangeId: payload.statusChangeId };
    // One step, one transaction: a retry after it committed replays its result.
    const result = await step.run("issue-outcome-document", () => issueOutcomeDocument(ref));
    if (result.issued) log.info("outcome document issued", { ...ref, ...result });
    else log.info("application no longer waiting for this outcome: nothing to do", { ...ref, ...result });
  },
});
