import { getTranslations } from "next-intl/server";
import { Icon } from "../icon";
import { SignOutButton } from "../sign-out-button";
import { TenantEmblem, type TEmblemTenant } from "../settings/tenant-emblem";

// The back office's own header line: where you are, who you are, your role, "Esci".
export async function StaffBar({ tenant, name, roleLabel }: { tenant: TEmblemTenant; name: string; roleLabel: string }) {
  const t = await getTranslations("backoffice");
  return (
    <div className="staff-bar bg-dark text-white py-2">
      <div className="container-fluid px-3 px-lg-4 d-flex flex-wrap align-items-center justify-content-between gap-2">
        <p className="mb-0 fw-semibold d-flex align-items-center gap-2">
          <TenantEmblem tenant={tenant} className="staff-bar-emblem icon-white" />
          {t("areaLabel", { tenant: tenant.name })}
        </p>
        <div className="d-flex flex-wrap align-items-center gap-3">
          <p className="mb-0 d-flex align-items-center gap-2">
            <Icon name="it-user" size="sm" className="icon-white" />
            <span className="visually-hidden">{t("staffBar.signedInAs")} </span>
            <span className="fw-semibold" data-testid="staff-name">
              {name}
            </span>
            <span className="badge bg-light text-dark">
              <span className="visually-hidden">{t("staffBar.role")}: </span>
              {roleLabel}
            </span>
          </p>
          <SignOutButton tenantSlug={tenant.slug} redirectTo={`/${tenant.slug}/backoffice/accedi`} />
        </div>
      </div>
    </div>
  );
}
