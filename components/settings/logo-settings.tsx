"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { errorData } from "@/components/conversation/error-data";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { FieldError } from "@/components/forms/field-error";
import { Icon } from "@/components/icon";
import { useTRPC } from "@/components/trpc/provider";
import { LOGO_ACCEPT } from "@/server/settings/settings-values";
import { describedBy, HydratedFields } from "./settings-field";

// "Logo": the current logo as the header shows it (on the municipality's colour), a file to
// upload in its place ("Carica logo", POST /api/{tenant}/backoffice/logo: the server judges the
// file by its content and size) and "Rimuovi logo" (back to the default emblem).
export function LogoSettings({ tenantSlug, tenantName, logoUrl }: { tenantSlug: string; tenantName: string; logoUrl: string | null }) {
  const t = useTranslations("tenantSettings");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [uploading, setUploading] = useState(false);
  const remove = useMutation(trpc.tenantSettings.removeLogo.mutationOptions());
  const id = "settings-logo";

  const fail = (message: string) => {
    setError(message);
    inputRef.current?.focus();
  };

  const onUpload = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const file = inputRef.current?.files?.[0];
    if (!file) return fail(t("logo.chooseFirst"));
    setUploading(true);
    try {
      const body = new FormData();
      body.append("file", file);
      const res = await fetch(`/api/${encodeURIComponent(tenantSlug)}/backoffice/logo`, { method: "POST", body });
      if (!res.ok) {
        const data = (await res.json().catch(() => null)) as { message?: string } | null;
        return fail(data?.message ?? tAll("errors.generic"));
      }
      if (inputRef.current) inputRef.current.value = "";
      setNotice({ tone: "success", text: t("logo.uploaded") });
      router.refresh();
    } catch {
      fail(tAll("errors.generic"));
    } finally {
      setUploading(false);
    }
  };

  const onRemove = async () => {
    setError(null);
    setNotice(null);
    try {
      await remove.mutateAsync({ tenantSlug });
      setNotice({ tone: "success", text: t("logo.removed") });
      router.refresh();
    } catch (err) {
      setNotice({ tone: "danger", text: tAll(errorData(err).messageKey ?? "errors.generic") });
    }
  };

  return (
    <div data-testid="logo-settings">
      <div className="d-flex flex-wrap align-items-center gap-3 mb-3">
        <div className="tenant-hero logo-preview rounded px-3 py-2 d-flex align-items-center gap-2">
          {logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={logoUrl} alt={tenantName} className="logo-preview-image" />
          ) : (
            <Icon name="it-pa" size="lg" className="icon-white" />
          )}
          <span className="fw-semibold">{tenantName}</span>
        </div>
        <p className="mb-0 small">{logoUrl ? t("logo.current") : t("logo.none")}</p>
      </div>

      <form className="sp-form" onSubmit={(e) => void onUpload(e)} noValidate>
        <HydratedFields>
          <div className="form-group mb-3">
            <label htmlFor={id} className="active">
              {t("fields.logo")}
            </label>
            <small id={`${id}-help`} className="form-text d-block mb-1">
              {t("logo.help")}
            </small>
            <input
              ref={inputRef}
              id={id}
              name="file"
              type="file"
              accept={LOGO_ACCEPT}
              className={`form-control${error ? " is-invalid" : ""}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id, true, error)}
              onChange={() => setError(null)}
            />
            <FieldError id={`${id}-error`} message={error} testId="logo-error" />
          </div>
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary" disabled={uploading}>
              {uploading ? t("logo.uploading") : t("logo.upload")}
            </button>
            {logoUrl ? (
              <button type="button" className="btn btn-outline-danger" disabled={remove.isPending} onClick={() => void onRemove()}>
                {remove.isPending ? t("logo.removing") : t("logo.remove")}
              </button>
            ) : null}
          </div>
        </HydratedFields>
      </form>
      <LiveNotice notice={notice} testId="logo-notice" />
    </div>
  );
}
