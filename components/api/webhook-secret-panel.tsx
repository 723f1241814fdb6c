"use client";

import { useTranslations } from "next-intl";
import { OneTimeSecretPanel } from "./one-time-secret-panel";

/** An endpoint's signing secret, shown once (after creation or rotation). */
export function WebhookSecretPanel({ secret, rotated = false, onDismiss }: { secret: string; rotated?: boolean; onDismiss: () => void }) {
  const t = useTranslations("webhooks.secret");
  return (
    <OneTimeSecretPanel
      value={secret}
      onDismiss={onDismiss}
      testIds={{ panel: "webhook-secret-panel", value: "webhook-secret" }}
      texts={{
        title: t(rotated ? "rotatedTitle" : "createdTitle"),
        warning: t("warning"),
        label: t("label"),
        copy: t("copy"),
        copied: t("copied"),
        copyFailed: t("copyFailed"),
        dismiss: t("dismiss"),
      }}
    />
  );
}
