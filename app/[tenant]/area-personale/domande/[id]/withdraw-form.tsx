"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { ReasonField } from "@/components/forms/reason-field";
import { withdrawApplicationAction, type TWithdrawState } from "./actions";

// "Ritira la domanda": a button that opens a confirmation step (what withdrawing means, an
// optional reason), then the server action. Stays mounted after the page re-renders, so the
// outcome (done, or the application changed meanwhile) is announced where the button was.
export function WithdrawForm({
  tenant,
  applicationId,
  version,
  canWithdraw,
}: {
  tenant: string;
  applicationId: string;
  /** Application.version as the page showed it. */
  version: number;
  /** The service allows it and the status permits it now. */
  canWithdraw: boolean;
}) {
  const t = useTranslations("work.withdraw");
  const tAll = useTranslations();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<TWithdrawState, FormData>(async (prev, formData) => {
    const next = await withdrawApplicationAction(prev, formData);
    if (next.status === "done" || (next.status === "error" && next.conflict)) setOpen(false);
    return next;
  }, { status: "idle" });
  const titleRef = useRef<HTMLHeadingElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  // Focus follows the step: the question when it opens, the field or the notice after an answer.
  useEffect(() => {
    if (state.status === "error" && state.reasonError) reasonRef.current?.focus();
    else if (state.status !== "idle") noticeRef.current?.focus();
  }, [state]);

  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => openerRef.current?.focus());
  };

  const notice =
    state.status === "done"
      ? { tone: "success", text: t("done") }
      : state.status === "error" && !state.reasonError
        ? { tone: "danger", text: state.conflict ? t("conflict") : tAll(state.messageKey) }
        : null;

  if (!canWithdraw && !notice) return null;
  return (
    <div className="mt-3" data-testid="withdraw">
      <div aria-live="polite">
        {notice ? (
          <div ref={noticeRef} tabIndex={-1} className={`alert alert-${notice.tone} mb-3`} role={notice.tone === "danger" ? "alert" : "status"}>
            {notice.text}
          </div>
        ) : null}
      </div>
      {canWithdraw && !open ? (
        <button
          ref={openerRef}
          type="button"
          className="btn btn-outline-danger"
          onClick={() => {
            setOpen(true);
            requestAnimationFrame(() => titleRef.current?.focus());
          }}
        >
          {t("open")}
        </button>
      ) : null}
      {canWithdraw && open ? (
        <form action={formAction} className="border border-danger rounded p-3" aria-labelledby={`${id}-title`} noValidate>
          <h3 ref={titleRef} id={`${id}-title`} className="h5" tabIndex={-1}>
            {t("title")}
          </h3>
          <p>{t("body")}</p>
          <input type="hidden" name="tenant" value={tenant} />
          <input type="hidden" name="applicationId" value={applicationId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <ReasonField
            ref={reasonRef}
            id={`${id}-reason`}
            name="reason"
            rows={3}
            maxLength={10_000}
            label={t("reason")}
            hint={t("reasonHint")}
            error={state.status === "error" && state.reasonError ? tAll(state.reasonError) : null}
          />
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-danger" disabled={pending}>
              {pending ? t("pending") : t("confirm")}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={close} disabled={pending}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
