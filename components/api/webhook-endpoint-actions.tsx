"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { errorData } from "@/components/conversation/error-data";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { useTRPC } from "@/components/trpc/provider";
import { WebhookSecretPanel } from "./webhook-secret-panel";

type TConfirm = "rotate" | "delete" | null;

// An endpoint's actions: "Invia evento di prova" (the log below shows its outcome), disable /
// enable, "Rigenera segreto" and "Elimina endpoint", each of the last two behind a confirmation
// that says what happens. The new secret is shown once.
export function WebhookEndpointActions({ tenantSlug, endpoint, listHref }: { tenantSlug: string; endpoint: { id: string; enabled: boolean }; listHref: string }) {
  const t = useTranslations("webhooks.detail");
  const tAll = useTranslations() as unknown as (key: string) => string;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const id = useId();
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [confirming, setConfirming] = useState<TConfirm>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const sendTest = useMutation(trpc.webhooks.sendTest.mutationOptions());
  const setEnabled = useMutation(trpc.webhooks.setEnabled.mutationOptions());
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions());
  const remove = useMutation(trpc.webhooks.delete.mutationOptions());
  const pending = sendTest.isPending || setEnabled.isPending || rotate.isPending || remove.isPending || refreshing;
  const target = { tenantSlug, endpointId: endpoint.id };

  const fail = (e: unknown) => setNotice({ tone: "danger", text: tAll(errorData(e).messageKey ?? "errors.generic") });
  const refreshLog = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.listDeliveries.pathKey() });

  const onTest = async () => {
    setNotice(null);
    try {
      await sendTest.mutateAsync(target);
      setNotice({ tone: "success", text: t("testQueued") });
      await refreshLog();
    } catch (e) {
      fail(e);
    }
  };
  const onToggle = async () => {
    setNotice(null);
    try {
      await setEnabled.mutateAsync({ ...target, enabled: !endpoint.enabled });
      setNotice({ tone: "success", text: t(endpoint.enabled ? "disabled" : "enabled") });
      startRefresh(() => router.refresh());
    } catch (e) {
      fail(e);
    }
  };
  const open = (which: TConfirm) => {
    setNotice(null);
    setConfirming(which);
    requestAnimationFrame(() => titleRef.current?.focus());
  };
  const onConfirm = async () => {
    try {
      if (confirming === "rotate") {
        const done = await rotate.mutateAsync(target);
        setConfirming(null);
        setSecret(done.secret);
      } else if (confirming === "delete") {
        await remove.mutateAsync(target);
        router.push(listHref);
        router.refresh();
      }
    } catch (e) {
      setConfirming(null);
      fail(e);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card shadow-sm rounded border mb-4" data-testid="webhook-endpoint-actions">
      <div className="card-body">
        <h2 id={`${id}-title`} className="h5">
          {t("actions")}
        </h2>
        {!endpoint.enabled ? <p className="small">{t("disabledNote")}</p> : null}
        {secret ? <WebhookSecretPanel secret={secret} rotated onDismiss={() => setSecret(null)} /> : null}
        <div className="d-flex flex-wrap gap-2">
          <button type="button" className="btn btn-primary btn-sm" disabled={pending || !endpoint.enabled} onClick={() => void onTest()} data-testid="webhook-send-test">
            {sendTest.isPending ? t("sendingTest") : t("sendTest")}
          </button>
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={pending} onClick={() => void onToggle()} data-testid="webhook-toggle">
            {t(endpoint.enabled ? "disable" : "enable")}
          </button>
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={pending} aria-expanded={confirming === "rotate"} onClick={() => open("rotate")}>
            {t("rotate")}
          </button>
          <button type="button" className="btn btn-outline-danger btn-sm" disabled={pending} aria-expanded={confirming === "delete"} onClick={() => open("delete")}>
            {t("delete")}
          </button>
        </div>
        {confirming ? (
          <div className="border rounded p-3 mt-3" role="group" aria-labelledby={`${id}-confirm-title`}>
            <h3 id={`${id}-confirm-title`} ref={titleRef} tabIndex={-1} className="h6">
              {t(confirming === "rotate" ? "rotateConfirmTitle" : "deleteConfirmTitle")}
            </h3>
            <p>{t(confirming === "rotate" ? "rotateConfirm" : "deleteConfirm")}</p>
            <div className="d-flex flex-wrap gap-2">
              <button type="button" className={`btn btn-sm ${confirming === "delete" ? "btn-danger" : "btn-primary"}`} disabled={pending} onClick={() => void onConfirm()}>
                {pending ? t("working") : t(confirming === "rotate" ? "rotateButton" : "deleteButton")}
              </button>
              <button type="button" className="btn btn-sm btn-outline-secondary" disabled={pending} onClick={() => setConfirming(null)}>
                {t("cancel")}
              </button>
            </div>
          </div>
        ) : null}
        <LiveNotice notice={notice} testId="webhook-actions-notice" />
      </div>
    </section>
  );
}
