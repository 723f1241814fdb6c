import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { InviteForm } from "@/components/staff-admin/invite-form";
import { requireStaff } from "@/server/auth/session";
import { STAFF_INVITATION_TTL_DAYS } from "@/server/staff/invitations";
import { staffListPath } from "@/server/staff/urls";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("staffAdmin"), getTranslations("backoffice")]);
  return { title: `${t("invite.metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/operatori/invita — invite someone to the municipality's back office.
export default async function InviteStaffPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { tenant } = await requireStaff(slug, ["TENANT_ADMIN"]);
  const [t, services] = await Promise.all([getTranslations("staffAdmin"), (await createCaller(slug)).staffAdmin.services({ tenantSlug: slug })]);
  return (
    <>
      <Breadcrumb items={[{ label: t("list.title"), href: staffListPath(tenant.slug) }, { label: t("invite.title") }]} />
      <h1 className="mb-2">{t("invite.title")}</h1>
      <p className="lead mb-5">{t("invite.lead", { days: STAFF_INVITATION_TTL_DAYS })}</p>
      <div className="row">
        <div className="col-12 col-xl-9">
          <InviteForm tenantSlug={tenant.slug} services={services} />
        </div>
      </div>
    </>
  );
}
