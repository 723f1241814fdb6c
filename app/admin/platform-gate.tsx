import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageTitle } from "@/components/page-title";
import { PlatformShell } from "@/components/platform/platform-shell";
import { SignOutButton } from "@/components/sign-out-button";
import { getViewer } from "@/server/auth/session";
import type { TStaffViewer } from "@/server/auth/types";
import { listTenantsForHome } from "@/server/tenant";

// Who may see the platform's administration pages: its super-admins. Anyone else gets a panel
// instead of the page: signed out, where to sign in (staff sign in at a municipality's back
// office); signed in without the role, "access not allowed".
export async function platformAdminOrPanel(): Promise<{ staff: TStaffViewer } | { panel: ReactNode }> {
  const [t, viewer] = await Promise.all([getTranslations("admin"), getViewer()]);
  if (viewer?.kind === "staff" && viewer.staff.isSuperAdmin) return { staff: viewer.staff };
  if (viewer?.kind !== "staff") {
    const tenants = await listTenantsForHome();
    return {
      panel: (
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
      ),
    };
  }
  return {
    panel: (
      <PlatformShell>
        <PageTitle title={t("forbiddenTitle")} lead={t("forbiddenBody")} />
        <p>{t("signedInAs", { name: viewer.staff.name })}</p>
        <SignOutButton className="btn btn-outline-primary" redirectTo="/admin" />
      </PlatformShell>
    ),
  };
}
