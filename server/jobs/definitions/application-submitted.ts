import { z } from "zod";
import { defineJob } from "../define";

// After a citizen submits an application (1900): register it in the protocol (→ 3000, due
// date), issue and store the receipt PDF, email it, and post a message in the personal area.
// Each is a durable step: a retry skips what already happened, so no second number or email.

export const applicationSubmittedJob = defineJob({
  id: "application.submitted",
  name: "Register a submitted application",
  trigger: { event: "application.submitted" },
  schema: z.object({ tenantId: z.string().min(1), applicationId: z.string().min(1) }),
  maxAttempts: 10,
  handler: async ({ payload, step, log }) => {
    // Loaded lazily: the registry is imported by every caller of triggerJob (including submit).
    const { assignProtocolNumber } = await import("@/server/applications/protocol");
    const { issueReceipt, queueReceiptEmail, postRegisteredMessage } = await import("@/server/applications/registration");
    const ref = { tenantId: payload.tenantId, applicationId: payload.applicationId };

    const protocol = await step.run("assign-protocol-number", async () => {
      const r = await assignProtocolNumber(ref);
      return r ? { protocolNumber: r.protocolNumber, assigned: r.assigned } : null;
    });
    if (!protocol) {
      log.info("application not waiting for registration (withdrawn?): nothing to do", ref);
      return;
    }
    const receipt = await step.run("issue-receipt", () => issueReceipt(ref));
    const email = await step.run("queue-receipt-email", () => queueReceiptEmail(ref));
    const message = await step.run("post-area-message", () => postRegisteredMessage(ref));
    log.info("application registered", { ...ref, ...protocol, ...receipt, ...email, ...message });
  },
});
