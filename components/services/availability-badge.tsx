import { getTranslations } from "next-intl/server";
import type { TAvailability } from "@/server/services/catalogue";
import { getDateTimeParts } from "./date-time-parts";

// A short word on whether a service can be applied for now. Colours are Bootstrap Italia's
// (contrast AA with white text); the word, not the colour, carries the meaning.
const BADGE_CLASS: Record<TAvailability["kind"], string> = {
  open: "bg-success",
  notYetOpen: "bg-primary",
  closed: "bg-secondary",
  suspended: "bg-secondary",
};

export async function AvailabilityBadge({ availability }: { availability: TAvailability }) {
  const [t, parts] = await Promise.all([getTranslations("catalogue.availability"), getDateTimeParts()]);
  const label = availability.kind === "notYetOpen" ? t("notYetOpen", { date: parts(availability.opensAt).date }) : t(availability.kind);
  return <span className={`badge ${BADGE_CLASS[availability.kind]}`}>{label}</span>;
}
