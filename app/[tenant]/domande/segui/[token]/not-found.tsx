import { getTranslations } from "next-intl/server";
import { TenantHomeLink } from "@/components/tenant-home-link";

// A follow link whose token matches no application of this municipality (HTTP 404).
export default async function FollowNotFound() {
  const t = await getTranslations("followApplication.notFound");
  return (
    <div className="container py-5">
      <div className="row">
        <div className="col-12 col-lg-8">
          <h1 className="mb-3">{t("title")}</h1>
          <p className="lead">{t("body")}</p>
          <TenantHomeLink className="btn btn-primary">{t("home")}</TenantHomeLink>
        </div>
      </div>
    </div>
  );
}
