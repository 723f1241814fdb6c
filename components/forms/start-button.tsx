"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { TStartState } from "@/server/applications/actions";

/** The "start" button of a service's application page, with the refusal shown in place. */
export function StartApplicationButton({ action }: { action: (prev: TStartState, form: FormData) => Promise<TStartState> }) {
  const t = useTranslations("forms.start");
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction}>
      {state.error ? (
        <div className="alert alert-danger" role="alert">
          {state.error}
        </div>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={pending} data-testid="start-application">
        {t("start")}
      </button>
    </form>
  );
}
