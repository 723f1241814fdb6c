import Link from "next/link";
import { getTranslations } from "next-intl/server";

export type TCrumb = { label: string; href?: string };

// Bootstrap Italia breadcrumb; the last crumb is the current page.
export async function Breadcrumb({ items }: { items: TCrumb[] }) {
  const t = await getTranslations("shell.breadcrumb");
  return (
    <nav className="breadcrumb-container" aria-label={t("label")}>
      <ol className="breadcrumb p-0 mb-3">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${item.label}`} className={`breadcrumb-item${last ? " active" : ""}`} aria-current={last ? "page" : undefined}>
              {item.href && !last ? <Link href={item.href}>{item.label}</Link> : item.label}
              {!last ? <span className="separator">/</span> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
