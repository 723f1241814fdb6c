"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorData } from "@/components/conversation/error-data";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { ConfirmDialog } from "@/components/form-builder/confirm-dialog";
import { useTRPC } from "@/components/trpc/provider";

// "Revoca" on a key: asks once more in a modal dialog (it can't be undone), then revokes and
// reloads the list. It stays mounted when the key turns revoked, to announce that it was.
export function RevokeApiKeyButton({ tenantSlug, keyId, name, prefix, revoked }: { tenantSlug: string; keyId: string; name: string; prefix: string; revoked: boolean }) {
  const t = useTranslations("apiKeys.revoke");
  const tAll = useTranslations() as unknown as (key: string) => string;
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions());

  const onConfirm = async () => {
    try {
      await revoke.mutateAsync({ tenantSlug, keyId });
      setOpen(false);
      setNotice({ tone: "success", text: t("done", { name }) });
      router.refresh();
    } catch (e) {
      setOpen(false);
      setNotice({ tone: "danger", text: tAll(errorData(e).messageKey ?? "errors.generic") });
    }
  };

  return (
    <>
      {revoked ? null : (
        <button type="button" className="btn btn-outline-danger btn-sm" aria-label={t("buttonLabel", { name })} onClick={() => setOpen(true)} data-testid="revoke-api-key">
          {t("button")}
        </button>
      )}
      <ConfirmDialog
        open={open}
        title={t("title", { name })}
        confirmLabel={revoke.isPending ? t("working") : t("confirm")}
        cancelLabel={t("cancel")}
        danger
        busy={revoke.isPending}
        onConfirm={() => void onConfirm()}
        onCancel={() => setOpen(false)}
      >
        <p className="mb-0">{t("body", { prefix })}</p>
      </ConfirmDialog>
      <LiveNotice notice={notice} className={notice ? "mt-2 text-start" : ""} />
    </>
  );
}
