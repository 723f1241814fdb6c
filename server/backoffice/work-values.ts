import { z } from "zod";

// The operator's work actions on one application as the browser and the server both name them,
// with the inputs the work router accepts. Browser-safe (no server-only imports): the actions
// panel builds its confirmation steps from these. The rules themselves are in work.ts.

/** Decisions: status changes an operator confirms with an (optional or required) reason. */
export const DECISIONS = ["accept", "reject", "reopen", "annul"] as const;
export type TDecision = (typeof DECISIONS)[number];

export const WORK_ACTIONS = ["takeInCharge", "reassign", "release", ...DECISIONS] as const;
export type TWorkAction = (typeof WORK_ACTIONS)[number];

/** Whether a decision needs a reason (mirrors the TRANSITIONS table; work.test.ts checks it). */
export const DECISION_REASON: Record<TDecision, "required" | "optional"> = {
  accept: "optional",
  reject: "required",
  reopen: "required",
  annul: "required",
};

/** Same limit as transitions.ts's REASON_MAX_LENGTH (checked there too). */
export const WORK_REASON_MAX_LENGTH = 10_000;

export const ZWorkTarget = z.object({
  applicationId: z.string().min(1).max(64),
  /** The Application.version the operator's page showed. */
  expectedVersion: z.number().int().min(0),
});

export const ZReassignInput = ZWorkTarget.extend({ toStaffId: z.string().min(1, "work.errors.assigneeRequired").max(64) });

export const ZDecideInput = ZWorkTarget.extend({
  action: z.enum(DECISIONS),
  reason: z.string().max(WORK_REASON_MAX_LENGTH, "applications.errors.reasonTooLong").optional(),
});
export type TDecideInput = z.infer<typeof ZDecideInput>;
