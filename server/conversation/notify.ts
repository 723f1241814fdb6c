import { applicationUrl } from "@/server/applications/urls";
import type { Prisma } from "@/server/db/generated/client";
import { queueEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { DEFAULT_LOCALE } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";

// Who hears about a new message, by email, queued in the message's own transaction (no email
// without the message, no message without its email):
//   the citizen, when the office writes to them: the subject and a link to the personal area,
//     never the text (the municipality keeps its words where access needs SPID/CIE);
//   the office, when the citizen writes or answers an integration request: the operator the
//     application is assigned to; nobody assigned → the service's operators; the service has
//     none → every active member of the municipality's staff. One email each.

/** What the notices need to know about the application. */
export const NOTICE_APPLICATION_SELECT = {
  id: true,
  tenantId: true,
  serviceId: true,
  citizenId: true,
  assignedStaffId: true,
  protocolNumber: true,
  applicantName: true,
  tenant: { select: { slug: true } },
  service: { select: { name: true } },
  citizen: { select: { email: true } },
} as const satisfies Prisma.ApplicationSelect;

export type TNoticeApplication = Prisma.ApplicationGetPayload<{ select: typeof NOTICE_APPLICATION_SELECT }>;

/** The back-office page of an application (absolute, for emails). */
export function backofficeApplicationUrl(tenantSlug: string, applicationId: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/${encodeURIComponent(tenantSlug)}/backoffice/domande/${encodeURIComponent(applicationId)}`;
}

/** "You have a new message about your application": to the citizen's email, if they have one. */
export async function queueCitizenMessageNotice(tx: Prisma.TransactionClient, app: TNoticeApplication): Promise<{ emailId: string | null }> {
  const to = app.citizen?.email;
  if (!app.citizenId || !to) return { emailId: null };
  const t = await getTranslator(DEFAULT_LOCALE, "conversation");
  const values = { serviceName: app.service.name, reference: app.protocolNumber ?? app.service.name };
  const { id } = await queueEmail({
    tenantId: app.tenantId,
    to,
    template: "notification",
    props: {
      title: t("citizenNotice.subject", values),
      paragraphs: [t("citizenNotice.body", values), t("citizenNotice.read")],
      actionUrl: applicationUrl({ tenantSlug: app.tenant.slug, applicationId: app.id, hasCitizen: true }),
      actionLabel: t("citizenNotice.action"),
    },
    tx,
  });
  return { emailId: id };
}

const activeStaff = (tenantId: string) => ({ disabledAt: null, memberships: { some: { tenantId, disabledAt: null } } }) satisfies Prisma.StaffUserWhereInput;

/** The office's addressees for what the citizen sent (see the header). */
export async function operatorRecipients(tx: Prisma.TransactionClient, app: Pick<TNoticeApplication, "tenantId" | "serviceId" | "assignedStaffId">) {
  const select = { id: true, email: true } as const;
  if (app.assignedStaffId) {
    const assignee = await tx.staffUser.findFirst({ where: { id: app.assignedStaffId, ...activeStaff(app.tenantId) }, select });
    if (assignee) return [assignee];
  }
  const operators = await tx.serviceOperator.findMany({
    where: { tenantId: app.tenantId, serviceId: app.serviceId, staffUser: activeStaff(app.tenantId) },
    select: { staffUser: { select } },
    orderBy: { createdAt: "asc" },
  });
  if (operators.length > 0) return operators.map((o) => o.staffUser);
  const members = await tx.membership.findMany({
    where: { tenantId: app.tenantId, role: { in: ["OPERATOR", "SERVICE_MANAGER", "TENANT_ADMIN"] }, disabledAt: null, staffUser: { disabledAt: null } },
    select: { staffUser: { select } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((m) => m.staffUser);
}

/** One "citizen-message" email to each of the application's operators. */
export async function queueOperatorAlerts(
  tx: Prisma.TransactionClient,
  app: TNoticeApplication,
  what: { kind: "reply" | "integration"; attachmentCount: number },
): Promise<{ emailIds: string[] }> {
  const recipients = await operatorRecipients(tx, app);
  const emailIds: string[] = [];
  for (const r of recipients) {
    const { id } = await queueEmail({
      tenantId: app.tenantId,
      to: r.email,
      template: "citizen-message",
      props: {
        kind: what.kind,
        applicantName: app.applicantName ?? undefined,
        serviceName: app.service.name,
        protocolNumber: app.protocolNumber ?? undefined,
        attachmentCount: what.attachmentCount,
        url: backofficeApplicationUrl(app.tenant.slug, app.id),
      },
      tx,
    });
    emailIds.push(id);
  }
  return { emailIds };
}
