import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AreaNav } from "@/components/area/area-nav";
import { countUnreadMessages } from "@/server/area/messages";
import { getViewer } from "@/server/auth/session";
import { getTenantOr404 } from "../get-tenant";

type TProps = { children: ReactNode; params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("personalArea");
  return { title: t("metaTitle"), robots: { index: false } };
}

// Frame of the personal area's pages: the section menu beside (phones: above) the page. Each page
// guards itself with requireCitizen, which knows where to come back after signing in; signed out,
// the layout only renders the page (that redirects).
export default async function PersonalAreaLayout({ children, params }: TProps) {
  const { tenant: slug } = await params;
  const tenant = await getTenantOr404(slug);
  const viewer = await getViewer();
  if (viewer?.kind !== "citizen") return children;
  const unread = await countUnreadMessages({ tenantId: tenant.id, citizenId: viewer.citizen.id });
  return (
    <div className="container pb-5">
      <div className="row">
        <div className="col-12 col-lg-3">
          <AreaNav tenantSlug={tenant.slug} initialUnread={unread} />
        </div>
        <div className="col-12 col-lg-9">{children}</div>
      </div>
    </div>
  );
}
