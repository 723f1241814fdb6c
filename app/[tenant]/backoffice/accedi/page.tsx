import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { effectiveRole } from "@/server/auth/roles";
import { getViewer, safeCallbackPath } from "@/server/auth/session";
import { getTenantOr404 } from "../../get-tenant";
import { StaffSignInForm } from "./staff-sign-in-form";

type TProps = { params: Promise<{ tenant: string }>; searchParams: Promise<{ callbackUrl?: string; error?: string; password?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.staff");
  return { title: t("metaTitle"), robots: { index: false } };
}

// GET /{tenant}/backoffice/accedi — staff sign in with email and password to this municipality's
// back office.
export default async function StaffSignInPage({ params, searchParams }: TProps) {
  const { tenant: slug } = await params;
  const tenant = await getTenantOr404(slug);
  const query = await searchParams;
  const home = `/${tenant.slug}/backoffice`;
  const wanted = safeCallbackPath(query.callbackUrl, home);
  const callbackUrl = wanted.startsWith(`${home}/`) ? wanted : home;

  const viewer = await getViewer();
  if (viewer?.kind === "staff" && effectiveRole(viewer.staff, tenant.id)) redirect(callbackUrl);

  const [t, tShell, tInvitation] = await Promise.all([getTranslations("auth.staff"), getTranslations("shell"), getTranslations("staffAdmin.invitation")]);
  // Auth.js itself only lands here with an error when the form was posted without JavaScript.
  const initialError = query.error ? "auth.staff.errors.invalidCredentials" : null;

  return (
    <div className="container pb-5">
      <PageTitle
        breadcrumb={[{ label: tShell("breadcrumb.home"), href: `/${tenant.slug}` }, { label: t("metaTitle") }]}
        title={t("title")}
        lead={t("lead", { tenant: tenant.name })}
      />
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          {/* Back from the invitation page (server/staff/urls.ts staffSignInPath). */}
          {query.password === "impostata" ? (
            <div className="alert alert-success" role="status" data-testid="password-set-notice">
              {tInvitation("passwordSet")}
            </div>
          ) : null}
          <StaffSignInForm tenantSlug={tenant.slug} callbackUrl={callbackUrl} initialError={initialError} />
          <p className="small mt-3">{t("forgotten")}</p>
          <p>
            <Link href={`/${tenant.slug}/accedi`}>{t("citizenLink")}</Link>
          </p>
        </div>
      </div>
    </div>
  );
}
