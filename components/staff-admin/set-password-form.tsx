"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { FieldError } from "@/components/forms/field-error";
import { setStaffPasswordAction, type TSetPasswordState } from "@/server/staff/actions";
import { setPasswordSchema } from "@/server/staff/schemas";
import { staffSignInPath } from "@/server/staff/urls";

type TField = "password" | "confirm";

// "Nuova password" twice and "Imposta la password". Works without JavaScript (server action);
// with it, the rules are checked before sending (same schema as the server), errors appear next
// to the fields and the first wrong field takes the focus. A link that stopped working meanwhile
// is said plainly, with the way to the sign-in page.
export function SetPasswordForm({ tenantSlug, token, email }: { tenantSlug: string; token: string; email: string }) {
  const t = useTranslations("staffAdmin.invitation");
  const tAll = useTranslations() as unknown as (key: string) => string;
  const [state, formAction, pending] = useActionState<TSetPasswordState, FormData>(setStaffPasswordAction, null);
  const [local, setLocal] = useState<Partial<Record<TField, string>> | null>(null);
  const invalidRef = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const errors: Partial<Record<TField, string>> = local ?? (state?.status === "error" ? state.fields : {});

  useEffect(() => {
    if (state?.status === "invalid") invalidRef.current?.focus();
    if (state?.status === "error") (state.fields.password ? passwordRef : confirmRef).current?.focus();
  }, [state]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const data = new FormData(e.currentTarget);
    const parsed = setPasswordSchema(email).safeParse({ password: data.get("password"), confirm: data.get("confirm") });
    if (parsed.success) {
      setLocal(null);
      return;
    }
    e.preventDefault();
    const found: Partial<Record<TField, string>> = {};
    for (const issue of parsed.error.issues) found[issue.path[0] as TField] ??= issue.message;
    setLocal(found);
    (found.password ? passwordRef : confirmRef).current?.focus();
  };

  if (state?.status === "invalid") {
    return (
      <div ref={invalidRef} tabIndex={-1} className="alert alert-warning" role="alert" data-testid="invitation-invalid">
        <p className="fw-semibold mb-1">{t("invalidTitle")}</p>
        <p>{t("invalid")}</p>
        <Link href={staffSignInPath(tenantSlug)}>{t("signIn")}</Link>
      </div>
    );
  }

  const field = (name: TField, label: string, help?: string) => {
    const error = errors[name] ? tAll(errors[name]) : null;
    const id = `staff-${name}`;
    return (
      <div className="form-group">
        <label htmlFor={id} className="active">
          {label}
        </label>
        <input
          ref={name === "password" ? passwordRef : confirmRef}
          id={id}
          name={name}
          type="password"
          className={`form-control${error ? " is-invalid" : ""}`}
          autoComplete="new-password"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={[help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
        />
        {help ? (
          <small id={`${id}-help`} className="form-text">
            {help}
          </small>
        ) : null}
        <FieldError id={`${id}-error`} message={error} testId={`${id}-error`} />
      </div>
    );
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card card-bg shadow-sm rounded" data-testid="set-password-form">
      <div className="card-body">
        <input type="hidden" name="tenantSlug" value={tenantSlug} />
        <input type="hidden" name="token" value={token} />
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        {field("password", t("newPassword"), t("rules"))}
        {field("confirm", t("repeat"))}
        <button type="submit" className="btn btn-primary w-100" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
