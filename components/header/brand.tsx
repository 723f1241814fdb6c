import Link from "next/link";
import { Icon } from "../icon";

// The centre header's brand: emblem, name and tagline, linking to the home of the site.
export function HeaderBrand({ href, title, tagline }: { href: string; title: string; tagline?: string | null }) {
  return (
    <div className="it-brand-wrapper">
      <Link href={href}>
        <Icon name="it-pa" className="brand-emblem" />
        <div className="it-brand-text">
          <div className="it-brand-title">{title}</div>
          {tagline ? <div className="it-brand-tagline d-none d-md-block">{tagline}</div> : null}
        </div>
      </Link>
    </div>
  );
}
