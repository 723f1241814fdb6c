"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState, type ComponentProps, type FormEvent, type Ref } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { CODE_TTL_MINUTES } from "@/server/area/contact-values";
import { isLocale } from "@/server/i18n/config";
import { FieldError } from "@/components/forms/field-error";

type TChannel = "EMAIL" | "PHONE";
type TPending = { value: string; expiresAt: Date };
type TErrorLike = { data?: { messageKey?: string; fields?: Record<string, string>; retryAfterSeconds?: number } | null };

type TStep = { kind: "view" } | { kind: "enterValue" } | { kind: "enterCode"; pending: TPending };

// One contact detail of the profile (email or phone): shown with whether it is confirmed; to
// change it the citizen types the new value, gets a 6-digit code there, and types the code back.
// Nothing changes until the code is right.
export function ContactEditor({
  channel,
  current,
  verified,
  initialPending,
}: {
  channel: TChannel;
  current: string | null;
  verified: boolean;
  /** A code already sent and still valid (the citizen came back to the page). */
  initialPending: TPending | null;
}) {
  const t = useTranslations("personalArea.profile");
  const tAll = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [step, setStep] = useState<TStep>(initialPending ? { kind: "enterCode", pending: initialPending } : { kind: "view" });
  const [value, setValue] = useState("");
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "danger" | "info"; text: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const start = useMutation(trpc.area.startContactVerification.mutationOptions());
  const confirm = useMutation(trpc.area.confirmContactVerification.mutationOptions());
  const busy = start.isPending || confirm.isPending;
  const label = channel === "EMAIL" ? t("email") : t("phone");

  const explain = (e: unknown, field: "value" | "code") => {
    const data = (e as TErrorLike).data;
    const key = data?.fields?.[field] ?? data?.messageKey ?? "errors.generic";
    const text = data?.retryAfterSeconds ? `${tAll(key)} ${t("retryAfter", { seconds: data.retryAfterSeconds })}` : tAll(key);
    if (data?.fields?.[field]) setFieldError(text);
    else setNotice({ tone: "danger", text });
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  const sendCode = async (to: string) => {
    setFieldError(null);
    setNotice(null);
    try {
      const pending = await start.mutateAsync({ channel, value: to, locale: isLocale(locale) ? locale : undefined });
      setCode("");
      setStep({ kind: "enterCode", pending });
      setNotice({ tone: "info", text: t(channel === "EMAIL" ? "codeSentEmail" : "codeSentPhone", { value: pending.value, minutes: CODE_TTL_MINUTES }) });
      requestAnimationFrame(() => inputRef.current?.focus());
    } catch (e) {
      explain(e, step.kind === "enterCode" ? "code" : "value");
    }
  };

  const onSubmitValue = (e: FormEvent) => {
    e.preventDefault();
    void sendCode(value);
  };

  const onSubmitCode = async (e: FormEvent) => {
    e.preventDefault();
    setFieldError(null);
    setNotice(null);
    try {
      const result = await confirm.mutateAsync({ channel, code });
      setStep({ kind: "view" });
      setNotice({ tone: "success", text: t(channel === "EMAIL" ? "verifiedEmail" : "verifiedPhone", { value: result.value }) });
      router.refresh();
    } catch (err) {
      explain(err, "code");
    }
  };

  const cancel = () => {
    setStep({ kind: "view" });
    setFieldError(null);
    setNotice(null);
  };

  return (
    <div className="contact-editor" data-testid={`contact-${channel.toLowerCase()}`}>
      <div className="d-flex flex-wrap align-items-center gap-2">
        <span className="fw-semibold text-break">{current ?? t("notSet")}</span>
        {current ? (
          <span className={`badge ${verified ? "bg-success" : "bg-warning text-dark"}`}>{verified ? t("verified") : t("notVerified")}</span>
        ) : null}
        {step.kind === "view" ? (
          <button
            type="button"
            className="btn btn-link btn-sm p-0 ms-auto"
            onClick={() => {
              setValue("");
              setNotice(null);
              setStep({ kind: "enterValue" });
              requestAnimationFrame(() => inputRef.current?.focus());
            }}
          >
            {current ? t("change", { what: label.toLowerCase() }) : t("add", { what: label.toLowerCase() })}
          </button>
        ) : null}
      </div>

      <div aria-live="polite" role="status">
        {notice ? <div className={`alert alert-${notice.tone} mt-3 mb-0`}>{notice.text}</div> : null}
      </div>

      {step.kind === "enterValue" ? (
        <form className="mt-3" onSubmit={onSubmitValue} noValidate>
          <Field
            ref={inputRef}
            label={channel === "EMAIL" ? t("newEmail") : t("newPhone")}
            hint={channel === "EMAIL" ? t("newEmailHint") : t("newPhoneHint")}
            error={fieldError}
            type={channel === "EMAIL" ? "email" : "tel"}
            autoComplete={channel === "EMAIL" ? "email" : "tel"}
            inputMode={channel === "EMAIL" ? "email" : "tel"}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
              {start.isPending ? t("sending") : t("sendCode")}
            </button>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={cancel}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : null}

      {step.kind === "enterCode" ? (
        <form className="mt-3" onSubmit={(e) => void onSubmitCode(e)} noValidate>
          <Field
            ref={inputRef}
            label={t("code", { value: step.pending.value })}
            hint={t("codeHint")}
            error={fieldError}
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
          />
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
              {confirm.isPending ? t("confirming") : t("confirm")}
            </button>
            <button type="button" className="btn btn-outline-primary btn-sm" disabled={busy} onClick={() => void sendCode(step.pending.value)}>
              {t("resend")}
            </button>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={cancel}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and, after a failed attempt, its error (announced with it). */
function Field({
  label,
  hint,
  error,
  ref,
  ...input
}: { label: string; hint: string; error: string | null; ref: Ref<HTMLInputElement> } & Omit<ComponentProps<"input">, "id" | "className" | "ref">) {
  const id = useId();
  return (
    <div className="form-group mb-3">
      <label htmlFor={`${id}-input`} className="active">
        {label}
      </label>
      <input
        {...input}
        ref={ref}
        id={`${id}-input`}
        className={`form-control${error ? " is-invalid" : ""}`}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
      />
      <small id={`${id}-hint`} className="form-text">
        {hint}
      </small>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
