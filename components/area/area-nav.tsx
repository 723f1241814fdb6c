"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";

export type TAreaNavKey = "overview" | "applications" | "messages" | "documents" | "profile" | "myData";

const SEGMENTS: { key: TAreaNavKey; segment: string }[] = [
  { key: "overview", segment: "" },
  { key: "applications", segment: "/domande" },
  { key: "messages", segment: "/messaggi" },
  { key: "documents", segment: "/documenti" },
  { key: "profile", segment: "/profilo" },
  { key: "myData", segment: "/i-miei-dati" },
];

// The personal area's sections. Phones: a wrap of buttons above the page; wide screens: a
// column beside it. The unread count is live (marking a message read updates it).
export function AreaNav({ tenantSlug, initialUnread }: { tenantSlug: string; initialUnread: number }) {
  const t = useTranslations("personalArea.nav");
  const pathname = usePathname();
  const trpc = useTRPC();
  const { data: unread = initialUnread } = useQuery({ ...trpc.area.unreadCount.queryOptions(), initialData: initialUnread });
  const base = `/${tenantSlug}/area-personale`;
  return (
    <nav aria-label={t("label")} className="area-nav py-3">
      <ul className="list-unstyled d-flex flex-wrap flex-lg-column gap-2 mb-0">
        {SEGMENTS.map(({ key, segment }) => {
          const href = `${base}${segment}`;
          const current = pathname === href;
          // A page inside the section (one application) highlights the section too.
          const inSection = current || (segment !== "" && pathname.startsWith(`${href}/`));
          return (
            <li key={key}>
              <Link
                href={href}
                aria-current={current ? "page" : inSection ? "true" : undefined}
                className={`btn btn-sm d-lg-flex align-items-center justify-content-between text-start ${inSection ? "btn-primary" : "btn-outline-primary"}`}
              >
                <span>{t(key)}</span>
                {key === "messages" && unread > 0 ? (
                  <span className="badge bg-danger ms-2" data-testid="area-unread-count">
                    {unread}
                    <span className="visually-hidden"> {t("unread", { count: unread })}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
