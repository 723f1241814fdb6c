import { db } from "@/server/db/client";
import { queueEmail } from "@/server/email/send";
import { DEFAULT_LOCALE } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import { statusLabelKey } from "./status";
import { isTransitionAction, transitionRule, type TTransitionAction } from "./transitions";
import { applicationUrl } from "./urls";

// What the citizen is told when their application changes status: a message in the personal
// area (citizens with SPID/CIE) and an email, in plain Italian. One function per durable step of
// the application.status_changed job (server/jobs/definitions/application-status-changed.ts).

export type TStatusChangeRef = { tenantId: string; statusChangeId: string; action: string };

/** Actions whose notice is written for them; the others are not notified (see TRANSITIONS). */
export function notifiedAction(action: string): TTransitionAction | null {
  return isTransitionAction(action) && transitionRule(action).notify ? action : null;
}

export async function loadChange(ref: TStatusChangeRef) {
  const prisma = await db();
  return prisma.applicationStatusChange.findFirstOrThrow({
    where: { id: ref.statusChangeId, tenantId: ref.tenantId },
    include: {
      application: {
        select: {
          id: true,
          citizenId: true,
          applicantEmail: true,
          protocolNumber: true,
          tenant: { select: { slug: true } },
          service: { select: { name: true } },
          citizen: { select: { email: true } },
        },
      },
    },
  });
}

type TChange = Awaited<ReturnType<typeof loadChange>>;

/** Subject and paragraphs of the notice, in the citizen's language. */
export async function statusChangeText(change: TChange, action: TTransitionAction): Promise<{ subject: string; paragraphs: string[] }> {
  const t = await getTranslator(DEFAULT_LOCALE, "applications");
  const app = change.application;
  const serviceName = app.service.name;
  const paragraphs = [t(`statusChangeMessage.body.${action}`, { serviceName })];
  if (change.reason) {
    paragraphs.push(t(action === "requestIntegration" ? "statusChangeMessage.request" : "statusChangeMessage.reason", { reason: change.reason }));
  }
  if (app.protocolNumber) paragraphs.push(t("statusChangeMessage.protocol", { protocolNumber: app.protocolNumber }));
  // The outcome document (server/applications/outcome.ts) is in the area's documents; applicants
  // without SPID have no area: they download it from the follow page this email links to.
  if (action === "finalizeAccept" || action === "finalizeReject") {
    paragraphs.push(
      app.citizenId
        ? (await getTranslator(DEFAULT_LOCALE, "outcome"))("notification.documentInArea")
        : (await getTranslator(DEFAULT_LOCALE, "followApplication"))("notification.outcomeByLink"),
    );
  }
  return { subject: t("statusChangeMessage.subject", { serviceName, status: t(statusLabelKey(change.toStatus)) }), paragraphs };
}

/** Posts the notice in the citizen's area, once per status change (applicants without SPID have
 * no area: their email is the notice). */
export async function postStatusChangeMessage(ref: TStatusChangeRef): Promise<{ messageId: string | null }> {
  const action = notifiedAction(ref.action);
  if (!action) return { messageId: null };
  const change = await loadChange(ref);
  const { citizenId } = change.application;
  if (!citizenId) return { messageId: null };
  const { subject, paragraphs } = await statusChangeText(change, action);
  const prisma = await db();
  const dedupeKey = `status-change:${change.id}`;
  const message = await prisma.message.upsert({
    where: { tenantId_dedupeKey: { tenantId: ref.tenantId, dedupeKey } },
    update: {},
    create: {
      tenantId: ref.tenantId,
      citizenId,
      applicationId: change.application.id,
      subject,
      body: paragraphs.join("\n\n"),
      source: "system",
      dedupeKey,
    },
    select: { id: true },
  });
  return { messageId: message.id };
}

/** Queues the notice by email to the citizen's address, or to the applicant's verified one. */
export async function queueStatusChangeEmail(ref: TStatusChangeRef): Promise<{ emailId: string | null }> {
  const action = notifiedAction(ref.action);
  if (!action) return { emailId: null };
  const change = await loadChange(ref);
  const app = change.application;
  const to = app.citizen ? app.citizen.email : app.applicantEmail;
  if (!to) return { emailId: null };
  const { subject, paragraphs } = await statusChangeText(change, action);
  const t = await getTranslator(DEFAULT_LOCALE, "applications");
  const { id } = await queueEmail({
    tenantId: ref.tenantId,
    to,
    template: "notification",
    props: {
      title: subject,
      paragraphs,
      actionUrl: applicationUrl({ tenantSlug: app.tenant.slug, applicationId: app.id, hasCitizen: !!app.citizenId }),
      actionLabel: t("statusChangeMessage.action"),
    },
  });
  return { emailId: id };
}
