import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getAreaDates } from "@/components/area/area-dates";
import { AreaPageTitle } from "@/components/area/area-page-title";
import { ContactEditor } from "@/components/area/contact-editor";
import { getPendingVerification } from "@/server/area/contact-verification";
import { requireCitizen } from "@/server/auth/session";
import type { TCitizenClaims } from "@/server/auth/types";

type TProps = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personalArea.profile"))("metaTitle") };
}

/** "Corso Buenos Aires 45, 20124 Milano (MI)". */
function formatDomicile(domicile: unknown): string | null {
  if (!domicile || typeof domicile !== "object") return null;
  const d = domicile as NonNullable<TCitizenClaims["domicile"]>;
  const town = [d.postalCode, d.city, d.province ? `(${d.province})` : undefined].filter(Boolean).join(" ");
  const text = [d.street, town, d.country && d.country !== "IT" ? d.country : undefined].filter(Boolean).join(", ");
  return text || null;
}

// GET /{tenant}/area-personale/profilo — who the citizen is according to SPID/CIE (read only)
// and the contacts they choose, each confirmed with a code before it is used.
export default async function ProfilePage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { citizen, tenant } = await requireCitizen(slug, `/${slug}/area-personale/profilo`);
  const [t, tArea, dates, pendingEmail, pendingPhone] = await Promise.all([
    getTranslations("personalArea.profile"),
    getTranslations("personalArea"),
    getAreaDates(),
    getPendingVerification({ citizenId: citizen.id, channel: "EMAIL" }),
    getPendingVerification({ citizenId: citizen.id, channel: "PHONE" }),
  ]);
  const domicile = formatDomicile(citizen.domicile);
  const identity: { label: string; value: string; testId?: string; className?: string }[] = [
    { label: t("fiscalCode"), value: citizen.fiscalCode, testId: "profile-fiscal-code", className: "identifier" },
    { label: t("givenName"), value: citizen.givenName },
    { label: t("familyName"), value: citizen.familyName },
    // A calendar date stored at midnight UTC: still the same day in Rome (UTC+1/+2).
    { label: t("birthDate"), value: citizen.birthDate ? dates.date(citizen.birthDate) : t("notGiven") },
    { label: t("domicile"), value: domicile ?? t("notGiven") },
    { label: t("spidLevel"), value: tArea("identity.spidLevelValue", { level: citizen.spidLevel }) },
  ];
  const pending = (p: typeof pendingEmail) => (p ? { value: p.value, expiresAt: p.expiresAt } : null);

  return (
    <>
      <AreaPageTitle tenantSlug={tenant.slug} title={t("title")} lead={t("lead")} />

      <section aria-labelledby="identity-title" className="card shadow-sm border rounded mb-4">
        <div className="card-body card-body-compact">
          <h2 id="identity-title" className="h5">
            {t("identityTitle")}
          </h2>
          <p className="small text-secondary">{t("identityHint")}</p>
          <dl className="row mb-0">
            {identity.map((f) => (
              <div key={f.label} className="col-12 col-md-6">
                <dt className="fw-normal text-secondary small">{f.label}</dt>
                <dd className={`fw-semibold text-break ${f.className ?? ""}`} data-testid={f.testId}>
                  {f.value}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      </section>

      <section aria-labelledby="contacts-title" className="card shadow-sm border rounded mb-4">
        <div className="card-body card-body-compact">
          <h2 id="contacts-title" className="h5">
            {t("contactsTitle")}
          </h2>
          <p className="small text-secondary">{t("contactsHint")}</p>
          <h3 className="h6 mt-4">{t("email")}</h3>
          <ContactEditor channel="EMAIL" current={citizen.email} verified={!!citizen.emailVerifiedAt} initialPending={pending(pendingEmail)} />
          <h3 className="h6 mt-4">{t("phone")}</h3>
          <ContactEditor channel="PHONE" current={citizen.phone} verified={!!citizen.phoneVerifiedAt} initialPending={pending(pendingPhone)} />
        </div>
      </section>
    </>
  );
}
