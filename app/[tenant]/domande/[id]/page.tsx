import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApplicationForm } from "@/components/forms/application-form";
import { ApplicationPageHeader } from "@/components/forms/application-page-header";
import { APPLICATION_STATUS } from "@/server/applications/status";
import { loadApplicationPage } from "@/server/applications/page-state";
import { getTenantOr404 } from "../../get-tenant";

type TProps = { params: Promise<{ tenant: string; id: string }>; searchParams: Promise<{ passo?: string }> };

export const metadata: Metadata = { robots: { index: false } };

// GET /{tenant}/domande/{id}?passo={pageKey} — fill a draft, step by step. Opens on the step
// asked for (the summary's "change" links), else where the citizen left off on any device.
export default async function FillApplicationPage({ params, searchParams }: TProps) {
  const [{ tenant: slug, id }, { passo }] = await Promise.all([params, searchParams]);
  const tenant = await getTenantOr404(slug);
  const { state, formUpdated } = await loadApplicationPage(tenant, id, `/${tenant.slug}/domande/${id}`);
  if (state.status !== APPLICATION_STATUS.DRAFT) redirect(`/${tenant.slug}/domande/${id}/inviata`);
  const t = await getTranslations("forms.fill");
  const pageKey = [passo, state.currentPageKey].find((k) => k && state.schema.pages.some((p) => p.key === k)) ?? state.schema.pages[0]!.key;

  return (
    <div className="container pb-5" style={{ maxWidth: 820 }}>
      <ApplicationPageHeader tenant={tenant} service={state.service} step={t("breadcrumb")} lead={t("lead")} />
      {formUpdated ? (
        <div className="alert alert-info" role="status">
          {t("formOutdated")}
        </div>
      ) : null}
      <ApplicationForm
        tenantSlug={tenant.slug}
        applicationId={state.id}
        schema={state.schema}
        initialData={state.data}
        initialVersion={state.version}
        initialPageKey={pageKey}
        lastSavedAt={state.lastSavedAt.toISOString()}
        readOnlyKeys={state.readOnlyKeys}
      />
    </div>
  );
}
