import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { renderEmail } from "./render";
import { ZStoredEmailProps } from "./stored-props";
import { isEmailTemplateName, type TEmailTemplateProps } from "./templates";
import { getTransport } from "./transport";

// One delivery attempt of a queued email, run by the email.send job. On failure the row keeps
// the error and the attempt count and the error is rethrown so the job system retries with
// backoff; after the last attempt the row is FAILED, so no email ends silently unsent.

/** The domain of a sender like "Comune <noreply@comune.it>", for the Message-ID. */
function senderDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? "sportello.localhost";
}

export type TDeliveryResult = { status: "sent"; messageId: string } | { status: "skipped"; reason: "missing" | "already-sent" };

export async function deliverQueuedEmail(opts: { emailId: string; isLastAttempt: boolean }): Promise<TDeliveryResult> {
  const prisma = await db();
  const email = await prisma.outboundEmail.findUnique({
    where: { id: opts.emailId },
    include: { tenant: { select: { name: true, area: true, brandColor: true, emailFrom: true } } },
  });
  // Gone with its municipality (cascade), or a duplicate job after a successful send.
  if (!email) return { status: "skipped", reason: "missing" };
  if (email.status === "SENT") return { status: "skipped", reason: "already-sent" };

  const from = email.tenant?.emailFrom ?? env().EMAIL_FROM;
  let messageId: string;
  try {
    if (!isEmailTemplateName(email.template)) throw new Error(`Unknown email template "${email.template}"`);
    const stored = ZStoredEmailProps.parse(email.props);
    const { html, text } = await renderEmail(
      email.template,
      stored.values as TEmailTemplateProps<typeof email.template>,
      stored.locale,
      { municipality: email.tenant },
    );
    const info = await getTransport().sendMail({
      from,
      to: email.to,
      subject: email.subject,
      html,
      text,
      // Stable id: if a retry resends after a lost acknowledgement, receivers can see it's the same.
      messageId: `<${email.id}@${senderDomain(from)}>`,
      headers: { "Auto-Submitted": "auto-generated" },
    });
    messageId = info.messageId;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await prisma.outboundEmail.update({
      where: { id: email.id },
      data: {
        attempts: { increment: 1 },
        lastError: message.slice(0, 2000),
        status: opts.isLastAttempt ? "FAILED" : "QUEUED",
      },
    });
    throw e;
  }
  await prisma.outboundEmail.update({
    where: { id: email.id },
    data: { status: "SENT", messageId, sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
  });
  return { status: "sent", messageId };
}
