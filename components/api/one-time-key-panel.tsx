"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { Icon } from "@/components/icon";

export type TNewKey = { name: string; key: string };

// The new key, shown once: only this component's state holds it (not the URL, not the page's
// data), so a reload or leaving the page forgets it. Focused when it appears so screen readers
// read the warning first.
export function OneTimeKeyPanel({ created, onDismiss }: { created: TNewKey; onDismiss: () => void }) {
  const t = useTranslations("apiKeys.created");
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setNotice({ tone: "success", text: t("copied") });
    } catch {
      inputRef.current?.select();
      setNotice({ tone: "warning", text: t("copyFailed") });
    }
  };

  return (
    <section className="alert alert-warning" aria-labelledby={`${id}-title`} data-testid="new-api-key-panel">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="h5 d-flex align-items-center gap-2">
        <Icon name="it-key" />
        {t("title", { name: created.name })}
      </h3>
      <p className="fw-semibold">{t("warning")}</p>
      <div className="form-group mb-2">
        <label htmlFor={`${id}-key`} className="active">
          {t("label")}
        </label>
        <input
          ref={inputRef}
          id={`${id}-key`}
          type="text"
          readOnly
          className="form-control font-monospace bg-white px-2"
          value={created.key}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-usage`}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="new-api-key"
        />
        <small id={`${id}-usage`} className="form-text d-block">
          {t("usage")}
        </small>
      </div>
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary" onClick={() => void copy()} data-testid="copy-api-key">
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
