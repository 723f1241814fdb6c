"use client";

import { useEffect, useId, useRef, useState } from "react";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { Icon } from "@/components/icon";

export type TOneTimeSecretTexts = {
  title: string;
  warning: string;
  label: string;
  usage?: string;
  copy: string;
  copied: string;
  copyFailed: string;
  dismiss: string;
};

// A secret shown once (an API key, a webhook's signing secret): only this component's state
// holds it (not the URL, not the page's data), so a reload or leaving the page forgets it.
// Focused when it appears so screen readers read the warning first; copy falls back to selecting
// the text where the clipboard is refused.
export function OneTimeSecretPanel({
  value,
  texts,
  onDismiss,
  testIds,
}: {
  value: string;
  texts: TOneTimeSecretTexts;
  onDismiss: () => void;
  testIds: { panel: string; value: string; copy?: string };
}) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setNotice({ tone: "success", text: texts.copied });
    } catch {
      inputRef.current?.select();
      setNotice({ tone: "warning", text: texts.copyFailed });
    }
  };

  return (
    <section className="alert alert-warning" aria-labelledby={`${id}-title`} data-testid={testIds.panel}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="h5 d-flex align-items-center gap-2">
        <Icon name="it-key" />
        {texts.title}
      </h3>
      <p className="fw-semibold">{texts.warning}</p>
      <div className="form-group mb-2">
        <label htmlFor={`${id}-value`} className="active">
          {texts.label}
        </label>
        <input
          ref={inputRef}
          id={`${id}-value`}
          type="text"
          readOnly
          className="form-control font-monospace bg-white px-2"
          value={value}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={texts.usage ? `${id}-usage` : undefined}
          onFocus={(e) => e.currentTarget.select()}
          data-testid={testIds.value}
        />
        {texts.usage ? (
          <small id={`${id}-usage`} className="form-text d-block">
            {texts.usage}
          </small>
        ) : null}
      </div>
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary" onClick={() => void copy()} data-testid={testIds.copy}>
          <Icon name="it-copy" size="sm" color="white" className="me-1" />
          {texts.copy}
        </button>
        <button type="button" className="btn btn-outline-primary bg-white" onClick={onDismiss}>
          {texts.dismiss}
        </button>
      </div>
      <LiveNotice notice={notice} className="mt-3" />
    </section>
  );
}
