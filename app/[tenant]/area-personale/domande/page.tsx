import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApplicationList, GROUP_ANCHOR } from "@/components/area/application-list";
import { AreaPageTitle } from "@/components/area/area-page-title";
import { EmptyState } from "@/components/empty-state";
import { listMyApplications } from "@/server/area/applications";
import { requireCitizen } from "@/server/auth/session";

type TProps = { params: Promise<{ tenant: string }> };

const GROUPS = ["draft", "inProgress", "closed"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personalArea.applications"))("metaTitle") };
}

// GET /{tenant}/area-personale/domande — the citizen's applications: drafts, in progress, closed.
export default async function MyApplicationsPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { citizen, tenant } = await requireCitizen(slug, `/${slug}/area-personale/domande`);
  const [t, tGroups, groups] = await Promise.all([
    getTranslations("personalArea.applications"),
    getTranslations("applications.group"),
    listMyApplications({ tenantId: tenant.id, citizenId: citizen.id }),
  ]);
  return (
    <>
      <AreaPageTitle tenantSlug={tenant.slug} title={t("title")} lead={t("lead")} />
      <nav aria-label={t("groupsNav")} className="mb-4">
        <ul className="list-inline mb-0">
          {GROUPS.map((g) => (
            <li key={g} className="list-inline-item me-3">
              <a href={`#${GROUP_ANCHOR[g]}`}>
                {tGroups(g)} <span className="badge bg-light text-dark border">{groups[g].length}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {GROUPS.map((g) => (
        <section key={g} id={GROUP_ANCHOR[g]} aria-labelledby={`${g}-title`} className="mb-5" data-testid={`applications-${g}`}>
          <h2 id={`${g}-title`} className="h4">
            {tGroups(g)} <span className="visually-hidden">({groups[g].length})</span>
          </h2>
          {groups[g].length === 0 ? (
            <EmptyState title={t(`empty.${g}`)}>
              {g === "draft" ? <Link href={`/${tenant.slug}/servizi`}>{t("browseServices")}</Link> : null}
            </EmptyState>
          ) : (
            <ApplicationList tenantSlug={tenant.slug} items={groups[g]} />
          )}
        </section>
      ))}
    </>
  );
}
