import { tenantLogoUrl } from "@/server/settings/settings-values";
import { Icon } from "../icon";

export type TEmblemTenant = { slug: string; name: string; logoStorageKey: string | null; updatedAt: Date };

// The municipality's logo where Designers Italia puts the emblem (the header's brand, the back
// office's bar, the footer); the default emblem when it has none. Always shown next to the
// municipality's name, so it is decorative (empty alt): a screen reader hears the name once.
export function TenantEmblem({ tenant, className }: { tenant: TEmblemTenant; className?: string }) {
  if (!tenant.logoStorageKey) return <Icon name="it-pa" className={className} />;
  return (
    // A stored image of any size, served by our own route: next/image's optimiser adds nothing here.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={tenantLogoUrl(tenant)} alt="" className={["brand-logo", className].filter(Boolean).join(" ")} data-testid="tenant-logo" />
  );
}
