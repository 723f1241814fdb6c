"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { Icon } from "@/components/icon";

// An endpoint's signing secret, shown once (after creation or rotation): only this component's
// state holds it, so a reload forgets it. Focused when it appears, warning first.
export function WebhookSecretPanel({ secret, rotated = false, onDismiss }: { secret: string; rotated?: boolean; onDismiss: () => void }) {
  const t = useTranslations("webhooks.secret");
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setNotice({ tone: "success", text: t("copied") });
    } catch {
      inputRef.current?.select();
      setNotice({ tone: "warning", text: t("copyFailed") });
    }
  };

  return (
    <section className="alert alert-warning" aria-labelledby={`${id}-title`} data-testid="webhook-secret-panel">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="h5 d-flex align-items-center gap-2">
        <Icon name="it-key" />
        {t(rotated ? "rotatedTitle" : "createdTitle")}
      </h3>
      <p className="fw-semibold">{t("warning")}</p>
      <div className="form-group mb-2">
        <label htmlFor={`${id}-secret`} className="active">
          {t("label")}
        </label>
        <input
          ref={inputRef}
          id={`${id}-secret`}
          type="text"
          readOnly
          className="form-control font-monospace bg-white px-2"
          value={secret}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.currentTarget.select()}
          data-testid="webhook-secret"
        />
      </div>
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary" onClick={() => void copy()}>
          <Icon name="it-copy" size="sm" color="white" className="me-1" />
          {t("copy")}
        </button>
        <button type="button" className="btn btn-outline-primary bg-white" onClick={onDismiss}>
          {t("dismiss")}
        </button>
      </div>
      <LiveNotice notice={notice} className="mt-3" />
    </section>
  );
}
