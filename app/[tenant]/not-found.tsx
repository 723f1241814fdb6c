import { getTranslations } from "next-intl/server";
import { TenantHomeLink } from "@/components/tenant-home-link";

// 404 inside a municipality's site (its header and footer stay).
export default async function TenantNotFound() {
  const t = await getTranslations("shell.notFound");
  return (
    <div className="container py-5">
      <p className="display-1 fw-bold text-primary mb-0" aria-hidden="true">
        404
      </p>
      <h1 className="mb-3">{t("title")}</h1>
      <p className="lead">{t("body")}</p>
      <TenantHomeLink className="btn btn-primary">{t("home")}</TenantHomeLink>
    </div>
  );
}
