import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { TCrumb } from "../breadcrumb";
import { PageTitle } from "../page-title";

// The title of a page inside the personal area, with its breadcrumb: Home / Area personale /
// [the sections above the page] / the page.
export async function AreaPageTitle({ tenantSlug, title, lead, parents = [] }: { tenantSlug: string; title: string; lead?: ReactNode; parents?: TCrumb[] }) {
  const [tArea, tShell] = await Promise.all([getTranslations("personalArea"), getTranslations("shell")]);
  return (
    <PageTitle
      breadcrumb={[
        { label: tShell("breadcrumb.home"), href: `/${tenantSlug}` },
        { label: tArea("metaTitle"), href: `/${tenantSlug}/area-personale` },
        ...parents,
        { label: title },
      ]}
      title={title}
      lead={lead}
    />
  );
}
