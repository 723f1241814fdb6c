import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { PlatformShell } from "@/components/platform/platform-shell";
import { isDevMailUiEnabled } from "@/server/email/dev-mail-ui";
import { defaultMailDir } from "@/server/email/mail-dir";
import { listReceivedMail } from "@/server/email/mailbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("email.devMailbox");
  return { title: t("title"), robots: { index: false, follow: false } };
}

// GET /dev/mail — development only: the mail the local SMTP sink received, newest first.
export default async function DevMailboxPage() {
  await connection(); // read the folder on every request
  if (!isDevMailUiEnabled()) notFound();
  const [t, format, mails] = await Promise.all([
    getTranslations("email.devMailbox"),
    getFormatter(),
    listReceivedMail({ limit: 100 }),
  ]);

  return (
    <PlatformShell>
      <PageTitle title={t("title")} lead={t("intro")} />
      <p className="small text-secondary">{t("folder", { dir: defaultMailDir() })}</p>
      {mails.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>{t("count", { count: mails.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("from")}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id}>
                  <td className="text-nowrap">{format.dateTime(mail.date, { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td className="text-break">{mail.to.join(", ")}</td>
                  <th scope="row" className="fw-normal">
                    <Link href={`/dev/mail/${mail.id}`}>{mail.subject || t("noSubject")}</Link>
                  </th>
                  <td className="text-break">{mail.from}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PlatformShell>
  );
}
