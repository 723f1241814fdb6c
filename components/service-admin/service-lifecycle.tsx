"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { DESTRUCTIVE_STATUS_ACTIONS, type TServiceStatusAction } from "@/server/services/admin-values";
import { SectionNotice, useSaveFeedback, useServiceVersion } from "./editor-kit";

// The lifecycle actions the viewer may take now (the server page lists them), each with what
// citizens will see afterwards, or why it isn't possible yet (no published form, card incomplete,
// dates). Actions that stop applications or hide the service (suspend, close, cancel the
// schedule) ask for confirmation first.

export type TLifecycleAction = {
  action: TServiceStatusAction;
  /** What the catalogue will say after the action. */
  preview: string;
  /** Why it can't be taken now (translated), or null. */
  problem: string | null;
  /** The problem is the missing published form: link to the form builder. */
  needsForm: boolean;
};

const BUTTON_CLASS: Record<TServiceStatusAction, string> = {
  publish: "btn-primary",
  schedule: "btn-primary",
  resume: "btn-primary",
  reopen: "btn-primary",
  suspend: "btn-outline-danger",
  close: "btn-danger",
  unschedule: "btn-outline-danger",
};

export function ServiceLifecycle({ serviceId, actions, formBuilderHref }: { serviceId: string; actions: TLifecycleAction[]; formBuilderHref: string | null }) {
  const t = useTranslations("serviceAdmin.lifecycle");
  const tPage = useTranslations("serviceAdmin.page");
  const trpc = useTRPC();
  const { version, setVersion, refresh, refreshing } = useServiceVersion();
  const { notice, setNotice, fail } = useSaveFeedback();
  const [confirming, setConfirming] = useState<TServiceStatusAction | null>(null);
  const openers = useRef(new Map<TServiceStatusAction, HTMLButtonElement>());
  const titleRef = useRef<HTMLHeadingElement>(null);
  const change = useMutation(trpc.serviceAdmin.changeStatus.mutationOptions());
  const pending = change.isPending || refreshing;

  const run = async (action: TServiceStatusAction) => {
    setNotice(null);
    try {
      const r = await change.mutateAsync({ serviceId, expectedVersion: version, action });
      setVersion(r.version);
      setConfirming(null);
      setNotice({ tone: "success", text: t(`done.${action}`) });
      refresh();
    } catch (e) {
      setConfirming(null);
      fail(e);
    }
  };

  const open = (action: TServiceStatusAction) => {
    setNotice(null);
    setConfirming(action);
    requestAnimationFrame(() => titleRef.current?.focus());
  };

  const cancel = () => {
    const opener = confirming ? openers.current.get(confirming) : undefined;
    setConfirming(null);
    requestAnimationFrame(() => opener?.focus());
  };

  const confirmed = actions.find((a) => a.action === confirming);
  const confirmKey = confirmed?.action as "suspend" | "close" | "unschedule" | undefined;

  return (
    <div data-testid="service-lifecycle">
      <SectionNotice notice={notice} testId="service-lifecycle-notice" />
      <h3 className="h6">{t("actionsTitle")}</h3>
      {actions.length === 0 ? (
        <p className="small text-secondary mb-0">{t("noActions")}</p>
      ) : (
        <ul className="list-unstyled mb-0">
          {actions.map((a) => (
            <li key={a.action} className="d-flex flex-column flex-md-row align-items-md-center gap-2 mb-3">
              <button
                ref={(el) => {
                  if (el) openers.current.set(a.action, el);
                  else openers.current.delete(a.action);
                }}
                type="button"
                className={`btn btn-sm ${BUTTON_CLASS[a.action]} flex-shrink-0 align-self-start align-self-md-center`}
                disabled={pending || a.problem !== null}
                aria-describedby={`lifecycle-${a.action}-desc`}
                aria-expanded={DESTRUCTIVE_STATUS_ACTIONS.has(a.action) ? confirming === a.action : undefined}
                onClick={() => (DESTRUCTIVE_STATUS_ACTIONS.has(a.action) ? open(a.action) : void run(a.action))}
                data-action={a.action}
              >
                {t(`actions.${a.action}`)}
              </button>
              <span id={`lifecycle-${a.action}-desc`} className="small">
                {a.problem ? (
                  <>
                    {t("blocked", { reason: a.problem })}
                    {a.needsForm && formBuilderHref ? (
                      <>
                        {" "}
                        <Link href={formBuilderHref}>{tPage("editForm")}</Link>
                      </>
                    ) : null}
                  </>
                ) : (
                  t("willSee", { text: a.preview })
                )}
              </span>
            </li>
          ))}
        </ul>
      )}

      {confirmed ? (
        <div className="border rounded p-3 mt-2" role="group" aria-labelledby="lifecycle-confirm-title" data-testid="service-lifecycle-confirm">
          <h3 ref={titleRef} id="lifecycle-confirm-title" className="h6" tabIndex={-1}>
            {t(`confirm.${confirmKey!}.title`)}
          </h3>
          <p className="small mb-2">{t(`confirm.${confirmKey!}.body`)}</p>
          <p className="small fw-semibold">{t("willSee", { text: confirmed.preview })}</p>
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-sm btn-danger" disabled={pending} onClick={() => void run(confirmed.action)}>
              {pending ? t("pending") : t(`confirm.${confirmKey!}.submit`)}
            </button>
            <button type="button" className="btn btn-sm btn-outline-secondary" disabled={pending} onClick={cancel}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
