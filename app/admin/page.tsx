import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { PlatformShell } from "@/components/platform/platform-shell";
import { CreateTenantForm } from "@/components/settings/create-tenant-form";
import { SignOutButton } from "@/components/sign-out-button";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { listTenantsForAdmin } from "@/server/tenants/tenants";
import { platformAdminOrPanel } from "./platform-gate";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("metaTitle"), robots: { index: false } };
}

// GET /admin — the platform super-admin's area: the municipalities of this installation, and a
// new one. Staff sign in at a municipality's back office (super-admins may use any of them).
export default async function AdminPage() {
  const gate = await platformAdminOrPanel();
  if ("panel" in gate) return gate.panel;
  const [t, tenants] = await Promise.all([getTranslations("admin"), listTenantsForAdmin()]);

  return (
    <PlatformShell>
      <PageTitle title={t("title")} lead={t("lead")} />
      <div className="d-flex flex-wrap align-items-center gap-3 mb-4">
        <p className="mb-0">{t("signedInAs", { name: gate.staff.name })}</p>
        <SignOutButton className="btn btn-sm btn-outline-primary" redirectTo="/admin" />
      </div>
      <h2 className="h4">{t("tenants")}</h2>
      <div className="table-responsive mb-5">
        <table className="table" data-testid="tenants-table">
          <caption className="visually-hidden">{t("tenantsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.name")}</th>
              <th scope="col" className="d-none d-md-table-cell">
                {t("columns.area")}
              </th>
              <th scope="col">{t("columns.address")}</th>
              <th scope="col" className="d-none d-lg-table-cell">
                {t("columns.prefix")}
              </th>
              <th scope="col" className="d-none d-lg-table-cell">
                {t("columns.staff")}
              </th>
              <th scope="col">{t("columns.links")}</th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((tenant) => (
              <tr key={tenant.slug}>
                <th scope="row">{tenant.name}</th>
                <td className="d-none d-md-table-cell">{tenant.area ?? "—"}</td>
                <td className="identifier">/{tenant.slug}</td>
                <td className="d-none d-lg-table-cell identifier">{tenant.protocolPrefix}</td>
                <td className="d-none d-lg-table-cell">{t("staffCount", { count: tenant._count.memberships })}</td>
                <td>
                  <Link href={`/${tenant.slug}`} className="d-inline-block me-3">
                    {t("site")}
                  </Link>
                  <Link href={`/${tenant.slug}/backoffice`} className="d-inline-block me-3">
                    {t("backoffice")}
                  </Link>
                  <Link href={`/admin/comuni/${tenant.slug}`} className="d-inline-block" aria-label={t("editLabel", { name: tenant.name })}>
                    {t("edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="new-tenant-title" className="card shadow-sm rounded border mb-4">
        <div className="card-body">
          <h2 id="new-tenant-title" className="h4">
            {t("create.title")}
          </h2>
          <p>{t("create.lead")}</p>
          <TRPCReactProvider>
            <CreateTenantForm />
          </TRPCReactProvider>
        </div>
      </section>
    </PlatformShell>
  );
}
