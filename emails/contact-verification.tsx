import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { EmailLayout } from "./components/email-layout";
import { PREVIEW_CONTEXT } from "./components/preview-context";
import { s } from "./components/styles";
import type { TEmailContext, TEmailSubject } from "./components/types";

// Sent when a citizen enters a new email address in their profile: the 6-digit code that
// confirms they can read mail at that address.

export const ZContactVerificationProps = z.object({
  /** "Maria Rossi". */
  name: z.string().min(1),
  code: z.string().regex(/^\d{6}$/),
  /** How long the code works, in minutes. */
  expiresInMinutes: z.number().int().positive(),
});
export type TContactVerificationProps = z.infer<typeof ZContactVerificationProps>;

export const subject: TEmailSubject<TContactVerificationProps> = ({ t }) => t("contactVerification.subject");

// The code in its own large, spaced paragraph: easy to read and to copy.
const codeStyle = { ...s.heading, fontSize: "32px", lineHeight: "40px", letterSpacing: "6px", fontFamily: "monospace" };

export default function ContactVerification({
  name = "Maria Rossi",
  code = "048213",
  expiresInMinutes = 15,
  t = PREVIEW_CONTEXT.t,
  locale = PREVIEW_CONTEXT.locale,
  municipality = PREVIEW_CONTEXT.municipality,
}: Partial<TContactVerificationProps & TEmailContext>) {
  const ctx = { t, locale, municipality };
  return (
    <EmailLayout {...ctx} title={subject(ctx, { name, code, expiresInMinutes })} preview={t("contactVerification.preview", { municipality: municipality.name })}>
      <Heading as="h1" style={s.heading}>
        {t("contactVerification.heading")}
      </Heading>
      <Text style={s.paragraph}>{t("contactVerification.greeting", { name })}</Text>
      <Text style={s.paragraph}>{t("contactVerification.intro", { municipality: municipality.name })}</Text>
      <Text style={codeStyle}>{code}</Text>
      <Text style={s.paragraph}>{t("contactVerification.expiry", { minutes: expiresInMinutes })}</Text>
      <Text style={s.small}>{t("contactVerification.notYou")}</Text>
    </EmailLayout>
  );
}
