import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma, ServiceAccessLevel, ServiceStatus } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import type { TJobDefinition } from "@/server/jobs/define";
import { applicationSubmittedJob } from "@/server/jobs/definitions/application-submitted";
import { runJobNow } from "@/server/jobs/providers/local/run-due-jobs";
import type { TJobOutcome } from "@/server/jobs/providers/local/run-job";
import type { TFormValidatorFactory } from "./validation";

// Test data for the citizen journey: a published service with a one-field form, and a stand-in
// for the form engine's validator (these tests are about applications, not about forms).

const unique = () => randomUUID().slice(0, 8);

export const TEST_FORM_SCHEMA = {
  version: 1,
  pages: [{ key: "applicant", title: "Richiedente", fields: [{ key: "fullName", type: "text", label: "Nome e cognome", required: true }] }],
} satisfies Prisma.InputJsonObject;

/** fullName required on submit, optional (but a string) in drafts. */
export const testValidator: TFormValidatorFactory = (_schema, mode) =>
  z.object({
    fullName: mode === "submit" ? z.string().trim().min(1, "forms.errors.required") : z.string().optional(),
  });

export async function createTestService(opts: {
  tenantId: string;
  status?: ServiceStatus;
  opensAt?: Date | null;
  closesAt?: Date | null;
  accessLevel?: ServiceAccessLevel;
  maxProcessingDays?: number;
  /** The form of version 1 (default: TEST_FORM_SCHEMA). */
  formSchema?: Prisma.InputJsonObject;
}) {
  const prisma = await db();
  const id = unique();
  const category = await prisma.serviceCategory.create({
    data: { tenantId: opts.tenantId, slug: `cat-${id}`, name: `Categoria ${id}` },
  });
  const service = await prisma.service.create({
    data: {
      tenantId: opts.tenantId,
      slug: `servizio-${id}`,
      categoryId: category.id,
      name: `Servizio di prova ${id}`,
      status: opts.status ?? "PUBLISHED",
      opensAt: opts.opensAt === undefined ? new Date(Date.now() - 86_400_000) : opts.opensAt,
      closesAt: opts.closesAt === undefined ? new Date(Date.now() + 30 * 86_400_000) : opts.closesAt,
      accessLevel: opts.accessLevel ?? "SPID_L2",
      summary: "Cos'è",
      audience: "Chi può fare domanda",
      howTo: "Come fare",
      cost: "Gratuito",
      maxProcessingDays: opts.maxProcessingDays ?? 30,
      documentsNeeded: "Nessuno",
      contacts: "urp@example.test",
      privacyNotice: "Informativa",
    },
  });
  const form = await publishTestFormVersion(service.id, opts.tenantId, 1, opts.formSchema);
  return prisma.service.update({ where: { id: service.id }, data: { currentFormVersionId: form.id } });
}

export async function publishTestFormVersion(serviceId: string, tenantId: string, version: number, schema: Prisma.InputJsonObject = TEST_FORM_SCHEMA) {
  const prisma = await db();
  return prisma.formVersion.create({
    data: { tenantId, serviceId, version, schema, publishedAt: new Date() },
  });
}

/** Job logger for tests that run many jobs: only problems are printed. */
export const quietJobLogger = {
  info: () => {},
  warn: (msg: string, data?: Record<string, unknown>) => console.warn(msg, data),
  error: (msg: string, data?: Record<string, unknown>) => console.error(msg, data),
};

/**
 * Runs the application.submitted jobs of one tenant only, `workers` at a time. Tests sharing a
 * PostgreSQL database run in parallel: runDueJobs would also take other files' jobs.
 */
export async function runTenantApplicationJobs(
  tenantId: string,
  opts: { definition?: TJobDefinition; workers?: number } = {},
): Promise<TJobOutcome[]> {
  const prisma = await db();
  const definition = opts.definition ?? applicationSubmittedJob;
  const jobs = await prisma.backgroundJob.findMany({
    where: { name: applicationSubmittedJob.id, status: "PENDING", payload: { path: ["tenantId"], equals: tenantId } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  const queue = jobs.map((j) => j.id);
  const outcomes: TJobOutcome[] = [];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const outcome = await runJobNow(id, { definitions: [definition], retryBaseMs: 10, logger: quietJobLogger });
      if (outcome) outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: opts.workers ?? 1 }, worker));
  return outcomes;
}

/**
 * An application already in `status` (version 0), written directly: for tests of what happens
 * after submission (status machine, back office) without running the submission and its job.
 * Owned by `citizenId`, or by `applicantEmail` for applicants without SPID.
 */
export async function createApplicationInStatus(opts: {
  tenantId: string;
  service: { id: string; currentFormVersionId: string | null };
  status: number;
  citizenId?: string;
  applicantEmail?: string;
  protocolNumber?: string;
}) {
  const prisma = await db();
  const submitted = opts.status !== 1000;
  return prisma.application.create({
    data: {
      tenantId: opts.tenantId,
      serviceId: opts.service.id,
      formVersionId: opts.service.currentFormVersionId!,
      citizenId: opts.citizenId ?? null,
      applicantEmail: opts.applicantEmail ?? null,
      applicantEmailVerifiedAt: opts.applicantEmail ? new Date() : null,
      status: opts.status,
      data: { fullName: "Maria Rossi" },
      submittedAt: submitted ? new Date() : null,
      protocolNumber: opts.protocolNumber ?? null,
    },
  });
}
