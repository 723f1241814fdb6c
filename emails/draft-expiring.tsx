import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { EmailAction } from "./components/email-action";
import { EmailLayout } from "./components/email-layout";
import { PREVIEW_CONTEXT } from "./components/preview-context";
import { s } from "./components/styles";
import type { TEmailContext, TEmailSubject } from "./components/types";

// Sent 30 days before a draft is deleted (server/applications/draft-retention.ts): which service,
// the day it goes, and the link to resume it.

export const ZDraftExpiringProps = z.object({
  /** "Maria Rossi"; omitted for applicants without a digital identity. */
  applicantName: z.string().min(1).optional(),
  serviceName: z.string().min(1),
  /** ISO date-time from which the draft will be deleted. */
  deleteOn: z.iso.datetime(),
  resumeUrl: z.url({ protocol: /^https?$/ }),
  /** Applicants without SPID confirm their address again before resuming. */
  confirmEmailFirst: z.boolean().default(false),
});
export type TDraftExpiringProps = z.infer<typeof ZDraftExpiringProps>;

export const subject: TEmailSubject<Pick<TDraftExpiringProps, "serviceName" | "deleteOn">> = ({ t }, props) =>
  t("draftExpiring.subject", { serviceName: props.serviceName, deleteOn: new Date(props.deleteOn) });

export default function DraftExpiring({
  // Optional props get no example default: see PreviewProps.
  applicantName,
  serviceName = "Iscrizione al nido d'infanzia",
  deleteOn = "2027-03-14T02:15:00.000Z",
  resumeUrl = "http://localhost:3000/esempio/domande/123",
  confirmEmailFirst = false,
  t = PREVIEW_CONTEXT.t,
  locale = PREVIEW_CONTEXT.locale,
  municipality = PREVIEW_CONTEXT.municipality,
}: Partial<TDraftExpiringProps & TEmailContext>) {
  const ctx = { t, locale, municipality };
  return (
    <EmailLayout
      {...ctx}
      title={subject(ctx, { serviceName, deleteOn })}
      preview={t("draftExpiring.preview", { deleteOn: new Date(deleteOn) })}
    >
      <Heading as="h1" style={s.heading}>
        {t("draftExpiring.heading")}
      </Heading>
      <Text style={s.paragraph}>
        {applicantName ? t("draftExpiring.greeting", { name: applicantName }) : t("draftExpiring.greetingAnonymous")}
      </Text>
      <Text style={s.paragraph}>{t("draftExpiring.body", { serviceName, deleteOn: new Date(deleteOn), municipality: municipality.name })}</Text>
      <Text style={s.paragraph}>{t("draftExpiring.keep")}</Text>
      {confirmEmailFirst ? <Text style={s.paragraph}>{t("draftExpiring.confirmEmailFirst")}</Text> : null}
      <EmailAction t={t} href={resumeUrl} label={t("draftExpiring.action")} />
      <Text style={s.paragraph}>{t("draftExpiring.ignore")}</Text>
    </EmailLayout>
  );
}

DraftExpiring.PreviewProps = { applicantName: "Maria Rossi" } satisfies Partial<TDraftExpiringProps>;
