import { getTranslations } from "next-intl/server";
import { EmptyState } from "../empty-state";

// The municipality's online services, as shown on its home page. The service catalogue does not
// exist yet: until it does this says so plainly. The citizen-journey work replaces the body
// with the published services (tenantId is what it will query by).
export async function ServiceCatalog({ tenantId: _tenantId }: { tenantId: string }) {
  const t = await getTranslations("municipality.services");
  return (
    <EmptyState icon="it-box" title={t("emptyTitle")}>
      {t("emptyBody")}
    </EmptyState>
  );
}
