import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { Icon } from "@/components/icon";
import { PageTitle } from "@/components/page-title";
import { PlatformShell } from "@/components/platform/platform-shell";
import { listTenantsForHome } from "@/server/tenant";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("metaTitle") };
}

// GET / — the platform home: every municipality on this installation, each linking to its site.
export default async function PlatformHomePage() {
  const [t, tenants] = await Promise.all([getTranslations("home"), listTenantsForHome()]);
  return (
    <PlatformShell>
      <PageTitle title={t("title")} lead={t("lead")} />
      <section aria-labelledby="municipalities-title" className="pt-3">
        <h2 id="municipalities-title" className="h4 mb-3">
          {t("municipalities")}
        </h2>
        {tenants.length === 0 ? (
          <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
        ) : (
          <ul className="row g-3 list-unstyled" role="list">
            {tenants.map((tenant) => (
              <li key={tenant.slug} className="col-12 col-md-6 col-lg-4">
                <div className="card shadow-sm h-100 rounded border">
                  <div className="card-body card-body-compact">
                    <h3 className="card-title h5">
                      <Link href={`/${tenant.slug}`} className="stretched-link text-decoration-none">
                        {tenant.name}
                      </Link>
                    </h3>
                    {tenant.area ? <p className="card-text mb-3">{tenant.area}</p> : null}
                    <span className="d-inline-flex align-items-center gap-1 text-primary fw-semibold" aria-hidden="true">
                      {t("open")}
                      <Icon name="it-arrow-right" size="sm" color="primary" />
                    </span>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </PlatformShell>
  );
}
