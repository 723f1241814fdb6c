"use client";

import type { Ref } from "react";
import { MESSAGE_BODY_MAX } from "@/server/conversation/schemas";

// A labelled text area of the conversation's forms, with its help and its error tied to it
// (aria-describedby, aria-invalid), limited to the longest text the server accepts.
export function TextAreaField({
  id,
  label,
  value,
  onChange,
  help,
  error,
  rows = 4,
  disabled,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: string;
  error?: string | null;
  rows?: number;
  disabled?: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
}) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="form-group mt-4 mb-3">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <textarea
        ref={inputRef}
        id={id}
        className={`form-control${error ? " is-invalid" : ""}`}
        rows={rows}
        maxLength={MESSAGE_BODY_MAX}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {help ? (
        <small id={`${id}-help`} className="form-text">
          {help}
        </small>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </div>
  );
}
