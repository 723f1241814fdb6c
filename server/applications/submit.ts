import { Prisma, type Application } from "@/server/db/generated/client";
import { isUniqueViolation } from "@/server/db/errors";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { applicantFromAnswers } from "@/server/forms/prefill";
import { ZFormSchema } from "@/server/forms/schema";
import { triggerJob } from "@/server/jobs/client";
import { ownerWhere, type TApplicant } from "./applicant";
import { assertServiceOpen } from "./service-window";
import { APPLICATION_STATUS } from "./status";
import { validateFormData, type TFormValidatorFactory } from "./validation";

// Submission: draft (1000) → submitted (1900), once. The client makes a submissionKey (a UUID)
// when the summary page loads and sends the same key on every retry, so a double tap or a retry
// after a lost connection yields one submission. What makes it safe under concurrency is the
// conditional update `WHERE status = 1000` (the row lock lets one writer win; the others see
// 1900 and return the winner's result) and the unique (tenantId, submissionKey) index.

export const APPLICATION_SUBMITTED_EVENT = "application.submitted";

/** Interactive-transaction limits: under a burst, waiting for a pooled connection takes a while. */
export const SUBMIT_TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

export type TSubmitApplicationInput = {
  tenantId: string;
  applicationId: string;
  applicant: TApplicant;
  submissionKey: string;
  /** Submit-mode validator of the application's form (server never trusts the client's checks). */
  validate: TFormValidatorFactory;
  /** Further checks of the validated answers before anything is written (e.g. that every file
   * referenced was uploaded to this application); throws to refuse. */
  checkData?: (data: Prisma.InputJsonObject, formSchema: Prisma.JsonValue) => Promise<void>;
  now?: Date;
};

export type TSubmitApplicationResult = {
  application: Application;
  /** True when this key had already submitted the application: nothing was done this time. */
  replayed: boolean;
};

const notFound = () => new AppError("NOT_FOUND", "applications.errors.applicationNotFound");

/** Name and fiscal code for the inbox: the identity's, else what the answers say. */
function applicantOf(
  citizen: { givenName: string; familyName: string; fiscalCode: string } | null,
  schemaJson: Prisma.JsonValue,
  data: Prisma.InputJsonObject,
): { name: string | null; fiscalCode: string | null } {
  if (citizen) return { name: `${citizen.familyName} ${citizen.givenName}`.trim(), fiscalCode: citizen.fiscalCode };
  const schema = ZFormSchema.safeParse(schemaJson);
  return schema.success ? applicantFromAnswers(schema.data, data) : { name: null, fiscalCode: null };
}

export async function submitApplication(input: TSubmitApplicationInput): Promise<TSubmitApplicationResult> {
  const prisma = await db();
  const now = input.now ?? new Date();
  const where = { id: input.applicationId, tenantId: input.tenantId, ...ownerWhere(input.applicant) };

  const replay = async (): Promise<TSubmitApplicationResult> => {
    const application = await prisma.application.findFirst({ where });
    if (!application) throw notFound();
    if (application.submissionKey === input.submissionKey) return { application, replayed: true };
    if (application.status !== APPLICATION_STATUS.DRAFT) throw new AppError("CONFLICT", "applications.errors.notADraft");
    // Still a draft, so the key's unique index was hit by another application of the tenant.
    throw new AppError("CONFLICT", "applications.errors.submissionKeyReused");
  };

  const application = await prisma.application.findFirst({
    where,
    include: {
      service: { select: { status: true, opensAt: true, closesAt: true, currentFormVersionId: true } },
      formVersion: { select: { schema: true } },
      citizen: { select: { givenName: true, familyName: true, fiscalCode: true } },
    },
  });
  if (!application) throw notFound();
  if (application.status !== APPLICATION_STATUS.DRAFT) return replay();

  // Checked before anything is written: a refused submission leaves the draft as it was.
  assertServiceOpen(application.service, now);
  if (application.service.currentFormVersionId !== application.formVersionId) {
    throw new AppError("CONFLICT", "applications.errors.formChanged");
  }
  const data = validateFormData(input.validate, application.formVersion.schema, "submit", application.data);
  await input.checkData?.(data, application.formVersion.schema);
  const who = applicantOf(application.citizen, application.formVersion.schema, data);

  let won: boolean;
  try {
    won = await prisma.$transaction(async (tx) => {
      const { count } = await tx.application.updateMany({
        where: { id: application.id, tenantId: input.tenantId, status: APPLICATION_STATUS.DRAFT },
        data: {
          status: APPLICATION_STATUS.SUBMITTED,
          submissionKey: input.submissionKey,
          submittedAt: now,
          data,
          applicantName: who.name,
          applicantFiscalCode: who.fiscalCode,
          draftExpiresAt: null,
          version: { increment: 1 },
        },
      });
      if (count === 0) return false;
      await tx.applicationStatusChange.create({
        data: {
          tenantId: input.tenantId,
          applicationId: application.id,
          fromStatus: APPLICATION_STATUS.DRAFT,
          toStatus: APPLICATION_STATUS.SUBMITTED,
          actorKind: "CITIZEN",
          actorId: application.citizenId,
          createdAt: now,
        },
      });
      await triggerJob(
        APPLICATION_SUBMITTED_EVENT,
        { tenantId: input.tenantId, applicationId: application.id },
        { tx, dedupeKey: application.id },
      );
      return true;
    }, SUBMIT_TX_OPTIONS);
  } catch (e) {
    if (isUniqueViolation(e)) return replay();
    throw e;
  }
  if (!won) return replay();
  return { application: await prisma.application.findUniqueOrThrow({ where: { id: application.id } }), replayed: false };
}
