import { db } from "@/server/db/client";
import { queueEmail } from "@/server/email/send";
import type { TLocale } from "@/server/i18n/config";

// An administrator checks the municipality's email: a test message to their own address, sent
// through the same job and SMTP path as every notification.
export async function sendTestEmail(opts: { tenantId: string; staff: { name: string; email: string }; locale: TLocale }) {
  return queueEmail({
    tenantId: opts.tenantId,
    to: opts.staff.email,
    template: "test-email",
    props: { requestedBy: opts.staff.name, requestedAt: new Date().toISOString() },
    locale: opts.locale,
  });
}

/** The municipality's latest outgoing emails with their delivery state (newest first). */
export async function listRecentEmails(opts: { tenantId: string; limit?: number }) {
  const prisma = await db();
  return prisma.outboundEmail.findMany({
    where: { tenantId: opts.tenantId },
    orderBy: { createdAt: "desc" },
    take: opts.limit ?? 10,
    select: { id: true, to: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
  });
}
