import type { Application, Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { hashAccessToken, applicationAccessToken } from "./access-token";
import { normaliseEmail, ownerWhere, type TApplicant } from "./applicant";
import { assertAccessLevel, assertServiceOpen } from "./service-window";
import { APPLICATION_STATUS } from "./status";
import { validateFormData, type TFormValidatorFactory } from "./validation";

// Drafts: an application in status 1000, saved automatically while the citizen fills the form,
// resumable on any device. Kept at least a year after the last save (DRAFT_RETENTION_DAYS).

export const DRAFT_RETENTION_DAYS = 365;

export function draftExpiry(from: Date): Date {
  return new Date(from.getTime() + DRAFT_RETENTION_DAYS * 24 * 60 * 60 * 1000);
}

const notFound = () => new AppError("NOT_FOUND", "applications.errors.applicationNotFound");

export type TCreateDraftInput = {
  tenantId: string;
  serviceId: string;
  applicant: TApplicant;
  /** Answers the draft starts with (prefill from identity and profile). */
  initialData?: Prisma.InputJsonObject;
  now?: Date;
};

/**
 * Starts an application on the service's current form version. Refuses a service that is not
 * open now or an applicant whose identity is not enough. For applicants without SPID the
 * returned `accessToken` is the secret of their "follow your application" link.
 */
export async function createDraft(input: TCreateDraftInput): Promise<{ application: Application; accessToken: string | null }> {
  const prisma = await db();
  const now = input.now ?? new Date();
  const service = await prisma.service.findFirst({
    where: { id: input.serviceId, tenantId: input.tenantId },
    select: { id: true, status: true, opensAt: true, closesAt: true, accessLevel: true, currentFormVersionId: true },
  });
  if (!service || service.status === "DRAFT") throw new AppError("NOT_FOUND", "applications.errors.serviceNotFound");
  assertServiceOpen(service, now);

  const { applicant } = input;
  const citizen =
    applicant.kind === "citizen"
      ? await prisma.citizen.findUnique({ where: { id: applicant.citizenId }, select: { spidLevel: true } })
      : null;
  if (applicant.kind === "citizen" && !citizen) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  assertAccessLevel(service, applicant, citizen?.spidLevel);
  if (!service.currentFormVersionId) throw new AppError("CONFLICT", "applications.errors.serviceHasNoForm");

  const application = await prisma.application.create({
    data: {
      tenantId: input.tenantId,
      serviceId: service.id,
      formVersionId: service.currentFormVersionId,
      citizenId: applicant.kind === "citizen" ? applicant.citizenId : null,
      applicantEmail: applicant.kind === "email" ? normaliseEmail(applicant.email) : null,
      // The caller confirmed the address (one-time link) before building an email applicant.
      applicantEmailVerifiedAt: applicant.kind === "email" ? now : null,
      status: APPLICATION_STATUS.DRAFT,
      data: input.initialData ?? {},
      lastSavedAt: now,
      draftExpiresAt: draftExpiry(now),
      statusChanges: {
        create: {
          tenantId: input.tenantId,
          fromStatus: null,
          toStatus: APPLICATION_STATUS.DRAFT,
          actorKind: "CITIZEN",
          actorId: applicant.kind === "citizen" ? applicant.citizenId : null,
          createdAt: now,
        },
      },
    },
  });
  if (applicant.kind === "citizen") return { application, accessToken: null };

  // The token derives from the id, so it is stored (hashed) once the id exists.
  const accessToken = applicationAccessToken(application.id);
  const withToken = await prisma.application.update({
    where: { id: application.id },
    data: { accessTokenHash: hashAccessToken(accessToken) },
  });
  return { application: withToken, accessToken };
}

export type TSaveDraftInput = {
  tenantId: string;
  applicationId: string;
  applicant: TApplicant;
  data: unknown;
  currentPageKey?: string | null;
  /** The version the client last loaded; a different current version → CONFLICT (saved elsewhere). */
  expectedVersion?: number;
  /** Draft-mode validator of the application's form; omitted → data is stored as given. */
  validate?: TFormValidatorFactory;
  now?: Date;
};

/** Saves the answers so far; only the owner, only while a draft. Bumps `version`. */
export async function saveDraft(input: TSaveDraftInput): Promise<Application> {
  const prisma = await db();
  const now = input.now ?? new Date();
  const current = await prisma.application.findFirst({
    where: { id: input.applicationId, tenantId: input.tenantId, ...ownerWhere(input.applicant) },
    select: { id: true, status: true, version: true, formVersion: { select: { schema: true } } },
  });
  if (!current) throw notFound();
  if (current.status !== APPLICATION_STATUS.DRAFT) throw new AppError("CONFLICT", "applications.errors.notADraft");

  const data: Prisma.InputJsonValue = input.validate
    ? validateFormData(input.validate, current.formVersion.schema, "draft", input.data)
    : ((input.data ?? {}) as Prisma.InputJsonValue);

  // Conditional update: the status and version seen above must still hold when writing, so a
  // submission or another device's save in between is never overwritten.
  const version = input.expectedVersion ?? current.version;
  const { count } = await prisma.application.updateMany({
    where: { id: current.id, tenantId: input.tenantId, status: APPLICATION_STATUS.DRAFT, version },
    data: {
      data,
      ...(input.currentPageKey !== undefined ? { currentPageKey: input.currentPageKey } : {}),
      lastSavedAt: now,
      draftExpiresAt: draftExpiry(now),
      draftReminderSentAt: null,
      version: { increment: 1 },
    },
  });
  if (count === 0) {
    const after = await prisma.application.findUnique({ where: { id: current.id }, select: { status: true } });
    if (after?.status !== APPLICATION_STATUS.DRAFT) throw new AppError("CONFLICT", "applications.errors.notADraft");
    throw new AppError("CONFLICT", "applications.errors.draftChangedElsewhere");
  }
  return prisma.application.findUniqueOrThrow({ where: { id: current.id } });
}

export type TDraftListItem = Pick<Application, "id" | "serviceId" | "currentPageKey" | "lastSavedAt" | "draftExpiresAt" | "createdAt"> & {
  service: { name: string; slug: string };
};

/** The applicant's drafts in this municipality, most recently saved first. */
export async function listDrafts(input: { tenantId: string; applicant: TApplicant }): Promise<TDraftListItem[]> {
  const prisma = await db();
  return prisma.application.findMany({
    where: { tenantId: input.tenantId, status: APPLICATION_STATUS.DRAFT, ...ownerWhere(input.applicant) },
    select: {
      id: true,
      serviceId: true,
      currentPageKey: true,
      lastSavedAt: true,
      draftExpiresAt: true,
      createdAt: true,
      service: { select: { name: true, slug: true } },
    },
    orderBy: { lastSavedAt: "desc" },
  });
}

/** One of the applicant's applications (any status) with its form and timeline; another
 * person's application is NOT_FOUND, never FORBIDDEN (its existence is not revealed). */
export async function getApplicationForApplicant(input: { tenantId: string; applicationId: string; applicant: TApplicant }) {
  const prisma = await db();
  const application = await prisma.application.findFirst({
    where: { id: input.applicationId, tenantId: input.tenantId, ...ownerWhere(input.applicant) },
    include: {
      service: { select: { id: true, slug: true, name: true, status: true, opensAt: true, closesAt: true, currentFormVersionId: true, maxProcessingDays: true } },
      formVersion: { select: { id: true, version: true, schema: true } },
      statusChanges: { orderBy: { createdAt: "asc" }, select: { fromStatus: true, toStatus: true, actorKind: true, reason: true, createdAt: true } },
    },
  });
  if (!application) throw notFound();
  return application;
}
