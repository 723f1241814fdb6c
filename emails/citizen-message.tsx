import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { EmailAction } from "./components/email-action";
import { EmailLayout } from "./components/email-layout";
import { PREVIEW_CONTEXT } from "./components/preview-context";
import { s } from "./components/styles";
import type { TEmailContext, TEmailSubject } from "./components/types";

// To the operators of an application when the citizen writes (a reply, or the answer to an
// integration request): who, which application, how many files, and the link to the back office.
// The text itself stays out of the email: the office reads it where access is recorded.

export const ZCitizenMessageProps = z.object({
  kind: z.enum(["reply", "integration"]),
  /** "Rossi Maria" as the inbox shows it; omitted when unknown. */
  applicantName: z.string().min(1).optional(),
  serviceName: z.string().min(1),
  protocolNumber: z.string().min(1).optional(),
  attachmentCount: z.int().min(0).default(0),
  url: z.url({ protocol: /^https?$/ }),
});
export type TCitizenMessageProps = z.infer<typeof ZCitizenMessageProps>;

type TSubjectProps = Pick<TCitizenMessageProps, "kind" | "serviceName" | "protocolNumber">;

const reference = (p: TSubjectProps) => p.protocolNumber ?? p.serviceName;

export const subject: TEmailSubject<TSubjectProps> = ({ t }, props) => t(`citizenMessage.subject.${props.kind}`, { reference: reference(props) });

export default function CitizenMessage({
  kind = "reply",
  // Optional props get no example default: see PreviewProps.
  applicantName,
  serviceName = "Iscrizione al nido d'infanzia",
  protocolNumber,
  attachmentCount = 0,
  url = "http://localhost:3000/esempio/backoffice/domande/123",
  t = PREVIEW_CONTEXT.t,
  locale = PREVIEW_CONTEXT.locale,
  municipality = PREVIEW_CONTEXT.municipality,
}: Partial<TCitizenMessageProps & TEmailContext>) {
  const ctx = { t, locale, municipality };
  const applicant = applicantName ?? t("citizenMessage.applicantUnknown");
  const values = { applicant, serviceName, reference: reference({ kind, serviceName, protocolNumber }) };
  return (
    <EmailLayout {...ctx} title={subject(ctx, { kind, serviceName, protocolNumber })} preview={t(`citizenMessage.preview.${kind}`, values)}>
      <Heading as="h1" style={s.heading}>
        {t(`citizenMessage.heading.${kind}`)}
      </Heading>
      <Text style={s.paragraph}>{t(`citizenMessage.body.${kind}`, values)}</Text>
      {attachmentCount > 0 ? <Text style={s.paragraph}>{t("citizenMessage.files", { count: attachmentCount })}</Text> : null}
      <Text style={s.paragraph}>{t("citizenMessage.privacy")}</Text>
      <EmailAction t={t} href={url} label={t("citizenMessage.action")} />
      <Text style={s.small}>{t("citizenMessage.why")}</Text>
    </EmailLayout>
  );
}

CitizenMessage.PreviewProps = { applicantName: "Rossi Maria", protocolNumber: "ESE-2026-0000123", attachmentCount: 2 } satisfies Partial<TCitizenMessageProps>;
