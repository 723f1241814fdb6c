"use client";

import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { errorData } from "@/components/conversation/error-data";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { useTRPC } from "@/components/trpc/provider";
import { WEBHOOK_DELIVERY_STATUSES, type TWebhookDeliveryStatus } from "@/server/webhooks/schemas";
import { webhookEventKey } from "./webhook-labels";
import { WebhookStatusBadge } from "./webhook-status-badge";

export const webhookDeliveryPath = (tenantSlug: string, endpointId: string, deliveryId: string) =>
  `/${tenantSlug}/backoffice/api/webhook/${endpointId}/consegne/${deliveryId}`;

// "Registro delle consegne" of one endpoint: newest first, filtered by outcome, more on demand.
// While a delivery is in progress the log reloads itself every few seconds, so the outcome of a
// test event or a redelivery shows up without reloading the page. "Reinvia" per delivery.
export function WebhookDeliveryLog({ tenantSlug, endpointId, enabled }: { tenantSlug: string; endpointId: string; enabled: boolean }) {
  const t = useTranslations("webhooks");
  const tAll = useTranslations() as unknown as (key: string) => string;
  const format = useFormatter();
  const trpc = useTRPC();
  const id = useId();
  const [status, setStatus] = useState<TWebhookDeliveryStatus | "">("");
  const [notice, setNotice] = useState<TNotice | null>(null);
  const query = useInfiniteQuery(
    trpc.webhooks.listDeliveries.infiniteQueryOptions(
      { tenantSlug, endpointId, status: status || null },
      {
        getNextPageParam: (last) => last.nextCursor,
        refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((d) => d.status === "PENDING")) ? 2000 : false),
      },
    ),
  );
  const redeliver = useMutation(trpc.webhooks.redeliver.mutationOptions());
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "medium" });

  const onRedeliver = async (deliveryId: string) => {
    setNotice(null);
    try {
      await redeliver.mutateAsync({ tenantSlug, deliveryId });
      setNotice({ tone: "success", text: t("log.redelivered") });
      await query.refetch();
    } catch (e) {
      setNotice({ tone: "danger", text: tAll(errorData(e).messageKey ?? "errors.generic") });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="mb-4" data-testid="webhook-delivery-log">
      <div className="d-flex flex-wrap align-items-end justify-content-between gap-3 mb-3">
        <h2 id={`${id}-title`} className="h4 mb-0">
          {t("log.title")}
        </h2>
        <div className="select-wrapper">
          <label htmlFor={`${id}-status`}>{t("log.filter")}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as TWebhookDeliveryStatus | "")}>
            <option value="">{t("log.all")}</option>
            {WEBHOOK_DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <LiveNotice notice={notice} className="mb-3" testId="webhook-log-notice" />
      {query.isPending ? (
        <p>{t("log.loading")}</p>
      ) : items.length === 0 ? (
        <p className="text-secondary-emphasis">{t("log.empty")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table align-middle">
            <caption className="visually-hidden">{t("log.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("log.event")}</th>
                <th scope="col">{t("log.createdAt")}</th>
                <th scope="col">{t("log.status")}</th>
                <th scope="col">{t("log.attempts")}</th>
                <th scope="col">{t("log.lastResult")}</th>
                <th scope="col">{t("log.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => {
                const event = t(webhookEventKey(d.event.type));
                const date = dateTime(d.createdAt);
                return (
                  <tr key={d.id} data-testid="webhook-delivery-row" data-event-type={d.event.type}>
                    <td>
                      {event}
                      <code className="d-block small">{d.event.type}</code>
                    </td>
                    <td>{date}</td>
                    <td>
                      <WebhookStatusBadge status={d.status} />
                      {d.status === "PENDING" && d.nextAttemptAt && d.attempts > 0 ? (
                        <span className="d-block small">{t("log.nextAttempt", { time: format.dateTime(d.nextAttemptAt, { timeStyle: "short" }) })}</span>
                      ) : null}
                    </td>
                    <td>{d.attempts}</td>
                    <td className="small text-break">{d.lastStatusCode ?? (d.lastError ? d.lastError : d.attempts > 0 ? t("log.noAnswer") : "—")}</td>
                    <td>
                      <div className="d-flex flex-wrap gap-2">
                        <Link href={webhookDeliveryPath(tenantSlug, endpointId, d.id)} className="btn btn-outline-primary btn-xs" aria-label={t("log.detailsOf", { event, date })}>
                          {t("log.details")}
                        </Link>
                        {enabled ? (
                          <button
                            type="button"
                            className="btn btn-outline-primary btn-xs"
                            disabled={redeliver.isPending}
                            aria-label={t("log.redeliverOf", { event, date })}
                            onClick={() => void onRedeliver(d.id)}
                          >
                            {t("log.redeliver")}
                          </button>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {query.hasNextPage ? (
        <button type="button" className="btn btn-outline-primary btn-sm" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? t("log.loading") : t("log.more")}
        </button>
      ) : null}
    </section>
  );
}
