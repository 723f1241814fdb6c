import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Icon } from "@/components/icon";

// From an application to its applicant's dossier (citizens with SPID/CIE only: an applicant
// without a digital identity has no dossier). No prefetch: opening a dossier is an audited view.
export async function DossierLink({ tenantSlug, citizenId }: { tenantSlug: string; citizenId: string | null }) {
  if (!citizenId) return null;
  const t = await getTranslations("dossier");
  return (
    <p className="mt-3 mb-0">
      <Link href={`/${tenantSlug}/backoffice/cittadini/${citizenId}`} prefetch={false} data-testid="dossier-link">
        <Icon name="it-folder" size="sm" color="primary" className="me-1" />
        {t("open")}
      </Link>
    </p>
  );
}
