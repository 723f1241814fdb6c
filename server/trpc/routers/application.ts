import { z } from "zod";
import { loadFillState, saveAnswers, startApplication, submitAnswers } from "@/server/applications/filling";
import { getApplicationForApplicant } from "@/server/applications/drafts";
import { db } from "@/server/db/client";
import { applicantProcedure, router } from "../init";

// Filling and submitting an application, for a citizen or an applicant without SPID. Every
// procedure re-checks ownership: another person's application is NOT_FOUND.

const ZId = z.object({ id: z.uuid() });

export const applicationRouter = router({
  start: applicantProcedure.input(z.object({ serviceSlug: z.string().min(1).max(200) })).mutation(async ({ ctx, input }) => {
    const { application } = await startApplication({ tenantId: ctx.tenant.id, serviceSlug: input.serviceSlug, applicant: ctx.applicant });
    return { id: application.id };
  }),

  get: applicantProcedure.input(ZId).query(({ ctx, input }) => loadFillState({ tenantId: ctx.tenant.id, applicationId: input.id, applicant: ctx.applicant })),

  /** Autosave and "save and continue": stores the answers; with checkPageKey returns that page's problems. */
  save: applicantProcedure
    .input(
      z.object({
        id: z.uuid(),
        data: z.record(z.string(), z.unknown()),
        currentPageKey: z.string().max(64).nullish(),
        expectedVersion: z.int().min(0).optional(),
        checkPageKey: z.string().max(64).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      saveAnswers({
        tenantId: ctx.tenant.id,
        applicationId: input.id,
        applicant: ctx.applicant,
        data: input.data,
        currentPageKey: input.currentPageKey,
        expectedVersion: input.expectedVersion,
        checkPageKey: input.checkPageKey,
      }),
    ),

  /** Idempotent: the same submissionKey (made once by the summary page) never submits twice. */
  submit: applicantProcedure.input(z.object({ id: z.uuid(), submissionKey: z.uuid() })).mutation(async ({ ctx, input }) => {
    const { application, replayed } = await submitAnswers({
      tenantId: ctx.tenant.id,
      applicationId: input.id,
      applicant: ctx.applicant,
      submissionKey: input.submissionKey,
    });
    return { id: application.id, status: application.status, protocolNumber: application.protocolNumber, replayed };
  }),

  /** What the confirmation page polls until the protocol number exists. */
  status: applicantProcedure.input(ZId).query(async ({ ctx, input }) => {
    const a = await getApplicationForApplicant({ tenantId: ctx.tenant.id, applicationId: input.id, applicant: ctx.applicant });
    const prisma = await db();
    const receipt = await prisma.document.findFirst({
      where: { tenantId: ctx.tenant.id, applicationId: a.id, kind: "RECEIPT", fileKey: { not: null } },
      select: { id: true },
    });
    return { status: a.status, protocolNumber: a.protocolNumber, registeredAt: a.registeredAt, dueDate: a.dueDate, hasReceipt: !!receipt };
  }),
});
