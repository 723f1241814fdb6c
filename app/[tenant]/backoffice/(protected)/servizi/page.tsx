import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ServiceStatusBadge, getServiceTexts } from "@/components/service-admin/service-texts";
import { EmptyState } from "@/components/empty-state";
import { requireStaff } from "@/server/auth/session";
import { SERVICE_STATUSES, type TServiceStatus } from "@/server/services/admin-values";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string }>; searchParams: Promise<{ stato?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("serviceAdmin"), getTranslations("backoffice")]);
  return { title: `${t("metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

const isStatus = (v: string | undefined): v is TServiceStatus => (SERVICE_STATUSES as readonly string[]).includes(v ?? "");

// GET /{tenant}/backoffice/servizi — the municipality's services for service managers and
// administrators: status, opening window, form version, open applications; filter by status.
export default async function ServicesPage({ params, searchParams }: TProps) {
  const { tenant: slug } = await params;
  const { tenant, role } = await requireStaff(slug, "SERVICE_MANAGER");
  const raw = (await searchParams).stato;
  const status = isStatus(typeof raw === "string" ? raw : undefined) ? (raw as TServiceStatus) : undefined;
  const api = await createCaller(slug);
  const [t, texts, { services, permissions }] = await Promise.all([getTranslations("serviceAdmin"), getServiceTexts(), api.serviceAdmin.list({ status })]);
  const base = `/${tenant.slug}/backoffice/servizi`;
  const filters: { label: string; href: string; current: boolean }[] = [
    { label: t("list.all"), href: base, current: !status },
    ...SERVICE_STATUSES.map((s) => ({ label: t(`status.${s}`), href: `${base}?stato=${s}`, current: status === s })),
  ];

  return (
    <>
      <h1 className="mb-2">{t("list.title")}</h1>
      <p className="lead">{t("list.lead", { tenant: tenant.name })}</p>
      {role === "SERVICE_MANAGER" ? <p>{t("list.leadManager")}</p> : null}

      <div className="d-flex flex-wrap align-items-center gap-3 mb-4">
        {permissions.create ? (
          <Link href={`${base}/nuovo`} className="btn btn-primary">
            {t("list.newService")}
          </Link>
        ) : null}
        <Link href={`${base}/gruppi`}>{t("list.groups")}</Link>
      </div>

      <nav aria-label={t("list.filterLabel")} className="mb-3">
        <ul className="nav nav-pills flex-wrap gap-1">
          {filters.map((f) => (
            <li key={f.href} className="nav-item">
              <Link href={f.href} className={`nav-link py-1 px-3${f.current ? " active" : ""}`} aria-current={f.current ? "page" : undefined}>
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <h2 className="h5" data-testid="services-count">
        {t("list.count", { count: services.length })}
      </h2>
      {services.length === 0 ? (
        status ? (
          <EmptyState title={t("list.empty")}>{t("list.emptyBody")}</EmptyState>
        ) : (
          <EmptyState title={t("list.emptyAll")}>{permissions.create ? t("list.emptyAllBody") : null}</EmptyState>
        )
      ) : (
        <div className="table-responsive">
          <table className="table table-hover align-middle" data-testid="services-table">
            <caption className="visually-hidden">{t("list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("list.columns.name")}</th>
                <th scope="col">{t("list.columns.status")}</th>
                <th scope="col">{t("list.columns.window")}</th>
                <th scope="col">{t("list.columns.form")}</th>
                <th scope="col" className="text-end">
                  {t("list.columns.open")}
                </th>
                <th scope="col">{t("list.columns.category")}</th>
                <th scope="col">{t("list.columns.group")}</th>
              </tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.id} data-service={s.slug}>
                  <th scope="row">
                    <Link href={`${base}/${s.id}`}>{s.name}</Link>
                    {s.manages && role === "SERVICE_MANAGER" ? <span className="badge bg-light text-dark border d-table mt-1">{t("list.managedByYou")}</span> : null}
                  </th>
                  <td>
                    <ServiceStatusBadge status={s.status} />
                  </td>
                  <td className="small">{texts.window(s.opensAt, s.closesAt)}</td>
                  <td className="small">
                    {s.formVersion === null ? <span className="text-secondary">{t("list.noForm")}</span> : t("list.formVersion", { version: s.formVersion })}
                    {s.formDraft ? <span className="d-block text-secondary">{t("list.formDraft")}</span> : null}
                  </td>
                  <td className="text-end">{s.openApplications}</td>
                  <td className="small">{s.category}</td>
                  <td className="small">{s.group?.name ?? <span className="text-secondary">{t("list.noGroup")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
