"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { errorData, fieldErrorKey } from "@/components/conversation/error-data";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { FieldError } from "@/components/forms/field-error";
import { Icon } from "@/components/icon";
import { useTRPC } from "@/components/trpc/provider";
import { describedBy, HydratedFields } from "./settings-field";

// "Chiave API App IO": write-only. The page never has the key: it shows whether one is set and
// since when; a new one replaces it; "Rimuovi chiave" asks once more before forgetting it.
export function AppIoKeySettings({ tenantSlug, configured, changedAt }: { tenantSlug: string; configured: boolean; changedAt: Date | null }) {
  const t = useTranslations("tenantSettings");
  const tAll = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [confirming, setConfirming] = useState(false);
  const save = useMutation(trpc.tenantSettings.setAppIoKey.mutationOptions());
  const remove = useMutation(trpc.tenantSettings.removeAppIoKey.mutationOptions());
  const id = "settings-appIoApiKey";

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      await save.mutateAsync({ tenantSlug, apiKey });
      setApiKey("");
      setNotice({ tone: "success", text: t("appIo.saved") });
      router.refresh();
    } catch (err) {
      const data = errorData(err);
      setError(tAll(fieldErrorKey(data, "apiKey") ?? data.messageKey ?? "errors.generic"));
      inputRef.current?.focus();
    }
  };

  const onRemove = async () => {
    setNotice(null);
    try {
      await remove.mutateAsync({ tenantSlug });
      setConfirming(false);
      setNotice({ tone: "success", text: t("appIo.removed") });
      router.refresh();
    } catch (err) {
      setNotice({ tone: "danger", text: tAll(errorData(err).messageKey ?? "errors.generic") });
    }
  };

  return (
    <div data-testid="app-io-settings">
      <p className="d-flex align-items-start gap-2" data-testid="app-io-status">
        <Icon name={configured ? "it-check-circle" : "it-minus-circle"} className={`flex-shrink-0 ${configured ? "icon-success" : "icon-secondary"}`} />
        <span>
          {configured
            ? changedAt
              ? t("appIo.configuredAt", { date: format.dateTime(changedAt, { dateStyle: "long", timeStyle: "short" }) })
              : t("appIo.configured")
            : t("appIo.notConfigured")}
        </span>
      </p>
      <form className="sp-form" onSubmit={(e) => void onSave(e)} noValidate>
        <HydratedFields>
          <div className="form-group mb-3">
            <label htmlFor={id} className="active">
              {t("fields.appIoApiKey")}
            </label>
            <small id={`${id}-help`} className="form-text d-block mb-1">
              {t("appIo.help")}
            </small>
            <input
              ref={inputRef}
              id={id}
              type="password"
              className={`form-control identifier${error ? " is-invalid" : ""}`}
              autoComplete="off"
              spellCheck={false}
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id, true, error)}
            />
            <FieldError id={`${id}-error`} message={error} />
          </div>
          <div className="d-flex flex-wrap gap-2 align-items-center">
            <button type="submit" className="btn btn-primary" disabled={save.isPending}>
              {save.isPending ? t("appIo.saving") : configured ? t("appIo.replace") : t("appIo.set")}
            </button>
            {configured && !confirming ? (
              <button type="button" className="btn btn-outline-danger" onClick={() => setConfirming(true)}>
                {t("appIo.remove")}
              </button>
            ) : null}
          </div>
        </HydratedFields>
      </form>
      {configured && confirming ? (
        <div className="alert alert-warning mt-3" role="alert">
          <p className="mb-2">{t("appIo.confirmRemove")}</p>
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-danger btn-sm" disabled={remove.isPending} onClick={() => void onRemove()} autoFocus>
              {t("appIo.remove")}
            </button>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setConfirming(false)}>
              {t("appIo.cancel")}
            </button>
          </div>
        </div>
      ) : null}
      <LiveNotice notice={notice} testId="app-io-notice" />
    </div>
  );
}
