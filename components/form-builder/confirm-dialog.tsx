"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import styles from "./form-builder.module.css";

// A confirmation before something that can't be undone (remove a page, publish, discard): the
// browser's modal <dialog>, which keeps the focus inside, closes with Esc and gives the focus
// back to the button that opened it.
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`${styles.dialog} border-0 rounded shadow p-0`}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <div className="p-4">
        <h2 id={`${id}-title`} className="h4 mb-3">
          {title}
        </h2>
        <div id={`${id}-body`} className="mb-4">
          {children}
        </div>
        <div className="d-flex flex-wrap justify-content-end gap-2">
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
          <button type="button" className={`btn ${danger ? "btn-danger" : "btn-primary"}`} onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
