import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Icon } from "@/components/icon";
import { PageTitle } from "@/components/page-title";
import { citizenSignIn } from "@/server/auth/actions";
import { getViewer, safeCallbackPath } from "@/server/auth/session";
import { oidcSettings } from "@/server/auth/spid-provider";
import { getTenantOr404 } from "../get-tenant";

type TProps = { params: Promise<{ tenant: string }>; searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.citizen");
  return { title: t("metaTitle"), robots: { index: false } };
}

/** Auth.js error types (and our own "unavailable") → which message the page shows. */
function errorKey(error: string | undefined): "unavailable" | "denied" | "failed" | null {
  if (!error) return null;
  if (error === "unavailable" || error === "Configuration") return "unavailable";
  if (error === "AccessDenied") return "denied";
  return "failed";
}

// GET /{tenant}/accedi — citizens sign in with SPID or CIE (OpenID Connect), then go back to
// callbackUrl (default: the personal area).
export default async function CitizenSignInPage({ params, searchParams }: TProps) {
  const { tenant: slug } = await params;
  const tenant = await getTenantOr404(slug);
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(query.callbackUrl, `/${tenant.slug}/area-personale`);

  const viewer = await getViewer();
  if (viewer?.kind === "citizen") redirect(callbackUrl);

  const [t, tShell] = await Promise.all([getTranslations("auth.citizen"), getTranslations("shell")]);
  const error = errorKey(query.error);
  const signIn = citizenSignIn.bind(null, tenant.slug, callbackUrl);

  return (
    <div className="container pb-5">
      <PageTitle
        breadcrumb={[{ label: tShell("breadcrumb.home"), href: `/${tenant.slug}` }, { label: t("metaTitle") }]}
        title={t("title")}
        lead={t("lead", { tenant: tenant.name })}
      />
      <div className="row g-4">
        <div className="col-12 col-lg-7">
          {error ? (
            <div className="alert alert-danger" role="alert" data-testid="citizen-sign-in-error">
              <h2 className="h5 alert-heading">{t("errors.title")}</h2>
              <p className="mb-0">{t(`errors.${error}`)}</p>
            </div>
          ) : null}
          <div className="card card-bg shadow-sm rounded">
            <div className="card-body">
              <form action={signIn}>
                <button type="submit" className="btn btn-primary btn-lg btn-icon w-100 justify-content-center">
                  <Icon name="it-user" color="white" />
                  <span>{t("button")}</span>
                </button>
              </form>
              {oidcSettings().local ? (
                <p className="small mt-3 mb-0 d-flex gap-2" data-testid="oidc-dev-notice">
                  <Icon name="it-info-circle" size="sm" color="primary" />
                  <span>{t("devNotice")}</span>
                </p>
              ) : null}
            </div>
          </div>
          <section aria-labelledby="how-title" className="mt-4">
            <h2 id="how-title" className="h4">
              {t("howTitle")}
            </h2>
            <ol>
              <li>{t("howSteps.choose")}</li>
              <li>{t("howSteps.identify")}</li>
              <li>{t("howSteps.back")}</li>
            </ol>
          </section>
        </div>
        <div className="col-12 col-lg-5">
          <section aria-labelledby="data-title">
            <h2 id="data-title" className="h4">
              {t("dataTitle")}
            </h2>
            <p>{t("dataBody", { tenant: tenant.name })}</p>
            <p>
              <Link href={`/${tenant.slug}/privacy`}>{t("privacyLink")}</Link>
            </p>
            <p>{t("noIdentity")}</p>
          </section>
          <p className="mt-4">
            <Link href={`/${tenant.slug}/backoffice/accedi`}>{t("staffLink")}</Link>
          </p>
        </div>
      </div>
    </div>
  );
}
