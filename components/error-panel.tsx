"use client";

import { useTranslations } from "next-intl";

// The body of the error pages: what happened in plain words, "Riprova" and a way home.
export function ErrorPanel({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  const t = useTranslations("shell.error");
  return (
    <div className="container py-5">
      <h1 className="mb-3">{t("title")}</h1>
      <p className="lead">{t("body")}</p>
      {digest ? <p className="text-secondary small">{t("reference", { digest })}</p> : null}
      <div className="d-flex flex-wrap gap-2 mt-4">
        <button type="button" className="btn btn-primary" onClick={onRetry}>
          {t("retry")}
        </button>
        {/* A full page load on purpose: the error may have left client state broken. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a className="btn btn-outline-primary" href="/">
          {t("home")}
        </a>
      </div>
    </div>
  );
}
