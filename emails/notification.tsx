import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { EmailAction } from "./components/email-action";
import { EmailLayout } from "./components/email-layout";
import { PREVIEW_CONTEXT } from "./components/preview-context";
import { s } from "./components/styles";
import type { TEmailContext, TEmailSubject } from "./components/types";

// A generic message: a title, paragraphs and an optional link. The caller passes text already in
// the recipient's language (translated with its own namespace); the subject is the title.

export const ZNotificationProps = z
  .object({
    title: z.string().min(1).max(200),
    paragraphs: z.array(z.string().min(1)).min(1),
    /** Short text for the inbox preview; defaults to the first paragraph. */
    preview: z.string().optional(),
    actionUrl: z.url({ protocol: /^https?$/ }).optional(),
    actionLabel: z.string().min(1).optional(),
  })
  .refine((p) => !p.actionUrl === !p.actionLabel, { message: "actionUrl and actionLabel go together", path: ["actionLabel"] });
export type TNotificationProps = z.infer<typeof ZNotificationProps>;

export const subject: TEmailSubject<TNotificationProps> = (_ctx, props) => props.title;

export default function Notification({
  title = "La tua domanda è stata presa in carico",
  paragraphs = [
    "Gentile Maria Rossi, la domanda di iscrizione al servizio di mensa scolastica (protocollo ESE-2025-000123) è stata presa in carico dall'Ufficio scuola.",
    "Riceverai un nuovo messaggio quando la pratica sarà conclusa.",
  ],
  // Optional props get no example default: a real send without a link must not show one.
  preview,
  actionUrl,
  actionLabel,
  t = PREVIEW_CONTEXT.t,
  locale = PREVIEW_CONTEXT.locale,
  municipality = PREVIEW_CONTEXT.municipality,
}: Partial<TNotificationProps & TEmailContext>) {
  return (
    <EmailLayout t={t} locale={locale} municipality={municipality} title={title} preview={preview ?? paragraphs[0] ?? title}>
      <Heading as="h1" style={s.heading}>
        {title}
      </Heading>
      {paragraphs.map((p, i) => (
        <Text key={i} style={s.paragraph}>
          {p}
        </Text>
      ))}
      {actionUrl && actionLabel ? <EmailAction t={t} href={actionUrl} label={actionLabel} /> : null}
    </EmailLayout>
  );
}

// Example for the React Email preview server, including the optional link.
Notification.PreviewProps = {
  actionUrl: "http://localhost:3000/esempio/area-personale",
  actionLabel: "Vai alla tua area personale",
} satisfies Partial<TNotificationProps>;
