"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldError } from "@/components/forms/field-error";

// The builder's own inputs (Bootstrap Italia markup, label above, help and error tied with
// aria-describedby), so that every setting of a page or a field is written the same way.

const describedBy = (id: string, help: unknown, error: unknown) => [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

function Help({ id, text }: { id: string; text?: string | undefined }) {
  return text ? (
    <small id={`${id}-help`} className="form-text d-block">
      {text}
    </small>
  ) : null;
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="mt-3">
      <legend className="h6 fw-semibold mb-2">{title}</legend>
      <div className="row g-3">{children}</div>
    </fieldset>
  );
}

export function TextInput({
  id,
  label,
  value,
  onChange,
  help,
  mono,
  error,
  inputProps,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  help?: string | undefined;
  mono?: boolean;
  error?: string | null;
  /** Extra attributes of the input (onBlur, onKeyDown…). */
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <div className="form-group mb-0">
      <label htmlFor={id} className="form-label fw-semibold mb-1">
        {label}
      </label>
      <input
        id={id}
        className={`form-control${mono ? " font-monospace" : ""}${error ? " is-invalid" : ""}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, help, error)}
        aria-invalid={error ? true : undefined}
        spellCheck={mono ? false : undefined}
        autoComplete="off"
        {...inputProps}
      />
      <Help id={id} text={help} />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function TextArea({ id, label, value, onChange, rows, help }: { id: string; label: string; value: string; onChange: (v: string) => void; rows: number; help?: string }) {
  return (
    <div className="form-group mb-0">
      <label htmlFor={id} className="form-label fw-semibold mb-1">
        {label}
      </label>
      <textarea id={id} className="form-control" rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy(id, help, null)} />
      <Help id={id} text={help} />
    </div>
  );
}

export function SelectInput({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <div className="select-wrapper">
      <label htmlFor={id} className="form-label fw-semibold mb-1">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

export function Check({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="form-check m-0">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function NumberInput({
  id,
  label,
  value,
  onChange,
  integer,
  min,
  max,
}: {
  id: string;
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  integer?: boolean | undefined;
  min?: number | undefined;
  max?: number | undefined;
}) {
  return (
    <div className="form-group mb-0">
      <label htmlFor={id} className="form-label fw-semibold mb-1">
        {label}
      </label>
      <input
        id={id}
        type="number"
        className="form-control"
        inputMode={integer ? "numeric" : "decimal"}
        step={integer ? 1 : "any"}
        min={min}
        max={max}
        value={value ?? ""}
        onChange={(e) => {
          const v = e.target.value;
          if (v === "") return onChange(undefined);
          const n = Number(v);
          if (Number.isFinite(n)) onChange(integer ? Math.trunc(n) : n);
        }}
      />
    </div>
  );
}
