"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { confirmEmailSignInAction, type TConfirmEmailSignInState } from "@/server/applicants/actions";

// The button that uses the one-time link up (a POST: mail scanners that open the link don't).
// If the link stopped working since the page was opened, the reason is shown and announced.
export function ConfirmEmailSignInForm({ tenantSlug, token, newLinkHref }: { tenantSlug: string; token: string; newLinkHref: string }) {
  const t = useTranslations("emailAccess.confirm");
  const tAll = useTranslations();
  const translate = tAll as unknown as (key: string) => string;
  const [state, formAction, pending] = useActionState<TConfirmEmailSignInState, FormData>(confirmEmailSignInAction, null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state?.error) errorRef.current?.focus();
  }, [state]);

  return (
    <>
      <div aria-live="polite">
        {state?.error ? (
          <div ref={errorRef} tabIndex={-1} className="alert alert-danger mb-4" data-testid="email-confirm-error">
            <p className="fw-semibold mb-1">{t("errorTitle")}</p>
            <p>{translate(state.error)}</p>
            <a href={newLinkHref}>{t("newLink")}</a>
          </div>
        ) : null}
      </div>
      {state?.error ? null : (
        <form action={formAction}>
          <input type="hidden" name="tenantSlug" value={tenantSlug} />
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="btn btn-primary btn-lg w-100" disabled={pending}>
            {pending ? t("confirming") : t("button")}
          </button>
        </form>
      )}
    </>
  );
}
