"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { FieldError } from "@/components/forms/field-error";
import { ReasonField } from "@/components/forms/reason-field";
import { useTRPC } from "@/components/trpc/provider";
import { DECISION_REASON, WORK_REASON_MAX_LENGTH, type TDecision, type TWorkAction } from "@/server/backoffice/work-values";

type TErrorLike = { data?: { code?: string; messageKey?: string; fields?: Record<string, string> } | null };
type TStep = "reassign" | "release" | TDecision;
type TNotice = { tone: "success" | "danger" | "warning"; text: string };

const BUTTON_CLASS: Record<TWorkAction, string> = {
  takeInCharge: "btn-primary",
  accept: "btn-success",
  reject: "btn-danger",
  reassign: "btn-outline-primary",
  release: "btn-outline-secondary",
  reopen: "btn-outline-primary",
  annul: "btn-outline-danger",
};

const isDecision = (step: TStep): step is TDecision => step !== "reassign" && step !== "release";

// The operator's work actions on one application: only those allowed now (the server page
// computes them with availableWorkActions), each but "take in charge" behind a confirmation
// step. After an action the page is refreshed from the server; a conflict (someone else acted
// first) is said plainly and the page shows the current state.
export function WorkActions({
  applicationId,
  version,
  actions,
  assignee,
  viewerId,
}: {
  applicationId: string;
  /** Application.version as the page showed it. */
  version: number;
  actions: TWorkAction[];
  assignee: { id: string; name: string } | null;
  viewerId: string;
}) {
  const t = useTranslations("work");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [step, setStep] = useState<TStep | null>(null);
  const [reason, setReason] = useState("");
  const [toStaffId, setToStaffId] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const openers = useRef(new Map<TWorkAction, HTMLButtonElement>());
  const titleRef = useRef<HTMLHeadingElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement & HTMLSelectElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const takeInCharge = useMutation(trpc.work.takeInCharge.mutationOptions());
  const reassign = useMutation(trpc.work.reassign.mutationOptions());
  const release = useMutation(trpc.work.release.mutationOptions());
  const decide = useMutation(trpc.work.decide.mutationOptions());
  // Until the refreshed page arrives, the buttons belong to the old state: keep them disabled.
  const [refreshing, startRefresh] = useTransition();
  const pending = takeInCharge.isPending || reassign.isPending || release.isPending || decide.isPending || refreshing;
  const refresh = () => startRefresh(() => router.refresh());
  const assignees = useQuery({ ...trpc.work.assignees.queryOptions(), enabled: step === "reassign" });
  const candidates = (assignees.data ?? []).filter((s) => s.id !== assignee?.id);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const open = (next: TStep) => {
    setStep(next);
    setReason("");
    setToStaffId("");
    setFieldError(null);
    setNotice(null);
    requestAnimationFrame(() => titleRef.current?.focus());
  };

  const close = () => {
    const opener = step ? openers.current.get(step) : undefined;
    setStep(null);
    setFieldError(null);
    requestAnimationFrame(() => opener?.focus());
  };

  const succeed = (text: string) => {
    setStep(null);
    setNotice({ tone: "success", text });
    refresh();
  };

  const fail = (e: unknown, field: "reason" | "toStaffId" | null) => {
    const data = (e as TErrorLike).data;
    if (data?.code === "CONFLICT") {
      // Someone else acted first: say so, and show the application as it is now.
      const text =
        data.messageKey === "work.errors.alreadyTaken"
          ? `${t("errors.alreadyTaken", { assignee: data.fields?.assignee ?? "" })} ${t("panel.refreshed")}`
          : t("panel.conflict");
      setStep(null);
      setNotice({ tone: "warning", text });
      refresh();
      return;
    }
    const fieldKey = field ? data?.fields?.[field] : undefined;
    if (fieldKey) {
      setFieldError(tAll(fieldKey));
      requestAnimationFrame(() => fieldRef.current?.focus());
      return;
    }
    setNotice({ tone: "danger", text: tAll(data?.messageKey ?? "errors.generic") });
  };

  const onTakeInCharge = async () => {
    setNotice(null);
    try {
      await takeInCharge.mutateAsync({ applicationId, expectedVersion: version });
      succeed(t("done.takeInCharge"));
    } catch (e) {
      fail(e, null);
    }
  };

  const onConfirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!step) return;
    setFieldError(null);
    try {
      if (step === "reassign") {
        if (!toStaffId) {
          setFieldError(t("errors.assigneeRequired"));
          fieldRef.current?.focus();
          return;
        }
        await reassign.mutateAsync({ applicationId, expectedVersion: version, toStaffId });
        succeed(t("done.reassign", { name: candidates.find((s) => s.id === toStaffId)?.name ?? "" }));
      } else if (step === "release") {
        await release.mutateAsync({ applicationId, expectedVersion: version });
        succeed(t("done.release"));
      } else {
        if (DECISION_REASON[step] === "required" && !reason.trim()) {
          setFieldError(tAll("applications.errors.reasonRequired"));
          fieldRef.current?.focus();
          return;
        }
        await decide.mutateAsync({ applicationId, expectedVersion: version, action: step, reason: reason.trim() || undefined });
        succeed(t(`done.${step}`));
      }
    } catch (e) {
      fail(e, step === "reassign" ? "toStaffId" : isDecision(step) ? "reason" : null);
    }
  };

  const holder = assignee ? (assignee.id === viewerId ? t("panel.heldByYou") : t("panel.heldBy", { name: assignee.name })) : t("panel.heldByNobody");
  const errorId = `${id}-error`;

  return (
    <section aria-labelledby={`${id}-title`} className="card shadow-sm rounded border mb-4" data-testid="work-actions">
      <div className="card-body">
        <h2 id={`${id}-title`} className="h5">
          {t("panel.title")}
        </h2>
        <p className="mb-3">{holder}</p>

        <div aria-live="polite">
          {notice ? (
            <div ref={noticeRef} tabIndex={-1} className={`alert alert-${notice.tone}`} role={notice.tone === "success" ? "status" : "alert"} data-testid="work-notice">
              {notice.text}
            </div>
          ) : null}
        </div>

        {actions.length === 0 ? (
          <p className="small text-secondary mb-0">
            {t("panel.noActions")}
            {assignee && assignee.id !== viewerId ? ` ${t("panel.heldByOtherHint")}` : null}
          </p>
        ) : (
          <div className="d-flex flex-wrap gap-2">
            {actions.map((action) => (
              <button
                key={action}
                ref={(el) => {
                  if (el) openers.current.set(action, el);
                  else openers.current.delete(action);
                }}
                type="button"
                className={`btn btn-sm ${BUTTON_CLASS[action]}`}
                disabled={pending}
                aria-expanded={action === "takeInCharge" ? undefined : step === action}
                onClick={() => (action === "takeInCharge" ? void onTakeInCharge() : open(action))}
                data-action={action}
              >
                {action === "takeInCharge" && takeInCharge.isPending ? t("panel.pending") : t(`actions.${action}`)}
              </button>
            ))}
          </div>
        )}

        {step ? (
          <form className="border rounded p-3 mt-3" aria-labelledby={`${id}-step`} onSubmit={(e) => void onConfirm(e)} noValidate data-testid="work-confirm">
            <h3 ref={titleRef} id={`${id}-step`} className="h6" tabIndex={-1}>
              {t(`confirm.${step}.title`)}
            </h3>
            <p className="small">{t(`confirm.${step}.body`)}</p>

            {step === "reassign" ? (
              <div className="select-wrapper mt-3 mb-3">
                <label htmlFor={`${id}-field`}>{t("confirm.assignee")}</label>
                <select
                  ref={fieldRef}
                  id={`${id}-field`}
                  value={toStaffId}
                  onChange={(e) => setToStaffId(e.target.value)}
                  className={fieldError ? "is-invalid" : undefined}
                  aria-invalid={fieldError ? true : undefined}
                  aria-describedby={fieldError ? errorId : undefined}
                  disabled={assignees.isPending}
                  required
                >
                  <option value="">{assignees.isPending ? t("confirm.loadingAssignees") : t("confirm.chooseAssignee")}</option>
                  {candidates.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.id === viewerId ? tAll("backoffice.inbox.you", { name: s.name }) : s.name}
                    </option>
                  ))}
                </select>
                {assignees.isSuccess && candidates.length === 0 ? <p className="small text-secondary mt-1 mb-0">{t("confirm.noAssignees")}</p> : null}
                <FieldError id={errorId} message={fieldError} />
              </div>
            ) : null}

            {isDecision(step) ? (
              <ReasonField
                ref={fieldRef}
                id={`${id}-field`}
                rows={4}
                maxLength={WORK_REASON_MAX_LENGTH}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required={DECISION_REASON[step] === "required"}
                label={DECISION_REASON[step] === "required" ? t("confirm.reasonRequired") : t("confirm.reasonOptional")}
                hint={t("confirm.reasonHint")}
                error={fieldError}
              />
            ) : null}

            <div className="d-flex flex-wrap gap-2">
              <button type="submit" className={`btn btn-sm ${step === "reject" || step === "annul" ? "btn-danger" : "btn-primary"}`} disabled={pending}>
                {pending ? t("panel.pending") : t(`confirm.${step}.submit`)}
              </button>
              <button type="button" className="btn btn-sm btn-outline-secondary" onClick={close} disabled={pending}>
                {t("panel.cancel")}
              </button>
            </div>
          </form>
        ) : null}
      </div>
    </section>
  );
}
