import Link from "next/link";
import type { ReactNode } from "react";
import { Icon } from "../icon";

// The centre header's brand: emblem (or the municipality's logo), name and tagline, linking to
// the home of the site.
export function HeaderBrand({ href, title, tagline, emblem }: { href: string; title: string; tagline?: string | null; emblem?: ReactNode }) {
  return (
    <div className="it-brand-wrapper">
      <Link href={href}>
        {emblem ?? <Icon name="it-pa" className="brand-emblem" />}
        <div className="it-brand-text">
          <div className="it-brand-title">{title}</div>
          {tagline ? <div className="it-brand-tagline d-none d-md-block">{tagline}</div> : null}
        </div>
      </Link>
    </div>
  );
}
