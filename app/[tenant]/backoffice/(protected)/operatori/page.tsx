import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Icon } from "@/components/icon";
import { StaffList } from "@/components/staff-admin/staff-list";
import { requireStaff } from "@/server/auth/session";
import { staffInvitePath } from "@/server/staff/urls";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("staffAdmin"), getTranslations("backoffice")]);
  return { title: `${t("metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/operatori — the municipality's staff (tenant administrators): role,
// services handled, state and last sign-in; "Invita operatore".
export default async function StaffListPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { staff, tenant } = await requireStaff(slug, ["TENANT_ADMIN"]);
  const [t, members] = await Promise.all([getTranslations("staffAdmin"), (await createCaller(slug)).staffAdmin.list({ tenantSlug: slug })]);
  return (
    <>
      <div className="d-flex flex-wrap align-items-start justify-content-between gap-3 mb-3">
        <div>
          <h1 className="mb-2">{t("list.title")}</h1>
          <p className="lead mb-0">{t("list.lead", { tenant: tenant.name })}</p>
        </div>
        <Link href={staffInvitePath(tenant.slug)} className="btn btn-primary" data-testid="invite-staff">
          <Icon name="it-plus-circle" size="sm" color="white" className="me-1" />
          {t("list.invite")}
        </Link>
      </div>
      <p className="text-secondary" data-testid="staff-count">
        {t("list.count", { count: members.length })}
      </p>
      <StaffList members={members} tenant={tenant} viewerId={staff.id} />
    </>
  );
}
