import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { ServiceCreateForm } from "@/components/service-admin/service-create-form";
import { requireStaff } from "@/server/auth/session";
import { serviceListPermissions } from "@/server/services/permissions";
import { listServiceCategories } from "@/server/services/admin";

type TProps = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("serviceAdmin"), getTranslations("backoffice")]);
  return { title: `${t("create.metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/servizi/nuovo — "Nuovo servizio" (administrators; a service manager
// is told it's the administrators' job).
export default async function NewServicePage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { tenant, role } = await requireStaff(slug, "SERVICE_MANAGER");
  const [t, categories] = await Promise.all([getTranslations("serviceAdmin"), listServiceCategories({ tenantId: tenant.id })]);
  const base = `/${tenant.slug}/backoffice/servizi`;
  return (
    <>
      <Breadcrumb items={[{ label: t("list.title"), href: base }, { label: t("create.title") }]} />
      <h1 className="mb-2">{t("create.title")}</h1>
      {serviceListPermissions({ role }).create ? (
        <>
          <p className="lead">{t("create.lead")}</p>
          <div className="row">
            <div className="col-12 col-xl-8">
              <ServiceCreateForm categories={categories} servicesPath={base} />
            </div>
          </div>
        </>
      ) : (
        <div className="alert alert-info">{t("create.adminOnly")}</div>
      )}
    </>
  );
}
