"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { Icon } from "../icon";

export type TNavItem = { href: string; label: string; /** Also active on sub-pages. */ prefix?: boolean };

type TCollapsible = { hide(): void; dispose(): void };
type TCollapsibleClass = { getOrCreateInstance(el: Element): TCollapsible; getInstance(el: Element): TCollapsible | null };

function isActive(item: TNavItem, pathname: string): boolean {
  const path = item.href.split("#")[0] ?? item.href;
  if (item.href.includes("#")) return false;
  return pathname === path || (item.prefix === true && pathname.startsWith(`${path}/`));
}

// The header's navigation bar. On phones it is Bootstrap Italia's off-canvas menu, driven by the
// package's own NavBarCollapsible plugin (focus trap, Escape, backdrop), loaded in the browser only.
export function HeaderNavbar({ id, items, labels }: { id: string; items: TNavItem[]; labels: { nav: string; open: string; close: string } }) {
  const pathname = usePathname();
  const ref = useRef<HTMLDivElement>(null);
  const plugin = useRef<TCollapsibleClass | null>(null);

  useEffect(() => {
    const element = ref.current;
    let cancelled = false;
    void import("bootstrap-italia/dist/plugins/navbar-collapsible.js").then((mod) => {
      if (cancelled || !element) return;
      plugin.current = mod.default;
      mod.default.getOrCreateInstance(element);
    });
    return () => {
      cancelled = true;
      if (element && plugin.current) plugin.current.getInstance(element)?.dispose();
    };
  }, []);

  // A link followed inside the phone menu navigates without a page load: close the menu.
  useEffect(() => {
    if (ref.current && plugin.current) plugin.current.getInstance(ref.current)?.hide();
  }, [pathname]);

  return (
    <nav className="navbar navbar-expand-lg has-megamenu" aria-label={labels.nav}>
      <button
        className="custom-navbar-toggler"
        type="button"
        aria-controls={id}
        aria-expanded="false"
        aria-label={labels.open}
        data-bs-toggle="navbarcollapsible"
        data-bs-target={`#${id}`}
      >
        <Icon name="it-burger" />
      </button>
      <div className="navbar-collapsable" id={id} ref={ref}>
        <div className="overlay" />
        <div className="close-div">
          <button className="btn close-menu" type="button">
            <span className="visually-hidden">{labels.close}</span>
            <Icon name="it-close-big" />
          </button>
        </div>
        <div className="menu-wrapper">
          <ul className="navbar-nav">
            {items.map((item) => {
              const active = isActive(item, pathname);
              return (
                <li key={item.href} className="nav-item">
                  <Link className={`nav-link${active ? " active" : ""}`} href={item.href} aria-current={active ? "page" : undefined}>
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
