import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TenantFooter } from "@/components/footer/tenant-footer";
import { TenantHeader } from "@/components/header/tenant-header";
import type { THeaderViewer } from "@/components/header/user-access";
import { tenantScopeClass } from "@/components/theme/brand-colors";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { getViewer } from "@/server/auth/session";
import { getTenantOrThrow } from "@/server/tenant";
import { getTenantOr404 } from "./get-tenant";

type TProps = { children: ReactNode; params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Omit<TProps, "children">): Promise<Metadata> {
  // Unknown slug: the layout renders the platform 404, whose title is set here (Next.js does not
  // take the root not-found's metadata when a layout calls notFound()). A database failure
  // surfaces from the layout itself, with the error page.
  const tenant = await getTenantOrThrow((await params).tenant).catch(() => null);
  if (!tenant) return { title: (await getTranslations("shell.notFound"))("metaTitle") };
  return { title: { default: tenant.name, template: `%s · ${tenant.name}` } };
}

// Frame of every page of a municipality: its header (brand colour from /{tenant}/theme.css),
// the page's <main>, its footer. An unknown slug renders the platform's 404.
export default async function TenantLayout({ children, params }: TProps) {
  const { tenant: slug } = await params;
  const tenant = await getTenantOr404(slug);
  const viewer = await getViewer();
  const headerViewer: THeaderViewer =
    viewer?.kind === "citizen"
      ? { kind: "citizen", name: `${viewer.citizen.givenName} ${viewer.citizen.familyName}` }
      : viewer?.kind === "staff"
        ? { kind: "staff", name: viewer.staff.name }
        : null;
  return (
    <TRPCReactProvider tenant={tenant.slug}>
      {/* React hoists this into <head>; versioned so a colour change is picked up at once. */}
      <link rel="stylesheet" href={`/${tenant.slug}/theme.css?v=${tenant.updatedAt.getTime()}`} precedence="tenant-theme" />
      <div className={`tenant-scope ${tenantScopeClass(tenant.slug)}`}>
        <TenantHeader tenant={tenant} viewer={headerViewer} />
        <main id="main-content" tabIndex={-1} className="flex-grow-1">
          {children}
        </main>
        <TenantFooter tenant={tenant} />
      </div>
    </TRPCReactProvider>
  );
}
