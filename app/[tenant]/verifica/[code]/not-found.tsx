import { getTranslations } from "next-intl/server";
import { TenantHomeLink } from "@/components/tenant-home-link";

// A verification code that matches no document of this municipality: say plainly that the
// document can't be confirmed as genuine (HTTP 404).
export default async function DocumentNotFound() {
  const t = await getTranslations("verify");
  return (
    <div className="container py-5">
      <div className="row">
        <div className="col-12 col-lg-8">
          <h1 className="mb-3">{t("notFoundTitle")}</h1>
          <p>{t("notFoundBody")}</p>
          <div className="alert alert-danger">
            <p className="mb-0">{t("notFoundWarning")}</p>
          </div>
          <TenantHomeLink className="btn btn-primary">{t("home")}</TenantHomeLink>
        </div>
      </div>
    </div>
  );
}
