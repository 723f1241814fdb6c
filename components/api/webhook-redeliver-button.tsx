"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { errorData } from "@/components/conversation/error-data";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { useTRPC } from "@/components/trpc/provider";

// "Reinvia" on a delivery's page: a new series of attempts of the same event; the page reloads
// to show the new attempts (again after a few seconds, when the first one has run).
export function WebhookRedeliverButton({ tenantSlug, deliveryId }: { tenantSlug: string; deliveryId: string }) {
  const t = useTranslations("webhooks.log");
  const tAll = useTranslations() as unknown as (key: string) => string;
  const trpc = useTRPC();
  const router = useRouter();
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const redeliver = useMutation(trpc.webhooks.redeliver.mutationOptions());

  const onClick = async () => {
    setNotice(null);
    try {
      await redeliver.mutateAsync({ tenantSlug, deliveryId });
      setNotice({ tone: "success", text: t("redelivered") });
      startRefresh(() => router.refresh());
      setTimeout(() => startRefresh(() => router.refresh()), 3000);
    } catch (e) {
      setNotice({ tone: "danger", text: tAll(errorData(e).messageKey ?? "errors.generic") });
    }
  };

  return (
    <div className="mb-4">
      <button type="button" className="btn btn-primary btn-sm" disabled={redeliver.isPending || refreshing} onClick={() => void onClick()} data-testid="webhook-redeliver">
        {redeliver.isPending ? t("redelivering") : t("redeliver")}
      </button>
      <LiveNotice notice={notice} />
    </div>
  );
}
