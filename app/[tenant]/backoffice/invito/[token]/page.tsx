import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { SetPasswordForm } from "@/components/staff-admin/set-password-form";
import { inspectStaffInvitation } from "@/server/staff/invitations";
import { staffSignInPath } from "@/server/staff/urls";
import { getTenantOr404 } from "../../../get-tenant";

type TProps = { params: Promise<{ tenant: string; token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffAdmin.invitation");
  // The token is in the address: never indexed, never sent to other sites as referrer.
  return { title: t("metaTitle"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

// GET /{tenant}/backoffice/invito/{token} — where the invitation email leads: the municipality,
// the sign-in address and the form to choose the password. Opening it changes nothing (mail
// scanners open links); submitting the form uses it up. A link that doesn't work (used,
// expired, replaced, unknown) gets one page that says so without telling which.
export default async function StaffInvitationPage({ params }: TProps) {
  const { tenant: slug, token } = await params;
  const tenant = await getTenantOr404(slug);
  const [t, tShell, invitation] = await Promise.all([
    getTranslations("staffAdmin.invitation"),
    getTranslations("shell"),
    inspectStaffInvitation({ tenantId: tenant.id, token }),
  ]);
  const breadcrumb = [{ label: tShell("breadcrumb.home"), href: `/${tenant.slug}` }, { label: t("metaTitle") }];

  if (!invitation.usable) {
    return (
      <div className="container pb-5">
        <PageTitle breadcrumb={breadcrumb} title={t("invalidTitle")} />
        <div className="row">
          <div className="col-12 col-lg-7" data-testid="invitation-invalid">
            <p>{t("invalid")}</p>
            <p>{t("invalidHelp")}</p>
            <Link className="btn btn-primary" href={staffSignInPath(tenant.slug)}>
              {t("signIn")}
            </Link>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="container pb-5">
      <PageTitle breadcrumb={breadcrumb} title={t("title")} lead={t("lead", { tenant: tenant.name })} />
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <dl className="mb-4">
            <dt>{t("account")}</dt>
            <dd>{invitation.name}</dd>
            <dt>{t("email")}</dt>
            <dd className="text-break" data-testid="invitation-email">
              {invitation.email}
            </dd>
          </dl>
          <SetPasswordForm tenantSlug={tenant.slug} token={token} email={invitation.email} />
        </div>
      </div>
    </div>
  );
}
