import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { PlatformShell } from "@/components/platform/platform-shell";
import { isDevMailUiEnabled } from "@/server/email/dev-mail-ui";
import { getReceivedMail } from "@/server/email/mailbox";

type TProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const t = await getTranslations("email.devMailbox");
  const mail = isDevMailUiEnabled() ? await getReceivedMail((await params).id) : null;
  return { title: mail?.subject || t("title"), robots: { index: false, follow: false } };
}

// GET /dev/mail/{id} — development only: one received email, its HTML in a sandboxed iframe
// (no scripts, no access to this page) and its plain-text version.
export default async function DevMailPage({ params }: TProps) {
  await connection();
  if (!isDevMailUiEnabled()) notFound();
  const mail = await getReceivedMail((await params).id);
  if (!mail) notFound();
  const [t, format] = await Promise.all([getTranslations("email.devMailbox"), getFormatter()]);
  const subject = mail.subject || t("noSubject");

  return (
    <PlatformShell>
      <PageTitle breadcrumb={[{ label: t("title"), href: "/dev/mail" }, { label: subject }]} title={subject} />
      <dl className="row mb-4">
        <dt className="col-sm-2">{t("from")}</dt>
        <dd className="col-sm-10 text-break">{mail.from}</dd>
        <dt className="col-sm-2">{t("to")}</dt>
        <dd className="col-sm-10 text-break">{mail.to.join(", ")}</dd>
        <dt className="col-sm-2">{t("date")}</dt>
        <dd className="col-sm-10">{format.dateTime(mail.date, { dateStyle: "full", timeStyle: "medium" })}</dd>
      </dl>

      <section aria-labelledby="mail-html" className="mb-4">
        <h2 id="mail-html" className="h4">
          {t("htmlVersion")}
        </h2>
        {mail.html ? (
          <iframe
            title={t("htmlFrameTitle")}
            srcDoc={mail.html}
            // Links may open in a new tab; nothing in the email can script or reach this page.
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            className="w-100 border"
            style={{ height: "70vh" }}
          />
        ) : (
          <p>{t("noHtml")}</p>
        )}
      </section>

      <section aria-labelledby="mail-text" className="mb-4">
        <h2 id="mail-text" className="h4">
          {t("textVersion")}
        </h2>
        {mail.text ? (
          <pre className="bg-light border p-3" style={{ whiteSpace: "pre-wrap" }}>
            {mail.text}
          </pre>
        ) : (
          <p>{t("noText")}</p>
        )}
      </section>

      <Link href="/dev/mail">{t("back")}</Link>
    </PlatformShell>
  );
}
