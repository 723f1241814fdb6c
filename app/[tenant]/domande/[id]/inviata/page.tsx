import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SubmissionStatus } from "@/components/forms/submission-status";
import { PageTitle } from "@/components/page-title";
import { applicationUrl } from "@/server/applications/urls";
import { loadApplicationPage } from "@/server/applications/page-state";
import { APPLICATION_STATUS } from "@/server/applications/status";
import { getTenantOr404 } from "../../../get-tenant";

type TProps = { params: Promise<{ tenant: string; id: string }> };

export const metadata: Metadata = { robots: { index: false } };

// GET /{tenant}/domande/{id}/inviata — the confirmation after submitting. The protocol number is
// assigned by a background job a moment later: the page shows it as soon as it exists, without
// a reload, with the receipt to download.
export default async function SubmittedPage({ params }: TProps) {
  const { tenant: slug, id } = await params;
  const tenant = await getTenantOr404(slug);
  const { state, applicant } = await loadApplicationPage(tenant, id, `/${tenant.slug}/domande/${id}/inviata`);
  if (state.status === APPLICATION_STATUS.DRAFT) redirect(`/${tenant.slug}/domande/${id}`);
  const [t, tShell] = await Promise.all([getTranslations("forms.submitted"), getTranslations("shell")]);
  const followUrl = applicationUrl({ tenantSlug: tenant.slug, applicationId: id, hasCitizen: applicant.kind === "citizen" });

  return (
    <div className="container pb-5" style={{ maxWidth: 820 }}>
      <PageTitle
        breadcrumb={[{ label: tShell("breadcrumb.home"), href: `/${tenant.slug}` }, { label: t("breadcrumb") }]}
        title={t("title")}
        lead={t("lead", { service: state.service.name })}
      />
      <SubmissionStatus
        applicationId={id}
        receiptHref={`/${tenant.slug}/domande/${id}/ricevuta`}
        followHref={new URL(followUrl).pathname}
        isCitizen={applicant.kind === "citizen"}
        initial={{ status: state.status, protocolNumber: state.protocolNumber }}
      />
    </div>
  );
}
