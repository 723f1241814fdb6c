"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";

type TTRPCErrorLike = { data?: { messageKey?: string; code?: string } | null; message?: string };

/** One key per application and browser tab session: every retry sends the same one. */
function submissionKeyFor(applicationId: string): string {
  const name = `sportello:submission-key:${applicationId}`;
  let key = window.sessionStorage.getItem(name);
  if (!key) {
    key = crypto.randomUUID();
    window.sessionStorage.setItem(name, key);
  }
  return key;
}

// "Invia la domanda": a double tap or a retry after a lost connection sends the same submission
// key, so the server creates one submission whatever happens.
export function SubmitApplication({ tenantSlug, applicationId, blocked }: { tenantSlug: string; applicationId: string; blocked: boolean }) {
  const t = useTranslations("forms.summary");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<{ message: string; retry: boolean } | null>(null);
  const submit = useMutation(trpc.application.submit.mutationOptions());

  const onSubmit = async () => {
    setError(null);
    try {
      await submit.mutateAsync({ id: applicationId, submissionKey: submissionKeyFor(applicationId) });
      router.push(`/${tenantSlug}/domande/${applicationId}/inviata`);
    } catch (e) {
      const err = e as TTRPCErrorLike;
      // No answer from the server (connection lost): the same key can be sent again safely.
      if (!err.data) setError({ message: t("connectionLost"), retry: true });
      else if (err.data.code === "BAD_REQUEST") {
        setError({ message: tAll(err.data.messageKey ?? "errors.badRequest"), retry: false });
        router.refresh();
      } else setError({ message: tAll(err.data.messageKey ?? "errors.generic"), retry: false });
    }
  };

  return (
    <div className="border-top pt-4">
      {error ? (
        <div className="alert alert-danger" role="alert" data-testid="submit-error">
          {error.message}
        </div>
      ) : null}
      {blocked ? <p className="text-secondary">{t("blocked")}</p> : <p>{t("confirmText")}</p>}
      <button type="button" className="btn btn-primary" onClick={() => void onSubmit()} disabled={blocked || submit.isPending} data-testid="submit-application">
        {submit.isPending ? t("sending") : error?.retry ? t("retry") : t("submit")}
      </button>
    </div>
  );
}
