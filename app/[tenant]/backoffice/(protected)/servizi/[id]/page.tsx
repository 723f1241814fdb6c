import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getAreaDates } from "@/components/area/area-dates";
import { Breadcrumb } from "@/components/breadcrumb";
import { ServiceVersionProvider } from "@/components/service-admin/editor-kit";
import { ServiceCardForm } from "@/components/service-admin/service-card-form";
import { ServiceDatesForm } from "@/components/service-admin/service-dates-form";
import { ServiceDelete } from "@/components/service-admin/service-delete";
import { ServiceDuplicateForm } from "@/components/service-admin/service-duplicate-form";
import { ServiceLifecycle, type TLifecycleAction } from "@/components/service-admin/service-lifecycle";
import { ServiceOperatorsForm } from "@/components/service-admin/service-operators-form";
import { ServiceSettingsForm } from "@/components/service-admin/service-settings-form";
import { ServiceStatusBadge, getServiceTexts } from "@/components/service-admin/service-texts";
import { requireStaff } from "@/server/auth/session";
import { dateToRomeLocal, listActiveStaff, statusActionProblem } from "@/server/services/admin";
import { SERVICE_STATUS_ACTIONS } from "@/server/services/admin-values";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("serviceAdmin"), getTranslations("backoffice")]);
  return { title: `${t("metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

function Section({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="card shadow-sm rounded border mb-4" id={id}>
      <div className="card-body">
        <h2 id={`${id}-title`} className="h4">
          {title}
        </h2>
        {lead ? <p className="text-secondary mb-5">{lead}</p> : null}
        {children}
      </div>
    </section>
  );
}

// GET /{tenant}/backoffice/servizi/{id} — one service's configuration: status and lifecycle, the
// opening window, the card, the administrators' settings and staff, group, duplicate, delete a
// draft; links to the form builder, the public card and the history. Each section shows only
// what the viewer may do (permissions.ts); another service's manager reads it all, changes nothing.
export default async function ServicePage({ params }: TProps) {
  const { tenant: slug, id } = await params;
  const { tenant } = await requireStaff(slug, "SERVICE_MANAGER");
  const api = await createCaller(slug);
  const [service, categories] = await Promise.all([
    api.serviceAdmin.get({ serviceId: id }).catch((e: unknown) => {
      if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    api.serviceAdmin.categories(),
  ]);
  const p = service.permissions;
  const [t, tb, tAll, texts, dates, staff] = await Promise.all([
    getTranslations("serviceAdmin"),
    getTranslations("backoffice"),
    getTranslations(),
    getServiceTexts(),
    getAreaDates(),
    p.editOperators ? listActiveStaff({ tenantId: tenant.id }) : Promise.resolve([]),
  ]);
  const base = `/${tenant.slug}/backoffice/servizi`;
  const here = `${base}/${service.id}`;
  const formBuilderHref = `${here}/modulo`;
  const publicHref = `/${tenant.slug}/servizi/${service.slug}`;
  const now = new Date();

  const actions: TLifecycleAction[] = service.statusActions.map((action) => {
    const problem = statusActionProblem(service, action, now);
    return {
      action,
      preview: texts.citizenView({ status: SERVICE_STATUS_ACTIONS[action].to, opensAt: service.opensAt, closesAt: service.closesAt }, now),
      problem: problem ? tAll(problem.key) : null,
      needsForm: problem?.key === "serviceAdmin.errors.formNotPublished",
    };
  });

  const activeIds = new Set(staff.map((s) => s.id));
  const candidates = [
    ...staff.map((s) => ({ id: s.id, name: s.name, roleLabel: tb(`roles.${s.role}`) })),
    // Already on the service but no longer active: listed so they can be taken off.
    ...service.operators.filter((o) => !activeIds.has(o.id)).map((o) => ({ id: o.id, name: o.name, roleLabel: tb("roles.NONE") })),
  ];

  return (
    <ServiceVersionProvider version={service.version}>
      <Breadcrumb items={[{ label: t("list.title"), href: base }, { label: service.name }]} />
      <h1 className="mb-2" data-testid="service-title">
        {service.name}
      </h1>
      <p className="d-flex flex-wrap align-items-center gap-2 mb-3">
        <ServiceStatusBadge status={service.status} />
        <span className="text-secondary">{t("page.category", { name: service.category.name })}</span>
      </p>

      {!p.editCard ? (
        <div className="alert alert-info" data-testid="service-read-only">
          {t("page.readOnly")}
        </div>
      ) : null}

      <nav aria-label={t("page.linksLabel")} className="mb-4">
        <ul className="list-inline mb-0 d-flex flex-wrap gap-3">
          {p.editForm ? (
            <li className="list-inline-item m-0">
              <Link href={formBuilderHref} className="btn btn-outline-primary btn-sm">
                {t("page.editForm")}
              </Link>
            </li>
          ) : null}
          {service.status !== "DRAFT" ? (
            <li className="list-inline-item m-0">
              <a href={publicHref} target="_blank" rel="noopener" className="btn btn-outline-primary btn-sm">
                {t("page.preview")}
                <span className="visually-hidden"> {t("page.newTab")}</span>
              </a>
            </li>
          ) : null}
          <li className="list-inline-item m-0">
            <Link href={`${here}/storico`} className="btn btn-outline-primary btn-sm">
              {t("page.history")}
            </Link>
          </li>
        </ul>
        {service.status === "DRAFT" ? <p className="small text-secondary mt-2 mb-0">{t("page.previewDraft")}</p> : null}
      </nav>

      <Section id="service-status" title={t("lifecycle.title")}>
        <dl className="row mb-3">
          <dt className="col-12 col-md-4">{t("lifecycle.current")}</dt>
          <dd className="col-12 col-md-8">
            <ServiceStatusBadge status={service.status} />
          </dd>
          <dt className="col-12 col-md-4">{t("lifecycle.citizensNow")}</dt>
          <dd className="col-12 col-md-8" data-testid="service-citizen-view">
            {texts.citizenView(service, now)}
          </dd>
          <dt className="col-12 col-md-4">{t("lifecycle.form")}</dt>
          <dd className="col-12 col-md-8">
            {service.currentFormVersion
              ? t("lifecycle.formCurrent", {
                  version: service.currentFormVersion.version,
                  date: service.currentFormVersion.publishedAt ? dates.date(service.currentFormVersion.publishedAt) : "—",
                })
              : t("lifecycle.formNone")}
            {service.formDraft ? <span className="d-block small text-secondary">{t("lifecycle.formDraft")}</span> : null}
          </dd>
          <dt className="col-12 col-md-4">{t("lifecycle.applications")}</dt>
          <dd className="col-12 col-md-8 mb-0">{t("lifecycle.applicationsValue", service.applications)}</dd>
        </dl>
        {p.changeStatus ? <ServiceLifecycle serviceId={service.id} actions={actions} formBuilderHref={p.editForm ? formBuilderHref : null} /> : null}
      </Section>

      <Section id="service-dates" title={t("dates.title")} lead={t("dates.lead")}>
        <ServiceDatesForm
          serviceId={service.id}
          initial={{ opensAt: dateToRomeLocal(service.opensAt), closesAt: dateToRomeLocal(service.closesAt) }}
          readOnly={!p.editDates}
        />
      </Section>

      <Section id="service-card" title={t("card.title")} lead={t("card.lead")}>
        <ServiceCardForm
          serviceId={service.id}
          readOnly={!p.editCard}
          categories={categories}
          initial={{
            name: service.name,
            categoryId: service.categoryId,
            summary: service.summary,
            audience: service.audience,
            howTo: service.howTo,
            documentsNeeded: service.documentsNeeded,
            cost: service.cost,
            contacts: service.contacts,
            privacyNotice: service.privacyNotice,
            maxProcessingDays: service.maxProcessingDays,
          }}
        />
      </Section>

      {p.editSettings ? (
        <Section id="service-settings" title={t("settings.title")} lead={t("settings.lead")}>
          <ServiceSettingsForm
            serviceId={service.id}
            cataloguePath={`/${tenant.slug}/servizi`}
            published={service.status !== "DRAFT"}
            initial={{ slug: service.slug, accessLevel: service.accessLevel, allowWithdrawal: service.allowWithdrawal, allowIntegration: service.allowIntegration }}
          />
        </Section>
      ) : null}

      <Section id="service-operators" title={t("operators.title")} lead={t("operators.lead")}>
        {p.editOperators ? (
          <ServiceOperatorsForm serviceId={service.id} candidates={candidates} selected={service.operators.map((o) => o.id)} />
        ) : service.operators.length === 0 ? (
          <p className="mb-0">{t("operators.none")}</p>
        ) : (
          <ul className="mb-0" data-testid="service-operators">
            {service.operators.map((o) => (
              <li key={o.id}>{o.name}</li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="service-group" title={t("group.title")}>
        <p>{service.group ? t("group.member", { name: service.group.name }) : t("group.none")}</p>
        <Link href={`${base}/gruppi`}>{t("group.manage")}</Link>
      </Section>

      {p.duplicate ? (
        <Section id="service-duplicate" title={t("duplicate.title")} lead={t("duplicate.lead")}>
          <ServiceDuplicateForm serviceId={service.id} servicesPath={base} />
        </Section>
      ) : null}

      {service.deletable ? (
        <Section id="service-delete" title={t("delete.title")} lead={t("delete.lead")}>
          <ServiceDelete serviceId={service.id} name={service.name} servicesPath={base} />
        </Section>
      ) : null}
    </ServiceVersionProvider>
  );
}
