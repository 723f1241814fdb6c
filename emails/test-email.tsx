import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { EmailLayout } from "./components/email-layout";
import { PREVIEW_CONTEXT } from "./components/preview-context";
import { s } from "./components/styles";
import type { TEmailContext, TEmailSubject } from "./components/types";

// Sent when a municipality's administrator checks that its email settings work.

export const ZTestEmailProps = z.object({
  /** Who asked for the test (shown so the recipient knows it was deliberate). */
  requestedBy: z.string().min(1),
  /** ISO date-time of the request. */
  requestedAt: z.iso.datetime(),
});
export type TTestEmailProps = z.infer<typeof ZTestEmailProps>;

export const subject: TEmailSubject<TTestEmailProps> = ({ t, municipality }) =>
  t("testEmail.subject", { municipality: municipality.name });

export default function TestEmail({
  requestedBy = "Maria Bianchi",
  requestedAt = "2025-03-14T09:30:00.000Z",
  t = PREVIEW_CONTEXT.t,
  locale = PREVIEW_CONTEXT.locale,
  municipality = PREVIEW_CONTEXT.municipality,
}: Partial<TTestEmailProps & TEmailContext>) {
  const ctx = { t, locale, municipality };
  return (
    <EmailLayout
      {...ctx}
      title={subject(ctx, { requestedBy, requestedAt })}
      preview={t("testEmail.preview", { municipality: municipality.name })}
    >
      <Heading as="h1" style={s.heading}>
        {t("testEmail.heading")}
      </Heading>
      <Text style={s.paragraph}>
        {t("testEmail.body", { requestedBy, requestedAt: new Date(requestedAt), municipality: municipality.name })}
      </Text>
      <Text style={s.paragraph}>{t("testEmail.received")}</Text>
      <Text style={s.paragraph}>{t("testEmail.unexpected")}</Text>
    </EmailLayout>
  );
}
