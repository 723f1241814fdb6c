import { getTranslations } from "next-intl/server";
import { APPLICATION_STATUS, statusGroup, statusLabelKey } from "@/server/applications/status";

// An application's status as a badge. The words carry the meaning; the colour only helps
// (Bootstrap Italia's, AA contrast with their text colour).
const ATTENTION: ReadonlySet<number> = new Set([
  APPLICATION_STATUS.PAYMENT_PENDING,
  APPLICATION_STATUS.PAYMENT_REFUSED,
  APPLICATION_STATUS.INTEGRATION_REQUESTED,
  APPLICATION_STATUS.INTEGRATION_PENDING,
]);

/** Bootstrap Italia badge classes for a status (also used by the back office's inbox). */
export function statusBadgeClass(status: number): string {
  if (ATTENTION.has(status)) return "bg-warning text-dark";
  if (status === APPLICATION_STATUS.ACCEPTED) return "bg-success";
  if (status === APPLICATION_STATUS.REJECTED || status === APPLICATION_STATUS.ANNULLED) return "bg-danger";
  return statusGroup(status) === "inProgress" ? "bg-primary" : "bg-secondary";
}

export async function StatusBadge({ status }: { status: number }) {
  const t = await getTranslations("applications");
  return (
    <span className={`badge text-wrap text-start ${statusBadgeClass(status)}`} data-status={status}>
      {t(statusLabelKey(status))}
    </span>
  );
}
