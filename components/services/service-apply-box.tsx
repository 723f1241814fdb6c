import { getTranslations } from "next-intl/server";
import type { TServiceCard } from "@/server/services/catalogue";
import { getDateTimeParts } from "./date-time-parts";

// Where a service card lets the citizen start: the "Presenta la domanda" button when the service
// is open, otherwise a notice saying why not (and when it opens) and no button at all.
export async function ServiceApplyBox({ service, tenantSlug }: { service: TServiceCard; tenantSlug: string }) {
  const [t, parts] = await Promise.all([getTranslations("catalogue.card"), getDateTimeParts()]);
  const a = service.availability;
  const access = t(`accessLevel.${service.accessLevel}`);

  if (a.kind === "open") {
    return (
      <section aria-labelledby="apply-title" className="callout-box border rounded p-4 mb-5">
        <h2 id="apply-title" className="h4">
          {t("applyTitle")}
        </h2>
        <p className="mb-1">{a.closesAt ? t("openUntil", parts(a.closesAt)) : t("openAlways")}</p>
        <p>{access}.</p>
        <a className="btn btn-primary" href={`/${tenantSlug}/servizi/${service.slug}/domanda`} data-testid="apply-link">
          {t("applyStart")}
        </a>
      </section>
    );
  }

  const [title, body] =
    a.kind === "notYetOpen"
      ? [t("notYetOpen", parts(a.opensAt)), t("notYetOpenBody")]
      : a.kind === "closed"
        ? [a.closedSince ? t("closedSince", parts(a.closedSince)) : t("closed"), t("closedBody")]
        : [t("suspended"), t("suspendedBody")];
  // Bootstrap Italia's alert draws its own status icon.
  return (
    <div className={`alert ${a.kind === "notYetOpen" ? "alert-info" : "alert-warning"} mb-5`} data-testid="service-unavailable">
      <h2 className="h4 mb-1">{title}</h2>
      <p className="mb-0">{body}</p>
    </div>
  );
}
