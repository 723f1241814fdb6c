import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { EmailAction } from "./components/email-action";
import { EmailLayout } from "./components/email-layout";
import { PREVIEW_CONTEXT } from "./components/preview-context";
import { s } from "./components/styles";
import type { TEmailContext, TEmailSubject } from "./components/types";

// Sent when an application is registered in the protocol: the number, the service, the date by
// which the municipality must conclude it, and the link to follow it.

export const ZApplicationReceiptProps = z.object({
  /** "Maria Rossi"; omitted for applicants without a digital identity. */
  applicantName: z.string().min(1).optional(),
  serviceName: z.string().min(1),
  protocolNumber: z.string().min(1),
  /** ISO date-time of the registration. */
  registeredAt: z.iso.datetime(),
  /** ISO date-time by which the municipality must conclude the application. */
  dueDate: z.iso.datetime().optional(),
  applicationUrl: z.url({ protocol: /^https?$/ }),
});
export type TApplicationReceiptProps = z.infer<typeof ZApplicationReceiptProps>;

export const subject: TEmailSubject<TApplicationReceiptProps> = ({ t }, props) =>
  t("applicationReceipt.subject", { protocolNumber: props.protocolNumber, serviceName: props.serviceName });

export default function ApplicationReceipt({
  // Optional props get no example default (a real send without a name must not show one): the
  // preview's values are in PreviewProps below.
  applicantName,
  serviceName = "Iscrizione al nido d'infanzia",
  protocolNumber = "ESE-2026-0000123",
  registeredAt = "2026-03-14T09:30:00.000Z",
  dueDate,
  applicationUrl = "http://localhost:3000/esempio/area-personale/domande/123",
  t = PREVIEW_CONTEXT.t,
  locale = PREVIEW_CONTEXT.locale,
  municipality = PREVIEW_CONTEXT.municipality,
}: Partial<TApplicationReceiptProps & TEmailContext>) {
  const ctx = { t, locale, municipality };
  const props = { applicantName, serviceName, protocolNumber, registeredAt, dueDate, applicationUrl };
  return (
    <EmailLayout
      {...ctx}
      title={subject(ctx, props)}
      preview={t("applicationReceipt.preview", { protocolNumber, municipality: municipality.name })}
    >
      <Heading as="h1" style={s.heading}>
        {t("applicationReceipt.heading")}
      </Heading>
      <Text style={s.paragraph}>
        {applicantName ? t("applicationReceipt.greeting", { name: applicantName }) : t("applicationReceipt.greetingAnonymous")}
      </Text>
      <Text style={s.paragraph}>
        {t("applicationReceipt.registered", {
          serviceName,
          protocolNumber,
          registeredAt: new Date(registeredAt),
          municipality: municipality.name,
        })}
      </Text>
      {dueDate ? <Text style={s.paragraph}>{t("applicationReceipt.dueDate", { dueDate: new Date(dueDate) })}</Text> : null}
      <Text style={s.paragraph}>{t("applicationReceipt.follow")}</Text>
      <EmailAction t={t} href={applicationUrl} label={t("applicationReceipt.action")} />
    </EmailLayout>
  );
}

// Example for the React Email preview server, including the optional props.
ApplicationReceipt.PreviewProps = {
  applicantName: "Maria Rossi",
  dueDate: "2026-04-13T09:30:00.000Z",
} satisfies Partial<TApplicationReceiptProps>;
