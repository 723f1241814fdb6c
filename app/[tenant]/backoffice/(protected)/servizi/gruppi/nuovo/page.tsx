import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { GroupForm } from "@/components/service-groups/group-form";
import { requireStaff } from "@/server/auth/session";

type TProps = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("serviceGroups"), getTranslations("backoffice")]);
  return { title: `${t("new.title")} · ${tb("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/servizi/gruppi/nuovo — a new service group (administrators only):
// name and description; the members are added on the group's page, which opens next.
export default async function NewServiceGroupPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { tenant } = await requireStaff(slug, "TENANT_ADMIN");
  const t = await getTranslations("serviceGroups");
  const base = `/${tenant.slug}/backoffice/servizi`;
  return (
    <>
      <Breadcrumb
        items={[{ label: t("breadcrumb.services"), href: base }, { label: t("breadcrumb.groups"), href: `${base}/gruppi` }, { label: t("new.title") }]}
      />
      <h1 className="mb-2">{t("new.title")}</h1>
      <p className="lead">{t("new.lead")}</p>
      <div className="row">
        <div className="col-12 col-xl-8">
          <GroupForm tenantSlug={tenant.slug} />
        </div>
      </div>
    </>
  );
}
