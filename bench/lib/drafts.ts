import type { TApplicant } from "@/server/applications/applicant";
import { formValidatorFor, saveAnswers, startApplication } from "@/server/applications/filling";
import { db } from "@/server/db/client";
import { unsafeFindTenantBySlug } from "@/server/tenant";
import { encodeEmailApplicantSession, EMAIL_APPLICANT_COOKIE } from "@/server/applicants/email-session";
import { foodVoucherAnswers } from "./food-voucher";

// The applicants of the emergency day, made ready before the clock starts: each has a confirmed
// email session (the signed cookie the one-time link would have set) and a draft of the
// "Bonus alimentare" application filled with valid answers, saved through the same service
// functions the form pages use.

export const TENANT = "esempio";
export const SERVICE = "bonus-alimentare";

export type TBenchApplicant = { email: string; cookie: string; applicationId: string };

async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/** `count` applicants with drafts ready to submit; `label` keeps the emails of different sets apart. */
export async function prepareApplicants(label: string, count: number, concurrency = 16): Promise<TBenchApplicant[]> {
  const tenant = await unsafeFindTenantBySlug(TENANT);
  if (!tenant) throw new Error(`Tenant "${TENANT}" missing: was the demo data seeded?`);
  const prisma = await db();
  const service = await prisma.service.findFirst({ where: { tenantId: tenant.id, slug: SERVICE }, select: { currentFormVersion: { select: { schema: true } } } });
  if (!service?.currentFormVersion) throw new Error(`Service "${SERVICE}" has no published form`);
  // The check the submission makes: answers it would refuse make a broken benchmark.
  const validator = formValidatorFor(null)(service.currentFormVersion.schema, "submit");
  const emails = Array.from({ length: count }, (_, i) => `bench-${label}-${i}@example.test`);
  emails.forEach((email, i) => {
    const check = validator.safeParse(foodVoucherAnswers(i, email));
    if (!check.success) throw new Error(`Applicant ${i}: answers refused: ${JSON.stringify(check.error.issues.slice(0, 3))}`);
  });

  return pool(count, concurrency, async (i) => {
    const email = emails[i]!;
    const applicant: TApplicant = { kind: "email", email };
    const { application } = await startApplication({ tenantId: tenant.id, serviceSlug: SERVICE, applicant });
    await saveAnswers({ tenantId: tenant.id, applicationId: application.id, applicant, data: foodVoucherAnswers(i, email) });
    const session = encodeEmailApplicantSession({ tenantId: tenant.id, email });
    return { email, cookie: `${EMAIL_APPLICANT_COOKIE}=${encodeURIComponent(session.value)}`, applicationId: application.id };
  });
}
