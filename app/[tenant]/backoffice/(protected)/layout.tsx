import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { BackofficeSidebar } from "@/components/backoffice/backoffice-sidebar";
import { StaffBar } from "@/components/backoffice/staff-bar";
import { meetsRole } from "@/server/auth/roles";
import { requireStaff } from "@/server/auth/session";

type TProps = { children: ReactNode; params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backoffice");
  return { title: t("metaTitle"), robots: { index: false } };
}

// Every back-office page but the sign-in page (which lives outside this route group): staff of
// this municipality only; others are sent to sign in (or get a 404, see requireStaff).
export default async function BackofficeLayout({ children, params }: TProps) {
  const { tenant: slug } = await params;
  const { staff, tenant, role } = await requireStaff(slug);
  const t = await getTranslations("backoffice");
  const base = `/${tenant.slug}/backoffice`;
  const admin = meetsRole(role, "TENANT_ADMIN");
  return (
    <div className="backoffice">
      <StaffBar tenant={tenant} name={staff.name} roleLabel={t(`roles.${role}`)} />
      <div className="container-fluid px-3 px-lg-4">
        <div className="row">
          <div className="col-12 col-lg-3 col-xl-2 py-3">
            <BackofficeSidebar
              label={t("nav.label")}
              items={[
                { key: "overview", label: t("nav.overview"), href: base },
                { key: "applications", label: t("nav.applications"), href: `${base}/domande`, nested: true },
                // Services: service managers edit the ones they manage; operators don't configure.
                ...(meetsRole(role, "SERVICE_MANAGER") ? [{ key: "services", label: t("nav.services"), href: `${base}/servizi`, nested: true }] : []),
                ...(admin
                  ? [
                      { key: "staff", label: t("nav.staff"), href: `${base}/operatori`, nested: true },
                      { key: "settings", label: t("nav.settings"), href: `${base}/impostazioni` },
                      { key: "api", label: t("nav.api"), href: `${base}/api`, nested: true },
                    ]
                  : []),
              ]}
            />
          </div>
          <div className="col-12 col-lg-9 col-xl-10 py-3 px-lg-4">{children}</div>
        </div>
      </div>
    </div>
  );
}
