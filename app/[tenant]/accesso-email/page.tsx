import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmailApplicantBanner } from "@/components/applicant/email-applicant-banner";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { getCurrentApplicant } from "@/server/applicants/current";
import { emailSignInChoices } from "@/server/applicants/email-sign-in";
import { afterEmailSignInPath, emailSignInPath } from "@/server/applicants/urls";
import { getTenantOr404 } from "../get-tenant";
import { EmailSignInForm } from "./email-sign-in-form";

type TProps = { params: Promise<{ tenant: string }>; searchParams: Promise<{ servizio?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("emailAccess");
  return { title: t("metaTitle"), robots: { index: false } };
}

// GET /{tenant}/accesso-email?servizio={slug} — applicants without SPID/CIE give their email for
// a service open to everyone (ANONYMOUS_EMAIL) and receive a one-time link to confirm it.
export default async function EmailSignInPage({ params, searchParams }: TProps) {
  const { tenant: slug } = await params;
  const tenant = await getTenantOr404(slug);
  const query = await searchParams;
  const wanted = typeof query.servizio === "string" ? query.servizio : null;

  const [t, tShell, { services, selected, needsIdentity }, applicant] = await Promise.all([
    getTranslations("emailAccess"),
    getTranslations("shell"),
    emailSignInChoices({ tenantId: tenant.id, serviceSlug: wanted }),
    getCurrentApplicant(tenant.id),
  ]);
  const choices = selected ? [selected] : services;
  const signInWithSpid = `/${tenant.slug}/accedi?callbackUrl=${encodeURIComponent(
    needsIdentity ? `/${tenant.slug}/servizi/${needsIdentity.slug}/domanda` : `/${tenant.slug}/area-personale`,
  )}`;

  const showsForm = !needsIdentity && choices.length > 0;
  let body: React.ReactNode;
  if (needsIdentity) {
    body = (
      <div className="alert alert-info" data-testid="email-sign-in-needs-identity">
        <h2 className="h5 alert-heading">{t("needsIdentity.title")}</h2>
        <p>{t("needsIdentity.body", { service: needsIdentity.name })}</p>
        <Link className="btn btn-primary" href={signInWithSpid}>
          {t("needsIdentity.action")}
        </Link>
      </div>
    );
  } else if (choices.length === 0) {
    body = (
      <EmptyState title={t("noServices.title")} headingLevel={2}>
        <p className="mb-2">{t("noServices.body")}</p>
        <Link href={`/${tenant.slug}/servizi`}>{t("noServices.action")}</Link>
      </EmptyState>
    );
  } else {
    body = (
      <>
        {applicant?.kind === "email" && selected ? (
          <p>
            <Link className="btn btn-outline-primary" href={afterEmailSignInPath(tenant.slug, selected.slug)}>
              {t("signedIn.continue")}
            </Link>
          </p>
        ) : null}
        <EmailSignInForm
          tenantSlug={tenant.slug}
          services={choices.map((s) => ({ slug: s.slug, name: s.name }))}
          selected={selected?.slug ?? null}
          againHref={emailSignInPath(tenant.slug, selected?.slug)}
        />
      </>
    );
  }

  return (
    <div className="container pb-5">
      <PageTitle
        breadcrumb={[
          { label: tShell("breadcrumb.home"), href: `/${tenant.slug}` },
          ...(selected ? [{ label: selected.name, href: `/${tenant.slug}/servizi/${selected.slug}` }] : []),
          { label: t("metaTitle") },
        ]}
        title={t("title")}
        lead={selected ? t("lead") : t("leadNoService")}
      />
      <EmailApplicantBanner tenant={tenant} />
      <div className="row g-4">
        <div className="col-12 col-lg-7">{body}</div>
        {showsForm ? (
          <div className="col-12 col-lg-5">
            <section aria-labelledby="how-title">
              <h2 id="how-title" className="h4">
                {t("howTitle")}
              </h2>
              <ol>
                <li>{t("howSteps.email")}</li>
                <li>{t("howSteps.confirm")}</li>
                <li>{t("howSteps.fill")}</li>
              </ol>
              <p>{t("noMessages")}</p>
              <p>
                <Link href={signInWithSpid}>{t("withSpid")}</Link>
              </p>
              <p>
                <Link href={`/${tenant.slug}/privacy`}>{t("privacyLink")}</Link>
              </p>
            </section>
          </div>
        ) : null}
      </div>
    </div>
  );
}
