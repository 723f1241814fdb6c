"use client";

import { useTranslations } from "next-intl";
import { OneTimeSecretPanel } from "./one-time-secret-panel";

export type TNewKey = { name: string; key: string };

/** A new API key, shown once. */
export function OneTimeKeyPanel({ created, onDismiss }: { created: TNewKey; onDismiss: () => void }) {
  const t = useTranslations("apiKeys.created");
  return (
    <OneTimeSecretPanel
      value={created.key}
      onDismiss={onDismiss}
      testIds={{ panel: "new-api-key-panel", value: "new-api-key", copy: "copy-api-key" }}
      texts={{
        title: t("title", { name: created.name }),
        warning: t("warning"),
        label: t("label"),
        usage: t("usage"),
        copy: t("copy"),
        copied: t("copied"),
        copyFailed: t("copyFailed"),
        dismiss: t("dismiss"),
      }}
    />
  );
}
