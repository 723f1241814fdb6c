import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { cache } from "react";
import { PageTitle } from "@/components/page-title";
import { AvailabilityBadge } from "@/components/services/availability-badge";
import { CardText } from "@/components/services/card-text";
import { getDateTimeParts } from "@/components/services/date-time-parts";
import { ServiceApplyBox } from "@/components/services/service-apply-box";
import { isAppError } from "@/server/errors";
import { getServiceCard, type TServiceCard } from "@/server/services/catalogue";
import { getTenantOr404 } from "../../get-tenant";

type TProps = { params: Promise<{ tenant: string; service: string }> };

// The tenant and the card, once per request (metadata and page both need them); an unknown,
// draft or other municipality's service renders the municipality's 404 page.
const loadCard = cache(async (tenantSlug: string, serviceSlug: string) => {
  const tenant = await getTenantOr404(tenantSlug);
  try {
    return { tenant, service: await getServiceCard({ tenantId: tenant.id, slug: serviceSlug }) };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { tenant, service } = await params;
  const card = await loadCard(tenant, service);
  return { title: card.service.name, description: card.service.summary };
}

async function openingWindow(service: TServiceCard): Promise<string> {
  const [t, parts] = await Promise.all([getTranslations("catalogue.card"), getDateTimeParts()]);
  const when = (d: Date) => t("dateTime", parts(d));
  if (service.opensAt && service.closesAt) return t("windowBoth", { from: when(service.opensAt), until: when(service.closesAt) });
  if (service.opensAt) return t("windowFrom", { from: when(service.opensAt) });
  if (service.closesAt) return t("windowUntil", { until: when(service.closesAt) });
  return t("windowAlways");
}

// GET /{tenant}/servizi/{service} — the service card in the fixed format (Designers Italia
// "scheda servizio"), with the way to apply when the service is open.
export default async function ServiceCardPage({ params }: TProps) {
  const { tenant: slug, service: serviceSlug } = await params;
  const { tenant, service } = await loadCard(slug, serviceSlug);
  const [t, tCatalogue, tShell, window] = await Promise.all([
    getTranslations("catalogue.card"),
    getTranslations("catalogue"),
    getTranslations("shell"),
    openingWindow(service),
  ]);

  const sections: { id: string; title: string; body: ReactNode }[] = [
    { id: "cos-e", title: t("whatItIs"), body: <CardText text={service.summary} /> },
    { id: "a-chi-si-rivolge", title: t("audience"), body: <CardText text={service.audience} /> },
    { id: "come-fare", title: t("howTo"), body: <CardText text={service.howTo} /> },
    { id: "cosa-serve", title: t("documents"), body: <CardText text={service.documentsNeeded} /> },
    { id: "quanto-costa", title: t("cost"), body: <CardText text={service.cost} /> },
    { id: "tempi", title: t("processingTime"), body: <p className="mb-0">{t("processingTimeValue", { days: service.maxProcessingDays })}</p> },
    { id: "quando", title: t("window"), body: <p className="mb-0">{window}</p> },
    { id: "accesso", title: t("access"), body: <p className="mb-0">{t(`accessLevel.${service.accessLevel}`)}.</p> },
    { id: "contatti", title: t("contacts"), body: <CardText text={service.contacts} /> },
    { id: "privacy", title: t("privacy"), body: <CardText text={service.privacyNotice} /> },
  ];

  return (
    <div className="container pb-5">
      <PageTitle
        breadcrumb={[
          { label: tShell("breadcrumb.home"), href: `/${slug}` },
          { label: tCatalogue("breadcrumb"), href: `/${slug}/servizi` },
          ...(service.group ? [{ label: service.group.name, href: `/${slug}/servizi/gruppi/${service.group.slug}` }] : []),
          { label: service.name },
        ]}
        title={service.name}
        lead={service.summary}
      />
      <ul className="list-inline mb-4">
        <li className="list-inline-item">
          <AvailabilityBadge availability={service.availability} />
        </li>
        <li className="list-inline-item">
          <span className="visually-hidden">{t("category")}: </span>
          <span className="text-secondary">{service.category.name}</span>
        </li>
        {service.group ? (
          <li className="list-inline-item">
            {t("partOfGroup")}: <Link href={`/${slug}/servizi/gruppi/${service.group.slug}`}>{service.group.name}</Link>
          </li>
        ) : null}
      </ul>
      <div className="row">
        <div className="col-12 col-lg-8">
          <ServiceApplyBox service={service} tenantSlug={tenant.slug} />
          {sections.map((s) => (
            <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`} className="mb-4">
              <h2 id={`${s.id}-title`} className="h4">
                {s.title}
              </h2>
              {s.body}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
