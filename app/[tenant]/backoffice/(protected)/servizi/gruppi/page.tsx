import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { EmptyState } from "@/components/empty-state";
import { ForgetQueryParam } from "@/components/service-groups/forget-query-param";
import { GroupOrderButtons } from "@/components/service-groups/group-order-buttons";
import { VisibilityBadge } from "@/components/service-groups/visibility-badge";
import { meetsRole } from "@/server/auth/roles";
import { requireStaff } from "@/server/auth/session";
import { listGroups } from "@/server/services/groups";

type TProps = { params: Promise<{ tenant: string }>; searchParams: Promise<{ eliminato?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("serviceGroups"), getTranslations("backoffice")]);
  return { title: `${t("metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/servizi/gruppi — the municipality's service groups in catalogue order,
// with their services and whether citizens see them. Administrators create and reorder them;
// functionaries read; operators get 404.
export default async function ServiceGroupsPage({ params, searchParams }: TProps) {
  const [{ tenant: slug }, { eliminato }] = await Promise.all([params, searchParams]);
  const { tenant, role } = await requireStaff(slug, "SERVICE_MANAGER");
  const canEdit = meetsRole(role, "TENANT_ADMIN");
  const [t, groups] = await Promise.all([getTranslations("serviceGroups"), listGroups({ tenantId: tenant.id })]);
  const base = `/${tenant.slug}/backoffice/servizi`;
  return (
    <>
      <Breadcrumb items={[{ label: t("breadcrumb.services"), href: base }, { label: t("breadcrumb.groups") }]} />
      <div className="d-flex flex-wrap align-items-start justify-content-between gap-3 mb-2">
        <h1 className="mb-0">{t("list.title")}</h1>
        {canEdit ? (
          <Link className="btn btn-primary" href={`${base}/gruppi/nuovo`}>
            {t("list.newGroup")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("list.lead")}</p>
      {eliminato ? (
        <div className="alert alert-success" role="status">
          {t("delete.deleted")}
          <ForgetQueryParam name="eliminato" />
        </div>
      ) : null}
      {canEdit ? null : <p className="alert alert-info">{t("list.readOnly")}</p>}
      {groups.length === 0 ? (
        <EmptyState icon="it-folder" title={t("list.emptyTitle")} headingLevel={2}>
          {t("list.emptyBody")}
        </EmptyState>
      ) : (
        <>
          {groups.length > 1 ? <p className="text-secondary">{t("list.orderHint")}</p> : null}
          <ol className="list-unstyled mb-0" aria-label={t("list.caption")}>
            {groups.map((group, i) => (
              <li key={group.id} className="border rounded shadow-sm p-3 mb-3" data-testid="service-group">
                <div>
                  <div className="d-flex flex-wrap align-items-center gap-2 mb-2">
                    <h2 className="h5 mb-0">
                      <Link href={`${base}/gruppi/${group.id}`}>{group.name}</Link>
                    </h2>
                    <VisibilityBadge visible={group.catalogueVisible} />
                  </div>
                  {group.description ? <p className="mb-2">{group.description}</p> : null}
                  <p className="small text-secondary mb-0">
                    <span className="fw-semibold">{t("list.members", { count: group.members.length })}</span>
                    {group.members.length > 0 ? `: ${group.members.map((m) => m.name).join(", ")}` : null}
                  </p>
                  {canEdit && groups.length > 1 ? (
                    <div className="mt-3">
                      <GroupOrderButtons group={group} first={i === 0} last={i === groups.length - 1} />
                    </div>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
