import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { PlatformShell } from "@/components/platform/platform-shell";
import { SignOutButton } from "@/components/sign-out-button";
import { getViewer } from "@/server/auth/session";
import { listTenantsForHome } from "@/server/tenant";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("metaTitle"), robots: { index: false } };
}

// GET /admin — the platform super-admin's area: the municipalities of this installation.
// Staff sign in at a municipality's back office (super-admins may use any of them).
export default async function AdminPage() {
  const [t, viewer, tenants] = await Promise.all([getTranslations("admin"), getViewer(), listTenantsForHome()]);

  if (viewer?.kind !== "staff") {
    return (
      <PlatformShell>
        <PageTitle title={t("signInTitle")} lead={t("signInBody")} />
        {tenants.length === 0 ? (
          <p>{t("noTenants")}</p>
        ) : (
          <ul className="list-unstyled">
            {tenants.map((tenant) => (
              <li key={tenant.slug} className="mb-2">
                <Link href={`/${tenant.slug}/backoffice/accedi`}>{t("signInLink", { name: tenant.name })}</Link>
              </li>
            ))}
          </ul>
        )}
      </PlatformShell>
    );
  }

  if (!viewer.staff.isSuperAdmin) {
    return (
      <PlatformShell>
        <PageTitle title={t("forbiddenTitle")} lead={t("forbiddenBody")} />
        <p>{t("signedInAs", { name: viewer.staff.name })}</p>
        <SignOutButton className="btn btn-outline-primary" redirectTo="/admin" />
      </PlatformShell>
    );
  }

  return (
    <PlatformShell>
      <PageTitle title={t("title")} lead={t("lead")} />
      <div className="d-flex flex-wrap align-items-center gap-3 mb-4">
        <p className="mb-0">{t("signedInAs", { name: viewer.staff.name })}</p>
        <SignOutButton className="btn btn-sm btn-outline-primary" redirectTo="/admin" />
      </div>
      <h2 className="h4">{t("tenants")}</h2>
      <div className="table-responsive">
        <table className="table">
          <caption className="visually-hidden">{t("tenantsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.name")}</th>
              <th scope="col" className="d-none d-md-table-cell">{t("columns.area")}</th>
              <th scope="col">{t("columns.address")}</th>
              <th scope="col">{t("columns.links")}</th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((tenant) => (
              <tr key={tenant.slug}>
                <th scope="row">{tenant.name}</th>
                <td className="d-none d-md-table-cell">{tenant.area ?? "—"}</td>
                <td className="identifier">/{tenant.slug}</td>
                <td>
                  <Link href={`/${tenant.slug}`} className="d-inline-block me-3">
                    {t("site")}
                  </Link>
                  <Link href={`/${tenant.slug}/backoffice`} className="d-inline-block">
                    {t("backoffice")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PlatformShell>
  );
}
