import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { Breadcrumb } from "@/components/breadcrumb";
import { DeleteGroup } from "@/components/service-groups/delete-group";
import { ForgetQueryParam } from "@/components/service-groups/forget-query-param";
import { GroupForm } from "@/components/service-groups/group-form";
import { GroupMembers } from "@/components/service-groups/group-members";
import { VisibilityBadge } from "@/components/service-groups/visibility-badge";
import { meetsRole } from "@/server/auth/roles";
import { requireStaff } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import { getGroup } from "@/server/services/groups";

type TProps = { params: Promise<{ tenant: string; id: string }>; searchParams: Promise<{ creato?: string }> };

// The staff member and the group, once per request (metadata and page both need them); another
// municipality's or a deleted group renders the 404 page.
const load = cache(async (slug: string, groupId: string) => {
  const { tenant, role } = await requireStaff(slug, "SERVICE_MANAGER");
  try {
    return { tenant, role, group: await getGroup({ tenantId: tenant.id, groupId }) };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: Pick<TProps, "params">): Promise<Metadata> {
  const { tenant, id } = await params;
  const [{ group }, tb] = await Promise.all([load(tenant, id), getTranslations("backoffice")]);
  return { title: `${group.name} · ${tb("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/servizi/gruppi/{id} — one service group: whether citizens see it, its
// name and description, its services in order. Administrators change all of it and may delete the
// group; functionaries read.
export default async function ServiceGroupPage({ params, searchParams }: TProps) {
  const [{ tenant: slug, id }, { creato }] = await Promise.all([params, searchParams]);
  const { tenant, role, group } = await load(slug, id);
  const canEdit = meetsRole(role, "TENANT_ADMIN");
  const t = await getTranslations("serviceGroups");
  const base = `/${tenant.slug}/backoffice/servizi`;
  const publicPath = `/${tenant.slug}/servizi/gruppi/${group.slug}`;
  return (
    <>
      <Breadcrumb items={[{ label: t("breadcrumb.services"), href: base }, { label: t("breadcrumb.groups"), href: `${base}/gruppi` }, { label: group.name }]} />
      <h1 className="mb-2">{group.name}</h1>
      <p className="mb-1">
        <VisibilityBadge visible={group.catalogueVisible} />
      </p>
      <p className="text-secondary">
        {group.catalogueVisible ? t("visibility.visibleHint") : t("visibility.hiddenHint")}{" "}
        {group.catalogueVisible ? (
          <Link href={publicPath} className="text-break">
            {t("form.address", { path: publicPath })}
          </Link>
        ) : null}
      </p>
      {creato && canEdit ? (
        <div className="alert alert-success" role="status">
          {t("detail.created")}
          <ForgetQueryParam name="creato" />
        </div>
      ) : null}
      {canEdit ? null : <p className="alert alert-info">{t("list.readOnly")}</p>}

      <div className="row">
        <div className="col-12 col-xl-8">
          <section aria-labelledby="group-details-title" className="mb-5">
            <h2 id="group-details-title" className="h4">
              {t("detail.detailsTitle")}
            </h2>
            {canEdit ? (
              <GroupForm tenantSlug={tenant.slug} group={group} />
            ) : (
              <dl className="row mb-0">
                <dt className="col-12 col-md-4">{t("form.name")}</dt>
                <dd className="col-12 col-md-8">{group.name}</dd>
                <dt className="col-12 col-md-4">{t("form.description")}</dt>
                <dd className="col-12 col-md-8 mb-0">{group.description ?? "—"}</dd>
              </dl>
            )}
          </section>
          <GroupMembers tenantSlug={tenant.slug} groupId={group.id} members={group.members} candidates={group.candidates} canEdit={canEdit} />
          {canEdit ? <DeleteGroup tenantSlug={tenant.slug} group={{ id: group.id, name: group.name, memberCount: group.members.length }} /> : null}
        </div>
      </div>
    </>
  );
}
