import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { EmailAction } from "./components/email-action";
import { EmailLayout } from "./components/email-layout";
import { PREVIEW_CONTEXT } from "./components/preview-context";
import { s } from "./components/styles";
import type { TEmailContext, TEmailSubject } from "./components/types";

// A municipality's administrator gave someone access to its back office (server/staff/admin.ts).
// Two kinds: "setPassword" (no password yet: the one-time link to choose one, and until when it
// works) and "existingAccount" (the address already signs in elsewhere with a password: the link
// to this municipality's sign-in page, no new password needed).

export const ZStaffInvitationProps = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("setPassword"),
    name: z.string().min(1),
    email: z.email(),
    role: z.enum(["OPERATOR", "SERVICE_MANAGER", "TENANT_ADMIN"]),
    invitedBy: z.string().min(1).optional(),
    acceptUrl: z.url({ protocol: /^https?$/ }),
    /** ISO date-time after which the link stops working. */
    expiresAt: z.iso.datetime(),
  }),
  z.object({
    kind: z.literal("existingAccount"),
    name: z.string().min(1),
    email: z.email(),
    role: z.enum(["OPERATOR", "SERVICE_MANAGER", "TENANT_ADMIN"]),
    invitedBy: z.string().min(1).optional(),
    signInUrl: z.url({ protocol: /^https?$/ }),
  }),
]);
export type TStaffInvitationProps = z.infer<typeof ZStaffInvitationProps>;

export const subject: TEmailSubject<TStaffInvitationProps> = ({ t, municipality }) => t("staffInvitation.subject", { municipality: municipality.name });

const PREVIEW: TStaffInvitationProps = {
  kind: "setPassword",
  name: "Marco Rossi",
  email: "marco.rossi@comune.esempio.it",
  role: "OPERATOR",
  invitedBy: "Giulia Bianchi",
  acceptUrl: "http://localhost:3000/esempio/backoffice/invito/esempio-di-token",
  expiresAt: "2027-03-14T09:30:00.000Z",
};

export default function StaffInvitation({
  t = PREVIEW_CONTEXT.t,
  locale = PREVIEW_CONTEXT.locale,
  municipality = PREVIEW_CONTEXT.municipality,
  ...rest
}: Partial<TEmailContext> & Partial<TStaffInvitationProps>) {
  const ctx = { t, locale, municipality };
  const props = (rest.kind ? rest : PREVIEW) as TStaffInvitationProps;
  const role = t(`staffInvitation.roles.${props.role}`);
  const values = { municipality: municipality.name, role };
  return (
    <EmailLayout {...ctx} title={subject(ctx, props)} preview={t("staffInvitation.preview", values)}>
      <Heading as="h1" style={s.heading}>
        {t("staffInvitation.heading")}
      </Heading>
      <Text style={s.paragraph}>{t("staffInvitation.greeting", { name: props.name })}</Text>
      <Text style={s.paragraph}>
        {props.invitedBy ? t("staffInvitation.invitedBy", { ...values, invitedBy: props.invitedBy }) : t("staffInvitation.invited", values)}
      </Text>
      {props.kind === "setPassword" ? (
        <>
          <Text style={s.paragraph}>{t("staffInvitation.setPassword", { email: props.email })}</Text>
          <EmailAction t={t} href={props.acceptUrl} label={t("staffInvitation.setPasswordAction")} />
          <Text style={s.paragraph}>{t("staffInvitation.expires", { expiresAt: new Date(props.expiresAt) })}</Text>
        </>
      ) : (
        <>
          <Text style={s.paragraph}>{t("staffInvitation.existingAccount", { email: props.email })}</Text>
          <EmailAction t={t} href={props.signInUrl} label={t("staffInvitation.signInAction")} />
        </>
      )}
      <Text style={s.paragraph}>{t("staffInvitation.unexpected")}</Text>
    </EmailLayout>
  );
}

StaffInvitation.PreviewProps = PREVIEW satisfies Partial<TStaffInvitationProps>;
