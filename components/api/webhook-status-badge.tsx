import { useTranslations } from "next-intl";

const BADGE = { PENDING: "bg-warning text-dark", SUCCEEDED: "bg-success", FAILED: "bg-danger" } as const;

// A delivery's outcome as a badge: the word says it, the colour only repeats it.
export function WebhookStatusBadge({ status }: { status: keyof typeof BADGE }) {
  const t = useTranslations("webhooks.status");
  return (
    <span className={`badge ${BADGE[status]}`} data-status={status} data-testid="webhook-delivery-status">
      {t(status)}
    </span>
  );
}

export function WebhookEnabledBadge({ enabled }: { enabled: boolean }) {
  const t = useTranslations("webhooks.state");
  return <span className={`badge ${enabled ? "bg-success" : "bg-secondary"}`}>{t(enabled ? "enabled" : "disabled")}</span>;
}
