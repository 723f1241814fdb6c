"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { sendTestEmailAction, type TTestEmailState } from "./actions";

export function TestEmailForm({ tenant }: { tenant: string }) {
  const t = useTranslations("backoffice.settings");
  const [state, action, pending] = useActionState<TTestEmailState, FormData>(sendTestEmailAction, { status: "idle" });
  return (
    <form action={action}>
      <input type="hidden" name="tenant" value={tenant} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t("testEmail.sending") : t("testEmail.send")}
      </button>
      <div aria-live="polite" className="mt-3">
        {state.status === "queued" ? (
          <div className="alert alert-success" role="status">
            {t("testEmail.queued", { to: state.to ?? "" })}
          </div>
        ) : null}
      </div>
    </form>
  );
}
