"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// A link to the home of the municipality whose site the visitor is on (first path segment):
// used by the not-found page, which Next.js renders without route params.
export function TenantHomeLink({ className, children }: { className?: string; children: React.ReactNode }) {
  const slug = usePathname().split("/")[1] ?? "";
  return (
    <Link className={className} href={`/${slug}`}>
      {children}
    </Link>
  );
}
