import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FormSteps } from "@/components/forms/form-steps";
import { SubmitApplication } from "@/components/forms/submit-application";
import { SummaryList } from "@/components/forms/summary-list";
import { ApplicationPageHeader } from "@/components/forms/application-page-header";
import { loadApplicationPage } from "@/server/applications/page-state";
import { APPLICATION_STATUS } from "@/server/applications/status";
import { validateAnswers } from "@/server/forms/build-validator";
import { encodeFieldError, formatFieldError } from "@/server/forms/field-error";
import { summarizeAnswers } from "@/server/forms/summary";
import { shownPageKeys } from "@/server/forms/visibility";
import { getTenantOr404 } from "../../../get-tenant";

type TProps = { params: Promise<{ tenant: string; id: string }> };

export const metadata: Metadata = { robots: { index: false } };

// GET /{tenant}/domande/{id}/riepilogo — everything the citizen answered, page by page with a
// "change" link to each step, checked again in full; confirming submits (once, however often
// the button is pressed or the request retried).
export default async function SummaryPage({ params }: TProps) {
  const { tenant: slug, id } = await params;
  const tenant = await getTenantOr404(slug);
  const base = `/${tenant.slug}/domande/${id}`;
  const { state } = await loadApplicationPage(tenant, id, `${base}/riepilogo`);
  if (state.status !== APPLICATION_STATUS.DRAFT) redirect(`${base}/inviata`);
  const [t, tForms] = await Promise.all([getTranslations("forms.summary"), getTranslations("forms")]);

  const checked = validateAnswers(state.schema, state.data, { mode: "submit" });
  const valid = validateAnswers(state.schema, state.data, { mode: "draft" }).answers;
  const pages = summarizeAnswers(state.schema, valid);
  const shown = new Set(shownPageKeys(state.schema, state.data));
  const pageOfField = new Map(state.schema.pages.flatMap((p) => p.fields.map((f) => [f.key, p] as const)));
  const problems = checked.issues.map((i) => {
    const page = pageOfField.get(String(i.path[0]));
    return { page, message: formatFieldError(encodeFieldError(i.error, i.values), tForms) };
  });

  return (
    <div className="container pb-5" style={{ maxWidth: 820 }}>
      <ApplicationPageHeader tenant={tenant} service={state.service} step={t("breadcrumb")} lead={t("lead")} />
      <FormSteps pages={state.schema.pages.filter((p) => shown.has(p.key))} current={shown.size} summary />
      <h2 className="h3 mb-3">{t("title")}</h2>

      {problems.length > 0 ? (
        <div className="alert alert-danger" role="alert" data-testid="summary-problems">
          <h3 className="h5">{t("problemsTitle", { count: problems.length })}</h3>
          <ul className="mb-0">
            {problems.map((p, i) => (
              <li key={i}>
                {p.page ? (
                  <a href={`${base}?passo=${p.page.key}`}>
                    {p.page.title}: {p.message}
                  </a>
                ) : (
                  p.message
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {pages.map((page) => (
        <section key={page.pageKey} className="card border rounded shadow-sm mb-4" aria-labelledby={`sum-${page.pageKey}`}>
          <div className="card-body">
            <div className="d-flex justify-content-between align-items-start gap-2 mb-2">
              <h3 id={`sum-${page.pageKey}`} className="h5 mb-0">
                {page.pageTitle}
              </h3>
              <a href={`${base}?passo=${page.pageKey}`} className="btn btn-outline-primary btn-xs btn-sm" data-testid={`change-${page.pageKey}`}>
                {t("change")}
                <span className="visually-hidden">: {page.pageTitle}</span>
              </a>
            </div>
            <SummaryList items={page.items} />
          </div>
        </section>
      ))}

      <SubmitApplication tenantSlug={tenant.slug} applicationId={state.id} blocked={problems.length > 0} />
    </div>
  );
}
