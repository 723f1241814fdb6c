import type { ComponentType } from "react";
import type { z } from "zod";
import ApplicationReceipt, { ZApplicationReceiptProps, subject as applicationReceiptSubject } from "@/emails/application-receipt";
import CitizenMessage, { ZCitizenMessageProps, subject as citizenMessageSubject } from "@/emails/citizen-message";
import ContactVerification, { ZContactVerificationProps, subject as contactVerificationSubject } from "@/emails/contact-verification";
import DraftExpiring, { ZDraftExpiringProps, subject as draftExpiringSubject } from "@/emails/draft-expiring";
import EmailSignInLink, { ZEmailSignInLinkProps, subject as emailSignInLinkSubject } from "@/emails/email-sign-in-link";
import Notification, { ZNotificationProps, subject as notificationSubject } from "@/emails/notification";
import StaffInvitation, { ZStaffInvitationProps, subject as staffInvitationSubject } from "@/emails/staff-invitation";
import TestEmail, { ZTestEmailProps, subject as testEmailSubject } from "@/emails/test-email";
import type { TEmailContext, TEmailSubject } from "@/emails/components/types";

// Every email Sportello can send, by the name stored in OutboundEmail.template. A template is
// its file in emails/: component, props schema (props are stored as JSON and re-checked before
// sending) and subject. To add one: write emails/<name>.tsx, then add it here.

type TEmailTemplate<S extends z.ZodType> = {
  schema: S;
  Component: ComponentType<z.output<S> & TEmailContext>;
  subject: TEmailSubject<z.output<S>>;
};

function template<S extends z.ZodType>(def: TEmailTemplate<S>): TEmailTemplate<S> {
  return def;
}

export const EMAIL_TEMPLATES = {
  "test-email": template({ schema: ZTestEmailProps, Component: TestEmail, subject: testEmailSubject }),
  notification: template({ schema: ZNotificationProps, Component: Notification, subject: notificationSubject }),
  "application-receipt": template({ schema: ZApplicationReceiptProps, Component: ApplicationReceipt, subject: applicationReceiptSubject }),
  "email-sign-in-link": template({ schema: ZEmailSignInLinkProps, Component: EmailSignInLink, subject: emailSignInLinkSubject }),
  "draft-expiring": template({ schema: ZDraftExpiringProps, Component: DraftExpiring, subject: draftExpiringSubject }),
  "contact-verification": template({ schema: ZContactVerificationProps, Component: ContactVerification, subject: contactVerificationSubject }),
  "citizen-message": template({ schema: ZCitizenMessageProps, Component: CitizenMessage, subject: citizenMessageSubject }),
  "staff-invitation": template({ schema: ZStaffInvitationProps, Component: StaffInvitation, subject: staffInvitationSubject }),
};

export type TEmailTemplateName = keyof typeof EMAIL_TEMPLATES;
/** The props a caller passes for a template (before defaults/transforms). */
export type TEmailTemplateProps<N extends TEmailTemplateName> = z.input<(typeof EMAIL_TEMPLATES)[N]["schema"]>;

export function isEmailTemplateName(name: string): name is TEmailTemplateName {
  return Object.hasOwn(EMAIL_TEMPLATES, name);
}

/** The template by name, widened so callers can use it without knowing which one it is. */
export function getEmailTemplate(name: TEmailTemplateName): TEmailTemplate<z.ZodType> {
  // Indexing the registry with a union name gives a union TypeScript can't call; each entry was
  // type-checked against its own schema above, so widening here is sound.
  return EMAIL_TEMPLATES[name] as unknown as TEmailTemplate<z.ZodType>;
}
