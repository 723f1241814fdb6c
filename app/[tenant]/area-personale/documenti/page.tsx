import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AreaPageTitle } from "@/components/area/area-page-title";
import { DocumentList } from "@/components/area/document-list";
import { EmptyState } from "@/components/empty-state";
import { listDocuments } from "@/server/area/documents";
import { requireCitizen } from "@/server/auth/session";

type TProps = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personalArea.documents"))("metaTitle") };
}

// GET /{tenant}/area-personale/documenti — receipts and documents the municipality issued to the
// citizen, each downloadable as PDF.
export default async function DocumentsPage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { citizen, tenant } = await requireCitizen(slug, `/${slug}/area-personale/documenti`);
  const [t, tArea, documents] = await Promise.all([
    getTranslations("personalArea.documents"),
    getTranslations("personalArea"),
    listDocuments({ tenantId: tenant.id, citizenId: citizen.id }),
  ]);
  return (
    <>
      <AreaPageTitle tenantSlug={tenant.slug} title={t("title")} lead={t("lead")} />
      {documents.length === 0 ? (
        <EmptyState icon="it-file" title={tArea("sections.documents.empty")} headingLevel={2}>
          {tArea("sections.documents.hint")}
        </EmptyState>
      ) : (
        <DocumentList tenantSlug={tenant.slug} items={documents} />
      )}
    </>
  );
}
