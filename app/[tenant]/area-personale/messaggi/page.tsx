import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AreaPageTitle } from "@/components/area/area-page-title";
import { MessageList } from "@/components/area/message-list";
import { EmptyState } from "@/components/empty-state";
import { listMessages } from "@/server/area/messages";
import { requireCitizen } from "@/server/auth/session";

type TProps = { params: Promise<{ tenant: string }>; searchParams: Promise<{ messaggio?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personalArea.messages"))("metaTitle") };
}

// GET /{tenant}/area-personale/messaggi[?messaggio=<id>] — every message of the municipality to
// the citizen, newest first; the one named in the query opens at once.
export default async function MessagesPage({ params, searchParams }: TProps) {
  const { tenant: slug } = await params;
  const { messaggio } = await searchParams;
  const { citizen, tenant } = await requireCitizen(slug, `/${slug}/area-personale/messaggi`);
  const [t, tArea, { items, unreadCount }] = await Promise.all([
    getTranslations("personalArea.messages"),
    getTranslations("personalArea"),
    listMessages({ tenantId: tenant.id, citizenId: citizen.id }),
  ]);
  return (
    <>
      <AreaPageTitle
        tenantSlug={tenant.slug}
        title={t("title")}
        lead={items.length > 0 ? t("leadCount", { total: items.length, unread: unreadCount }) : t("lead")}
      />
      {items.length === 0 ? (
        <EmptyState icon="it-mail" title={tArea("sections.messages.empty")} headingLevel={2}>
          {tArea("sections.messages.hint")}
        </EmptyState>
      ) : (
        <MessageList tenantSlug={tenant.slug} items={items} openId={typeof messaggio === "string" ? messaggio : null} />
      )}
    </>
  );
}
