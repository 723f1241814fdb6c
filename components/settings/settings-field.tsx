"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from "react";
import type { FieldValues, Path, RegisterOptions, UseFormRegisterReturn, UseFormReturn } from "react-hook-form";
import { errorData, type TErrorData } from "@/components/conversation/error-data";
import type { TNotice } from "@/components/conversation/live-notice";
import { FieldError } from "@/components/forms/field-error";
import { useHydrated } from "@/components/hydration";

// One text input of the settings and platform forms, in Bootstrap Italia's markup: visible label
// (with "obbligatorio" for screen readers), help and error tied with aria-describedby,
// aria-invalid when wrong. Bound to react-hook-form by `registration`.

type TProps = {
  id: string;
  label: string;
  help?: ReactNode;
  error?: string | null;
  required?: boolean;
  registration: UseFormRegisterReturn;
  /** Of the wrapper (grid columns). */
  className?: string;
  inputClassName?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "onChange" | "onBlur" | "ref" | "className" | "required">;

/** A form's fields and buttons, disabled until hydration (no box of its own). */
export function HydratedFields({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset disabled={!hydrated} className="sp-form-fields">
      {children}
    </fieldset>
  );
}

export function describedBy(id: string, help: unknown, error: unknown): string | undefined {
  return [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function SettingsField({ id, label, help, error, required, registration, className, inputClassName, ...input }: TProps) {
  const t = useTranslations("tenantSettings");
  return (
    <div className={`form-group mb-4 ${className ?? ""}`}>
      <label htmlFor={id} className="active">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
        {required ? <span className="visually-hidden"> ({t("required")})</span> : null}
      </label>
      {help ? (
        <small id={`${id}-help`} className="form-text d-block mb-1">
          {help}
        </small>
      ) : null}
      <input
        id={id}
        type="text"
        className={`form-control${error ? " is-invalid" : ""} ${inputClassName ?? ""}`}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, help, error)}
        {...input}
        {...registration}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/**
 * The props of a form's SettingsField: id, label (tenantSettings.fields.<name> unless given),
 * translated error (message keys with `values`, e.g. the contrast ratio) and registration.
 */
export function useSettingsFields<T extends FieldValues>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any transformed output type
  form: UseFormReturn<T, unknown, any>,
  idPrefix: string,
  values?: Record<string, string | number>,
) {
  const t = useTranslations("tenantSettings.fields");
  const tAll = useTranslations();
  return (field: Path<T>, opts: { label?: string; help?: string; required?: boolean; onChange?: RegisterOptions<T>["onChange"] } = {}) => {
    const key = form.formState.errors[field]?.message;
    return {
      id: `${idPrefix}-${field}`,
      label: opts.label ?? t(field as string),
      error: typeof key === "string" && key ? tAll(key, values) : null,
      registration: form.register(field, opts.onChange ? { onChange: opts.onChange } : undefined),
      help: opts.help,
      required: opts.required,
    };
  };
}

/**
 * A failed mutation's field errors (paths "values.name") set on the form, the first focused.
 * Returns the error's data; `hasFields` when any field was marked.
 */
export function applyServerErrors<T extends FieldValues>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any transformed output type
  form: UseFormReturn<T, unknown, any>,
  e: unknown,
): TErrorData & { hasFields: boolean } {
  const data = errorData(e);
  const fields = Object.entries(data.fields ?? {}).map(([path, key]) => [path.replace(/^values\./, ""), key] as const);
  fields.forEach(([field, key], i) => form.setError(field as Path<T>, { message: key }, { shouldFocus: i === 0 }));
  return { ...data, hasFields: fields.length > 0 };
}

/**
 * Submitting a settings form: checked in the browser first; then `save` (a mutation returning
 * the changed fields); "saved" or "nothing to save"; the page refreshed so the header, theme and
 * "updatedAt" follow. Field errors from the server go next to their fields; a CONFLICT (changed
 * meanwhile by someone else) refreshes the page with the current data.
 */
export function useSettingsSubmit<T extends FieldValues>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any transformed output type
  form: UseFormReturn<T, unknown, any>,
  save: (values: T) => Promise<{ changed: string[] }>,
  texts: { saved: string; unchanged: string; fixErrors: string },
) {
  const tAll = useTranslations();
  const router = useRouter();
  const [notice, setNotice] = useState<TNotice | null>(null);
  const onValid = async () => {
    setNotice(null);
    try {
      const values = form.getValues();
      const { changed } = await save(values);
      form.reset(values);
      setNotice({ tone: "success", text: changed.length ? texts.saved : texts.unchanged });
      router.refresh();
    } catch (e) {
      const data = applyServerErrors(form, e);
      setNotice({ tone: "danger", text: data.hasFields ? texts.fixErrors : tAll(data.messageKey ?? "errors.generic") });
      if (data.code === "CONFLICT") router.refresh();
    }
  };
  const onSubmit = (e: FormEvent) => void form.handleSubmit(onValid, () => setNotice({ tone: "danger", text: texts.fixErrors }))(e);
  return { notice, onSubmit };
}
