import { getTranslations } from "next-intl/server";
import { Icon } from "../icon";

type TContactTenant = { contactEmail: string | null; contactPhone: string | null; website: string | null };

// How to reach the municipality's offices, as a list of icon + link.
export async function TenantContacts({ tenant }: { tenant: TContactTenant }) {
  const t = await getTranslations("municipality.contacts");
  const rows = [
    tenant.contactEmail && { icon: "it-mail" as const, label: t("email"), href: `mailto:${tenant.contactEmail}`, text: tenant.contactEmail },
    tenant.contactPhone && { icon: "it-telephone" as const, label: t("phone"), href: `tel:${tenant.contactPhone.replace(/[^+\d]/g, "")}`, text: tenant.contactPhone },
    tenant.website && { icon: "it-external-link" as const, label: t("website"), href: tenant.website, text: tenant.website.replace(/^https?:\/\//, "") },
  ].filter((r): r is Exclude<typeof r, null | "" | undefined> => Boolean(r));
  if (rows.length === 0) return <p>{t("none")}</p>;
  return (
    <ul className="list-unstyled mb-0">
      {rows.map((row) => (
        <li key={row.icon} className="d-flex align-items-center gap-2 mb-2">
          <Icon name={row.icon} color="primary" />
          <span className="fw-semibold">{row.label}:</span>
          <a href={row.href} className="text-break">
            {row.text}
          </a>
        </li>
      ))}
    </ul>
  );
}
