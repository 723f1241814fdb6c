"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { staffSignIn, type TStaffSignInState } from "@/server/auth/actions";

// The back-office sign-in form. Works without JavaScript (server action); with it, the error
// appears next to the form, is announced, and takes the focus so the person hears it at once.
export function StaffSignInForm({ tenantSlug, callbackUrl, initialError }: { tenantSlug: string; callbackUrl: string; initialError: string | null }) {
  const t = useTranslations();
  // Error keys come from the server action as strings; the catalogue holds every namespace.
  const translate = t as unknown as (key: string, values?: Record<string, number>) => string;
  const [state, formAction, pending] = useActionState<TStaffSignInState, FormData>(
    staffSignIn,
    initialError ? { error: initialError } : null,
  );
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state?.error) errorRef.current?.focus();
  }, [state]);

  const errorId = "staff-sign-in-error";
  const hasError = Boolean(state?.error);
  return (
    <form action={formAction} className="card card-bg shadow-sm rounded">
      <div className="card-body">
        <div aria-live="polite">
          {state?.error ? (
            <div ref={errorRef} id={errorId} tabIndex={-1} className="alert alert-danger mb-4" data-testid="staff-sign-in-error">
              <p className="fw-semibold mb-1">{t("auth.staff.errors.title")}</p>
              <p className="mb-0">{translate(state.error, state.values)}</p>
            </div>
          ) : null}
        </div>
        <input type="hidden" name="tenantSlug" value={tenantSlug} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className="form-group mt-3">
          <label htmlFor="staff-email" className="active">
            {t("auth.staff.email")}
          </label>
          <input
            id="staff-email"
            name="email"
            type="email"
            className="form-control"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            required
            defaultValue={state?.email ?? ""}
            key={`email-${state?.email ?? ""}`}
            aria-invalid={hasError || undefined}
            aria-describedby={hasError ? errorId : undefined}
          />
        </div>
        <div className="form-group">
          <label htmlFor="staff-password" className="active">
            {t("auth.staff.password")}
          </label>
          <input
            id="staff-password"
            name="password"
            type="password"
            className="form-control"
            autoComplete="current-password"
            required
            aria-invalid={hasError || undefined}
            aria-describedby={hasError ? errorId : undefined}
          />
        </div>
        <button type="submit" className="btn btn-primary w-100" disabled={pending}>
          {pending ? t("auth.staff.submitting") : t("auth.staff.submit")}
        </button>
      </div>
    </form>
  );
}
