import { getTranslations } from "next-intl/server";
import { EmailApplicantBanner } from "@/components/applicant/email-applicant-banner";
import { PageTitle } from "@/components/page-title";
import type { TTenant } from "@/server/tenant";

/** Title, breadcrumb (home › service › this step) and the banner of applicants without SPID. */
export async function ApplicationPageHeader({
  tenant,
  service,
  step,
  lead,
}: {
  tenant: Pick<TTenant, "id" | "slug">;
  service: { name: string; slug: string };
  step: string;
  lead: string;
}) {
  const tShell = await getTranslations("shell");
  return (
    <>
      <PageTitle
        breadcrumb={[
          { label: tShell("breadcrumb.home"), href: `/${tenant.slug}` },
          { label: service.name, href: `/${tenant.slug}/servizi/${service.slug}` },
          { label: step },
        ]}
        title={service.name}
        lead={lead}
      />
      <EmailApplicantBanner tenant={{ id: tenant.id, slug: tenant.slug }} />
    </>
  );
}
