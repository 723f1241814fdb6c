import { allowedActions, applyTransition } from "@/server/applications/transitions";
import { db } from "@/server/db/client";
import type { Application } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";
import type { TAreaRef } from "./applications";

// The citizen withdraws their own application ("Ritira la domanda"), from submission up to the
// registration of an integration (TRANSITIONS.withdraw), where the service allows it. The
// office is told through the usual status_changed notification; only the office can reopen it.

/** Whether the personal area offers withdrawal: the service allows it and the status permits. */
export function canWithdraw(app: { status: number; serviceAllowsWithdrawal: boolean }): boolean {
  return app.serviceAllowsWithdrawal && allowedActions(app.status, { kind: "citizen" }).includes("withdraw");
}

export async function withdrawApplication(
  input: TAreaRef & { applicationId: string; expectedVersion: number; reason?: string | null; now?: Date },
): Promise<Application> {
  const prisma = await db();
  const app = await prisma.application.findFirst({
    where: { id: input.applicationId, tenantId: input.tenantId, citizenId: input.citizenId },
    select: { service: { select: { allowWithdrawal: true } } },
  });
  if (!app) throw new AppError("NOT_FOUND", "applications.errors.applicationNotFound");
  if (!app.service.allowWithdrawal) throw new AppError("FORBIDDEN", "work.errors.withdrawalNotAllowed");
  const { application } = await applyTransition({
    tenantId: input.tenantId,
    applicationId: input.applicationId,
    action: "withdraw",
    actor: { kind: "citizen", applicant: { kind: "citizen", citizenId: input.citizenId } },
    reason: input.reason,
    expectedVersion: input.expectedVersion,
    now: input.now,
  });
  return application;
}
