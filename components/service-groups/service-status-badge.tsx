import { useTranslations } from "next-intl";
import type { ServiceStatus } from "@/server/db/generated/enums";

// A service's configuration status as a word on a badge (the word, not the colour, carries the
// meaning; Bootstrap Italia's colours keep AA contrast with their text).
const BADGE_CLASS: Record<ServiceStatus, string> = {
  DRAFT: "bg-secondary",
  SCHEDULED: "bg-primary",
  PUBLISHED: "bg-success",
  SUSPENDED: "bg-warning text-dark",
  CLOSED: "bg-dark",
};

export function ServiceStatusBadge({ status }: { status: ServiceStatus }) {
  const t = useTranslations("serviceGroups.status");
  return <span className={`badge ${BADGE_CLASS[status]}`}>{t(status)}</span>;
}
