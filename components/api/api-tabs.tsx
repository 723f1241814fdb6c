import Link from "next/link";
import { useTranslations } from "next-intl";

export type TApiTab = "keys" | "webhooks";

// Tabs of the back office's "API e webhook" section: the API keys page and the webhooks page.
// A plain navigation (two links), so it renders on the server and in client components alike;
// the current page's tab carries aria-current="page".
export function ApiTabs({ tenantSlug, current }: { tenantSlug: string; current: TApiTab }) {
  const t = useTranslations("apiKeys.tabs");
  const tabs: { id: TApiTab; href: string; label: string }[] = [
    { id: "keys", href: `/${tenantSlug}/backoffice/api`, label: t("keys") },
    { id: "webhooks", href: `/${tenantSlug}/backoffice/api/webhook`, label: t("webhooks") },
  ];
  return (
    <nav aria-label={t("label")} className="mb-4">
      <ul className="nav nav-tabs">
        {tabs.map((tab) => (
          <li key={tab.id} className="nav-item">
            <Link
              href={tab.href}
              className={`nav-link${tab.id === current ? " active" : ""}`}
              aria-current={tab.id === current ? "page" : undefined}
              data-testid={`api-tab-${tab.id}`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
