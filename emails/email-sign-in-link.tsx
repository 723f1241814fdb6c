import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { EmailAction } from "./components/email-action";
import { EmailLayout } from "./components/email-layout";
import { PREVIEW_CONTEXT } from "./components/preview-context";
import { s } from "./components/styles";
import type { TEmailContext, TEmailSubject } from "./components/types";

// The one-time link that confirms the address of an applicant without SPID or CIE
// (server/applicants/email-sign-in.ts). Says how long it lasts and that it can be ignored.

export const ZEmailSignInLinkProps = z.object({
  signInUrl: z.url({ protocol: /^https?$/ }),
  /** The service they asked to apply for; omitted when they did not pick one. */
  serviceName: z.string().min(1).optional(),
  expiresInMinutes: z.number().int().positive(),
});
export type TEmailSignInLinkProps = z.infer<typeof ZEmailSignInLinkProps>;

export const subject: TEmailSubject<TEmailSignInLinkProps> = ({ t, municipality }) =>
  t("emailSignInLink.subject", { municipality: municipality.name });

export default function EmailSignInLink({
  signInUrl = "http://localhost:3000/esempio/accesso-email/esempio-di-token",
  // Optional: no example default (a real send without a service must not name one).
  serviceName,
  expiresInMinutes = 30,
  t = PREVIEW_CONTEXT.t,
  locale = PREVIEW_CONTEXT.locale,
  municipality = PREVIEW_CONTEXT.municipality,
}: Partial<TEmailSignInLinkProps & TEmailContext>) {
  const ctx = { t, locale, municipality };
  const minutes = { minutes: expiresInMinutes };
  return (
    <EmailLayout {...ctx} title={subject(ctx, { signInUrl, serviceName, expiresInMinutes })} preview={t("emailSignInLink.preview", minutes)}>
      <Heading as="h1" style={s.heading}>
        {t("emailSignInLink.heading")}
      </Heading>
      <Text style={s.paragraph}>
        {serviceName
          ? t("emailSignInLink.requestedForService", { serviceName, municipality: municipality.name })
          : t("emailSignInLink.requested", { municipality: municipality.name })}
      </Text>
      <EmailAction t={t} href={signInUrl} label={t("emailSignInLink.action")} />
      <Text style={s.paragraph}>{t("emailSignInLink.expires", minutes)}</Text>
      <Text style={s.paragraph}>{t("emailSignInLink.ignore")}</Text>
    </EmailLayout>
  );
}

EmailSignInLink.PreviewProps = { serviceName: "Bonus alimentare" } satisfies Partial<TEmailSignInLinkProps>;
