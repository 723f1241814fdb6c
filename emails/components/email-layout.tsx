import { Body, Container, Head, Hr, Html, Preview, Section } from "@react-email/components";
import type { ReactNode } from "react";
import { EmailFooter } from "./email-footer";
import { EmailHeader } from "./email-header";
import { s } from "./styles";
import type { TEmailContext } from "./types";

/** Frame of every email: language, title, preview line, municipality header and footer. */
export function EmailLayout({
  t,
  locale,
  municipality,
  title,
  preview,
  children,
}: TEmailContext & { title: string; preview: string; children: ReactNode }) {
  return (
    <Html lang={locale} dir="ltr">
      <Head>
        <title>{title}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <EmailHeader municipality={municipality} />
          <Section style={s.content}>{children}</Section>
          <Hr style={s.hr} />
          <EmailFooter t={t} municipality={municipality} />
        </Container>
      </Body>
    </Html>
  );
}
