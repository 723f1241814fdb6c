import type { ComponentProps, Ref } from "react";
import { FieldError } from "./field-error";

// A labelled free-text answer outside the form engine (the reason of a decision, of a
// withdrawal, a message): hint and, after a refused attempt, the error next to the field, both
// announced with it.

export function ReasonField({
  id,
  label,
  hint,
  error,
  ref,
  ...textarea
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | null;
  ref?: Ref<HTMLTextAreaElement>;
} & Omit<ComponentProps<"textarea">, "id" | "className" | "ref" | "aria-invalid" | "aria-describedby">) {
  return (
    <div className="form-group mt-4 mb-3">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <textarea
        {...textarea}
        ref={ref}
        id={id}
        className={`form-control${error ? " is-invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
      />
      {hint ? (
        <small id={`${id}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
