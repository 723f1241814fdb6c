"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useController, type Control } from "react-hook-form";
import { FieldError } from "@/components/forms/field-error";
import { Icon } from "@/components/icon";
import { BRAND_SWATCHES, brandVariables, contrastWithWhite, MIN_BRAND_CONTRAST, normalizeHex } from "@/components/theme/brand-colors";
import type { TPrimaryLevel } from "@/components/theme/primary-rewrite";
import type { TTenantSettingsForm, TTenantSettingsValues } from "@/server/settings/settings-values";
import { describedBy } from "./settings-field";

// "Colore principale": a hex code (the accessible way in), Bootstrap Italia's swatches and the
// browser's colour picker. While choosing, the contrast with white is computed and said in words,
// and a preview shows the header, buttons and a link in that colour: the preview is a
// .tenant-scope of its own whose variables are set from script (CSSOM, which the
// Content-Security-Policy allows, unlike style attributes), so Bootstrap Italia's rules colour it
// exactly as they will colour the pages.

/** A colour's contrast with white, as the messages show it ("4,49": rounded down, never up to the limit). */
export function useContrastValues(color: string | null | undefined) {
  const format = useFormatter();
  const ratio = contrastWithWhite(color ?? "");
  return {
    ratio,
    values: { ratio: ratio ? format.number(Math.floor(ratio * 100) / 100, { maximumFractionDigits: 2 }) : "", min: format.number(MIN_BRAND_CONTRAST) },
  };
}

const setBackground = (hex: string) => (el: HTMLElement | null) => {
  el?.style.setProperty("background-color", hex);
};

export function BrandColorField({
  control,
  levels,
  tenantName,
  error,
}: {
  control: Control<TTenantSettingsForm, unknown, TTenantSettingsValues>;
  /** The primary levels the theme uses (components/theme/bootstrap-primary.ts). */
  levels: readonly TPrimaryLevel[];
  tenantName: string;
  error: string | null;
}) {
  const t = useTranslations("tenantSettings");
  const { field } = useController({ control, name: "brandColor" });
  const previewRef = useRef<HTMLDivElement>(null);
  const id = "settings-brandColor";

  const hex = normalizeHex(field.value ?? "");
  const { ratio, values } = useContrastValues(hex);
  // The preview keeps the last valid colour while a code is being typed.
  const [shown, setShown] = useState(hex ?? "#0066cc");
  const change = (value: string) => {
    field.onChange(value);
    const next = normalizeHex(value);
    if (next) setShown(next);
  };

  useEffect(() => {
    const el = previewRef.current;
    if (!el) return;
    for (const [name, value] of Object.entries(brandVariables(shown, levels, false))) el.style.setProperty(name, value);
  }, [shown, levels]);

  const contrastOk = ratio !== null && ratio >= MIN_BRAND_CONTRAST;
  // The contrast message is shown live; a submitted error without a live reason (e.g. from the server) is shown as is.
  const message = error ? (ratio !== null && !contrastOk ? null : error) : null;

  return (
    <div className="mb-4" data-testid="brand-color-field">
      <div className="form-group mb-3">
        <label htmlFor={id} className="active">
          {t("fields.brandColor")}
        </label>
        <small id={`${id}-help`} className="form-text d-block mb-1">
          {t("color.hexHelp", { min: values.min })}
        </small>
        <div className="d-flex align-items-center gap-2">
          <input
            id={id}
            type="text"
            className={`form-control identifier${error ? " is-invalid" : ""}`}
            autoComplete="off"
            spellCheck={false}
            maxLength={7}
            aria-invalid={error ? true : undefined}
            aria-describedby={[describedBy(id, true, message), `${id}-contrast`].filter(Boolean).join(" ")}
            {...field}
            value={field.value ?? ""}
            onChange={(e) => change(e.target.value)}
          />
          <label htmlFor={`${id}-picker`} className="visually-hidden">
            {t("color.picker")}
          </label>
          <input
            id={`${id}-picker`}
            type="color"
            className="form-control form-control-color brand-color-picker flex-shrink-0"
            value={shown}
            title={t("color.picker")}
            onChange={(e) => change(e.target.value)}
          />
        </div>
        <p
          id={`${id}-contrast`}
          className={`small mt-2 mb-0 d-flex align-items-start gap-1 ${contrastOk ? "text-success" : "text-danger"}`}
          aria-live="polite"
          data-testid="contrast-ratio"
        >
          {ratio !== null ? (
            <>
              <Icon name={contrastOk ? "it-check-circle" : "it-error"} size="sm" className="icon-current flex-shrink-0" />
              <span>{contrastOk ? t("color.contrastOk", values) : t("color.contrastLow", values)}</span>
            </>
          ) : null}
        </p>
        <FieldError id={`${id}-error`} message={message} />
      </div>

      <div role="group" aria-labelledby={`${id}-swatches`} className="mb-3">
        <p id={`${id}-swatches`} className="small fw-semibold mb-1">
          {t("color.swatches")}
        </p>
        <div className="d-flex flex-wrap gap-2">
          {BRAND_SWATCHES.map((s) => {
            const label = t("color.swatch", { name: t(`color.names.${s.key}`), hex: s.hex });
            return (
              <button
                key={s.hex}
                type="button"
                className={`brand-swatch${hex === s.hex ? " is-selected" : ""}`}
                aria-pressed={hex === s.hex}
                aria-label={label}
                title={label}
                ref={setBackground(s.hex)}
                onClick={() => change(s.hex)}
              >
                {hex === s.hex ? <Icon name="it-check" size="sm" className="icon-white" /> : null}
              </button>
            );
          })}
        </div>
      </div>

      <section aria-labelledby={`${id}-preview`} className="border rounded">
        <div className="px-3 pt-3">
          <h4 id={`${id}-preview`} className="h6 mb-1">
            {t("color.preview")}
          </h4>
          <p className="small mb-2">{t("color.previewLead")}</p>
        </div>
        {/* A picture of the result: nothing in it can be focused or is read out twice. */}
        <div className="tenant-scope" ref={previewRef} inert data-testid="brand-preview">
          <div className="tenant-hero px-3 py-2 d-flex align-items-center gap-2">
            <Icon name="it-pa" className="icon-white" />
            <span className="fw-semibold">{tenantName}</span>
          </div>
          <div className="p-3 bg-white">
            <p className="mb-3">{t.rich("color.previewText", { link: (chunks) => <a href="#">{chunks}</a> })}</p>
            <div className="d-flex flex-wrap gap-2">
              <span className="btn btn-primary btn-sm">{t("color.previewButton")}</span>
              <span className="btn btn-outline-primary btn-sm">{t("color.previewOutline")}</span>
            </div>
          </div>
        </div>
      </section>
    </div>
  );
}
