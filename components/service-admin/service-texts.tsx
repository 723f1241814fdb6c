import { getTranslations } from "next-intl/server";
import { getDateTimeParts } from "@/components/services/date-time-parts";
import type { ServiceStatus } from "@/server/db/generated/client";
import type { TServiceWindow } from "@/server/applications/service-window";
import { serviceAvailability } from "@/server/services/catalogue";

// Server-side words about a service for the back office: its status as a badge (the word carries
// the meaning, the colour only helps), its opening window, and what the citizens' catalogue says
// about it — the very sentences of the public card, so the preview is what they will read.

const BADGE: Record<ServiceStatus, string> = {
  DRAFT: "bg-secondary",
  SCHEDULED: "bg-primary",
  PUBLISHED: "bg-success",
  SUSPENDED: "bg-warning text-dark",
  CLOSED: "bg-dark",
};

export async function ServiceStatusBadge({ status }: { status: ServiceStatus }) {
  const t = await getTranslations("serviceAdmin.status");
  return (
    <span className={`badge ${BADGE[status]}`} data-status={status}>
      {t(status)}
    </span>
  );
}

export async function getServiceTexts() {
  const [t, tCard, parts] = await Promise.all([getTranslations("serviceAdmin"), getTranslations("catalogue.card"), getDateTimeParts()]);
  const when = (d: Date) => t("window.dateTime", parts(d));
  return {
    /** "Dal 3 marzo 2027, 9:00 al …", or "Senza date". */
    window(opensAt: Date | null, closesAt: Date | null): string {
      if (opensAt && closesAt) return t("window.both", { from: when(opensAt), until: when(closesAt) });
      if (opensAt) return t("window.from", { from: when(opensAt) });
      if (closesAt) return t("window.until", { until: when(closesAt) });
      return t("window.always");
    },
    /** What the catalogue tells citizens about a service in this state. */
    citizenView(service: TServiceWindow, now = new Date()): string {
      if (service.status === "DRAFT") return t("lifecycle.notVisible");
      const a = serviceAvailability(service, now);
      switch (a.kind) {
        case "open":
          return a.closesAt ? tCard("openUntil", parts(a.closesAt)) : tCard("openAlways");
        case "notYetOpen":
          return tCard("notYetOpen", parts(a.opensAt));
        case "closed":
          return a.closedSince ? tCard("closedSince", parts(a.closedSince)) : tCard("closed");
        case "suspended":
          return tCard("suspended");
      }
    },
  };
}
