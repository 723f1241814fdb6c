"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type TSidebarItem = {
  key: string;
  label: string;
  href?: string;
  comingSoon?: string;
  /** Also current on the pages under href (the inbox on an application's page). */
  nested?: boolean;
};

// The back office's section menu (Bootstrap Italia sidebar). Sections not built yet are listed
// as unavailable, not as links, so nobody lands on an empty page.
export function BackofficeSidebar({ label, items }: { label: string; items: TSidebarItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="sidebar-wrapper backoffice-sidebar it-line-right-side h-100" aria-label={label}>
      <div className="sidebar-linklist-wrapper">
        <div className="link-list-wrapper">
          <ul className="link-list">
            {items.map((item) => {
              if (!item.href) {
                return (
                  <li key={item.key}>
                    {/* No href: not focusable, not a link; Bootstrap Italia styles it as a disabled item. */}
                    <a className="list-item disabled" aria-disabled="true">
                      <span>{item.label}</span>
                      {item.comingSoon ? <small className="d-block text-secondary">{item.comingSoon}</small> : null}
                    </a>
                  </li>
                );
              }
              const exact = pathname === item.href;
              const active = exact || (item.nested === true && pathname.startsWith(`${item.href}/`));
              return (
                <li key={item.key}>
                  <Link className={`list-item${active ? " active" : ""}`} href={item.href} aria-current={exact ? "page" : active ? "true" : undefined}>
                    <span>{item.label}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </nav>
  );
}
