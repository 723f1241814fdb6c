import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { TWebhookEndpointView } from "@/server/webhooks/endpoints";
import { webhookEventKey } from "./webhook-labels";
import { WebhookEnabledBadge, WebhookStatusBadge } from "./webhook-status-badge";

export const webhookEndpointPath = (tenantSlug: string, endpointId: string) => `/${tenantSlug}/backoffice/api/webhook/${endpointId}`;

// The municipality's endpoints: address (to the endpoint's page), events, state and the outcome
// of the latest delivery. A table on wide screens, stacked rows on a phone (table-responsive).
export function WebhookEndpointList({ tenantSlug, endpoints }: { tenantSlug: string; endpoints: TWebhookEndpointView[] }) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  if (endpoints.length === 0) return null;
  return (
    <div className="table-responsive">
      <table className="table align-middle" data-testid="webhook-endpoints">
        <caption className="visually-hidden">{t("list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("list.url")}</th>
            <th scope="col">{t("list.events")}</th>
            <th scope="col">{t("list.state")}</th>
            <th scope="col">{t("list.lastDelivery")}</th>
          </tr>
        </thead>
        <tbody>
          {endpoints.map((e) => (
            <tr key={e.id}>
              <td className="text-break">
                <Link href={webhookEndpointPath(tenantSlug, e.id)} aria-label={t("list.open", { url: e.url })}>
                  <code>{e.url}</code>
                </Link>
                {e.description ? <span className="d-block small text-secondary-emphasis">{e.description}</span> : null}
              </td>
              <td>
                <ul className="list-unstyled mb-0 small">
                  {e.events.map((type) => (
                    <li key={type}>{t(webhookEventKey(type))}</li>
                  ))}
                </ul>
              </td>
              <td>
                <WebhookEnabledBadge enabled={e.enabled} />
              </td>
              <td>
                {e.lastDelivery ? (
                  <>
                    <WebhookStatusBadge status={e.lastDelivery.status} />
                    <span className="d-block small">{format.dateTime(e.lastDelivery.createdAt, { dateStyle: "short", timeStyle: "short" })}</span>
                  </>
                ) : (
                  <span className="small text-secondary-emphasis">{t("list.never")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
