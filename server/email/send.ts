import { z } from "zod";
import type { Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { DEFAULT_LOCALE, type TLocale } from "@/server/i18n/config";
import { triggerJob } from "@/server/jobs/client";
import { renderEmailSubject } from "./render";
import type { TStoredEmailProps } from "./stored-props";
import { getEmailTemplate, type TEmailTemplateName, type TEmailTemplateProps } from "./templates";

// The only way the app sends email: queueEmail writes an OutboundEmail row and enqueues the
// email.send job in one transaction (neither exists without the other); the job delivers it.

const ZRecipient = z.email();

export type TQueueEmailInput<N extends TEmailTemplateName> = {
  /** The municipality the email speaks for (header, footer, sender); none → the platform. */
  tenantId?: string | null;
  to: string;
  template: N;
  props: TEmailTemplateProps<N>;
  /** The recipient's language (default Italian). */
  locale?: TLocale;
  /** Queue inside the caller's transaction: the email exists only if the caller's writes commit. */
  tx?: Prisma.TransactionClient;
};

export async function queueEmail<N extends TEmailTemplateName>(input: TQueueEmailInput<N>): Promise<{ id: string }> {
  const to = ZRecipient.parse(input.to.trim());
  const locale = input.locale ?? DEFAULT_LOCALE;
  // Parsed now so a bad call fails in the caller, not in a worker hours later.
  const values = getEmailTemplate(input.template).schema.parse(input.props) as Record<string, unknown>;

  const client = input.tx ?? (await db());
  const tenant = input.tenantId
    ? await client.tenant.findUniqueOrThrow({
        where: { id: input.tenantId },
        select: { name: true, area: true, brandColor: true },
      })
    : null;
  // The subject is stored on the row, so the outbox shows what each email is about.
  const subject = await renderEmailSubject(input.template, input.props, locale, { municipality: tenant });
  const props: TStoredEmailProps = { locale, values };

  const write = async (tx: Prisma.TransactionClient) => {
    const row = await tx.outboundEmail.create({
      data: { tenantId: input.tenantId ?? null, to, subject, template: input.template, props: props as Prisma.InputJsonObject },
      select: { id: true },
    });
    await triggerJob("email.send", { emailId: row.id }, { tx });
    return row;
  };
  return input.tx ? write(input.tx) : (await db()).$transaction(write);
}
