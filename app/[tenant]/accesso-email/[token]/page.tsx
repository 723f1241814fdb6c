import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { inspectEmailSignInLink } from "@/server/applicants/email-sign-in";
import { emailSignInPath } from "@/server/applicants/urls";
import { getTenantOr404 } from "../../get-tenant";
import { ConfirmEmailSignInForm } from "./confirm-form";

type TProps = { params: Promise<{ tenant: string; token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("emailAccess.confirm");
  // The token is in the address: never indexed, never sent to other sites as referrer.
  return { title: t("metaTitle"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

const TITLES = { invalid: "invalidTitle", used: "usedTitle", expired: "expiredTitle" } as const;
const MESSAGES = { invalid: "linkInvalid", used: "linkUsed", expired: "linkExpired" } as const;

// GET /{tenant}/accesso-email/{token} — where the emailed one-time link leads. Opening it changes
// nothing (mail scanners open links too): the "Conferma" button uses it up, starts the session
// and goes on to the service. A used, expired or unknown link says so and offers a new one.
export default async function ConfirmEmailSignInPage({ params }: TProps) {
  const { tenant: slug, token } = await params;
  const tenant = await getTenantOr404(slug);
  const link = await inspectEmailSignInLink({ tenantId: tenant.id, token });
  const [t, tErrors, tShell] = await Promise.all([
    getTranslations("emailAccess.confirm"),
    getTranslations("emailAccess.errors"),
    getTranslations("shell"),
  ]);
  const newLinkHref = emailSignInPath(tenant.slug, link.service?.slug);
  const breadcrumb = [{ label: tShell("breadcrumb.home"), href: `/${tenant.slug}` }, { label: t("metaTitle") }];

  if (link.state !== "valid") {
    return (
      <div className="container pb-5">
        <PageTitle breadcrumb={breadcrumb} title={t(TITLES[link.state])} />
        <div className="row">
          <div className="col-12 col-lg-7">
            <p data-testid="email-confirm-unusable">{tErrors(MESSAGES[link.state])}</p>
            <Link className="btn btn-primary" href={newLinkHref}>
              {t("newLink")}
            </Link>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="container pb-5">
      <PageTitle breadcrumb={breadcrumb} title={t("title")} />
      <div className="row">
        <div className="col-12 col-lg-7">
          <p className="lead text-break">
            {link.service ? t("bodyService", { email: link.email!, service: link.service.name }) : t("body", { email: link.email! })}
          </p>
          <p>{t("why")}</p>
          <ConfirmEmailSignInForm tenantSlug={tenant.slug} token={token} newLinkHref={newLinkHref} />
        </div>
      </div>
    </div>
  );
}
