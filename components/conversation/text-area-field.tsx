"use client";

import type { Ref } from "react";
import { ReasonField } from "@/components/forms/reason-field";
import { MESSAGE_BODY_MAX } from "@/server/conversation/schemas";

// The conversation forms' text area: the shared labelled field (hint and error tied to it),
// controlled as a string and limited to the longest text the server accepts.
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
  return (
    <ReasonField
      id={id}
      label={label}
      hint={help}
      error={error ?? null}
      ref={inputRef}
      rows={rows}
      maxLength={MESSAGE_BODY_MAX}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
