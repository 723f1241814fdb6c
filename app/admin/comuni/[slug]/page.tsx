import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { PlatformShell } from "@/components/platform/platform-shell";
import { TenantBaseForm } from "@/components/settings/tenant-base-form";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { isAppError } from "@/server/errors";
import { getTenantSettings } from "@/server/settings/tenant-settings";
import { getTenantForAdmin } from "@/server/tenants/tenants";
import { platformAdminOrPanel } from "../../platform-gate";

type TProps = { params: Promise<{ slug: string }> };

async function tenantOr404(slug: string) {
  try {
    return await getTenantForAdmin({ slug });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const t = await getTranslations("admin");
  const tenant = await getTenantForAdmin({ slug: (await params).slug }).catch(() => null);
  return { title: tenant ? t("editPage.metaTitle", { name: tenant.name }) : t("metaTitle"), robots: { index: false } };
}

// GET /admin/comuni/{slug} — a super-admin edits a municipality's base fields; links to its
// settings and to its staff page, where its administrators are invited.
export default async function AdminTenantPage({ params }: TProps) {
  const gate = await platformAdminOrPanel();
  if ("panel" in gate) return gate.panel;
  const { slug } = await params;
  const [t, tenant] = await Promise.all([getTranslations("admin"), tenantOr404(slug)]);
  const { protocol } = await getTenantSettings({ tenantId: tenant.id });

  return (
    <PlatformShell>
      <PageTitle
        title={t("editPage.title", { name: tenant.name })}
        lead={t("editPage.lead")}
        breadcrumb={[{ label: t("title"), href: "/admin" }, { label: tenant.name }]}
      />
      <p>
        {t("editPage.address")} <span className="identifier">/{tenant.slug}</span>
      </p>
      <div className="row">
        <div className="col-12 col-lg-8">
          <TRPCReactProvider>
            <TenantBaseForm
              tenantId={tenant.id}
              updatedAt={tenant.updatedAt}
              protocol={protocol}
              initial={{ name: tenant.name, area: tenant.area ?? "", protocolPrefix: tenant.protocolPrefix, contactEmail: tenant.contactEmail ?? "" }}
            />
          </TRPCReactProvider>
        </div>
        <aside className="col-12 col-lg-4 mt-4 mt-lg-0" aria-labelledby="tenant-links-title">
          <h2 id="tenant-links-title" className="h5">
            {t("editPage.links")}
          </h2>
          <ul className="list-unstyled">
            <li className="mb-2">
              <Link href={`/${tenant.slug}/backoffice/operatori`}>{t("editPage.operators")}</Link>
            </li>
            <li className="mb-2">
              <Link href={`/${tenant.slug}/backoffice/impostazioni`}>{t("editPage.settings")}</Link>
            </li>
            <li className="mb-2">
              <Link href={`/${tenant.slug}/backoffice`}>{t("backoffice")}</Link>
            </li>
            <li className="mb-2">
              <Link href={`/${tenant.slug}`}>{t("site")}</Link>
            </li>
          </ul>
          <p className="mt-4">
            <Link href="/admin">{t("editPage.back")}</Link>
          </p>
        </aside>
      </div>
    </PlatformShell>
  );
}
