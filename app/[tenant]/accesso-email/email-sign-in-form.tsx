"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { requestEmailSignInAction, type TEmailSignInFormState } from "@/server/applicants/actions";
import { FieldError } from "@/components/forms/field-error";

type TServiceOption = { slug: string; name: string };

// The "send me the link" form. Works without JavaScript (server action); with it, errors show
// next to their field and in a summary that takes the focus, and "check your email" replaces
// the form and is announced.
export function EmailSignInForm({
  tenantSlug,
  services,
  selected,
  againHref,
}: {
  tenantSlug: string;
  /** One service: fixed. More: the applicant picks one. */
  services: TServiceOption[];
  selected: string | null;
  /** This page again, for "use another address". */
  againHref: string;
}) {
  const t = useTranslations("emailAccess");
  const tAll = useTranslations();
  // Error keys come from the server as full paths; the catalogue holds every namespace.
  const translate = tAll as unknown as (key: string, values?: Record<string, number>) => string;
  const [state, formAction, pending] = useActionState<TEmailSignInFormState, FormData>(requestEmailSignInAction, null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const sentRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state?.status === "error") summaryRef.current?.focus();
    if (state?.status === "sent") sentRef.current?.focus();
  }, [state]);

  if (state?.status === "sent") {
    return (
      <div className="card card-bg shadow-sm rounded" data-testid="email-sign-in-sent">
        <div className="card-body" aria-live="polite">
          <h2 ref={sentRef} tabIndex={-1} className="h4">
            {t("sent.title")}
          </h2>
          <p>{t("sent.body", { email: state.email })}</p>
          <p>{t("sent.spam")}</p>
          <a href={againHref}>{t("sent.again")}</a>
        </div>
      </div>
    );
  }

  const errors = state?.status === "error" ? state : null;
  const fieldError = (name: "email" | "service") => (errors?.fields[name] ? translate(errors.fields[name]) : null);
  const emailError = fieldError("email");
  const serviceError = fieldError("service");
  const formError = errors?.form ? translate(errors.form, errors.values) : null;
  const chosen = errors?.service || selected;
  const fixed = services.length === 1 ? services[0]! : null;

  return (
    <form action={formAction} noValidate className="card card-bg shadow-sm rounded">
      <div className="card-body">
        <h2 className="h4 mb-4">{t("formTitle")}</h2>
        <div aria-live="polite">
          {errors ? (
            <div ref={summaryRef} tabIndex={-1} className="alert alert-danger mb-4" data-testid="email-sign-in-errors">
              <p className="fw-semibold mb-1">{t("errorSummary")}</p>
              <ul className="list-unstyled mb-0">
                {formError ? <li>{formError}</li> : null}
                {serviceError ? (
                  <li>
                    <a href="#email-sign-in-service">{serviceError}</a>
                  </li>
                ) : null}
                {emailError ? (
                  <li>
                    <a href="#email-sign-in-email">{emailError}</a>
                  </li>
                ) : null}
              </ul>
            </div>
          ) : null}
        </div>
        <input type="hidden" name="tenantSlug" value={tenantSlug} />
        {fixed ? (
          <>
            <input type="hidden" name="servizio" value={fixed.slug} />
            <p className="mb-4">
              <span className="fw-semibold">{t("service")}:</span> {fixed.name}
            </p>
          </>
        ) : (
          <fieldset
            id="email-sign-in-service"
            className="mb-4"
            aria-describedby={serviceError ? "email-sign-in-service-error" : undefined}
            tabIndex={-1}
          >
            <legend className="h6 fw-semibold">{t("servicePick")}</legend>
            {serviceError ? (
              <p id="email-sign-in-service-error" className="text-danger small mb-2">
                {serviceError}
              </p>
            ) : null}
            {services.map((s) => (
              <div key={s.slug} className="form-check">
                <input
                  id={`service-${s.slug}`}
                  type="radio"
                  name="servizio"
                  value={s.slug}
                  defaultChecked={chosen === s.slug}
                  key={`${s.slug}-${chosen ?? ""}`}
                />
                <label htmlFor={`service-${s.slug}`}>{s.name}</label>
              </div>
            ))}
          </fieldset>
        )}
        <div className="form-group">
          <label htmlFor="email-sign-in-email" className="active">
            {t("email")}
          </label>
          <input
            id="email-sign-in-email"
            name="email"
            type="email"
            className={`form-control${emailError ? " is-invalid" : ""}`}
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            required
            defaultValue={errors?.email ?? ""}
            key={`email-${errors?.email ?? ""}`}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "email-sign-in-email-error email-sign-in-email-hint" : "email-sign-in-email-hint"}
          />
          <FieldError id="email-sign-in-email-error" message={emailError} />
          <small id="email-sign-in-email-hint" className="form-text">
            {t("emailHint")}
          </small>
        </div>
        <button type="submit" className="btn btn-primary w-100" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
