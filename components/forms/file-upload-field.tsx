"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { Icon } from "@/components/icon";
import { useUploadTracker } from "./upload-tracker";
import type { TFieldOfType, TFileRef } from "@/server/forms/schema";
import { BYTES_PER_MB, fileInputAccept, fileKindLabels } from "@/server/uploads/kinds";
import { FieldError } from "./field-error";

// A form's file field (Bootstrap Italia "upload" pattern): the label and what is accepted, a
// button opening the file picker, the files already attached with their size, a link to open
// each and a button to remove it. Each chosen file is sent at once to the upload route (with a
// progress bar and a cancel button); the form keeps only the references the server returns.
// The server checks each file by its content; when it refuses one, its message is announced
// and shown here while the rest of the form stays as it is.

type TFileField = TFieldOfType<"file">;

export type TFileUploadFieldProps = {
  tenantSlug: string;
  /** The draft the files belong to; null (form preview) disables uploading. */
  applicationId: string | null;
  field: TFileField;
  /** react-hook-form path of the field: "certificatoMedico" or "componenti.0.documento". */
  fieldKey: string;
  value: TFileRef[];
  onChange: (value: TFileRef[]) => void;
  /** The form validator's message for this field (shown here, with this id). */
  error?: string | null;
  errorId?: string;
  disabled?: boolean;
};

type TPending = { localId: number; name: string; size: number; percent: number; abort: () => void };
type TSendResult = { ok: true; ref: TFileRef } | { ok: false; message: string | null; aborted?: boolean };

const DEFAULT_MAX_FILES = 10;

function serverMessage(text: string): string | null {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === "string" ? body.message : null;
  } catch {
    return null;
  }
}

/** XMLHttpRequest rather than fetch: only it reports upload progress in every browser. */
function sendFile(url: string, fieldKey: string, file: File, onProgress: (percent: number) => void): { done: Promise<TSendResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<TSendResult>((resolve) => {
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve({ ok: true, ref: JSON.parse(xhr.responseText) as TFileRef });
          return;
        } catch {
          // fall through: treated as a failure with the generic message
        }
      }
      resolve({ ok: false, message: serverMessage(xhr.responseText) });
    };
    xhr.onerror = () => resolve({ ok: false, message: null });
    xhr.onabort = () => resolve({ ok: false, message: null, aborted: true });
  });
  const body = new FormData();
  body.append("fieldKey", fieldKey);
  body.append("file", file);
  xhr.open("POST", url);
  xhr.send(body);
  return { done, abort: () => xhr.abort() };
}

export function FileUploadField(props: TFileUploadFieldProps) {
  const { tenantSlug, applicationId, field, fieldKey, value, onChange, error, errorId, disabled } = props;
  const t = useTranslations("uploads");
  const tFill = useTranslations("forms.fill");
  const locale = useLocale();
  const uploads = useUploadTracker();
  const [pending, setPending] = useState<TPending[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The latest answer, also between renders of a batch (several files chosen at once).
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const nextLocalId = useRef(0);

  const baseId = `f-${fieldKey.replace(/\./g, "-")}`;
  const inputId = `${baseId}-file`;
  const helpId = `${baseId}-help`;
  const rulesId = `${baseId}-rules`;
  const uploadErrorId = `${baseId}-upload-error`;
  const maxFiles = field.multiple ? (field.maxFiles ?? DEFAULT_MAX_FILES) : 1;
  const kinds = field.accept ?? [];
  const types = fileKindLabels(kinds);
  const full = value.length + pending.length >= maxFiles;
  const inactive = disabled || applicationId === null;
  const base = applicationId ? `/api/${encodeURIComponent(tenantSlug)}/applications/${encodeURIComponent(applicationId)}/attachments` : null;

  const number = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  const formatSize = (bytes: number) =>
    bytes < BYTES_PER_MB ? t("field.sizeKb", { size: number(Math.max(1, Math.round(bytes / 1024)), 0) }) : t("field.sizeMb", { size: number(bytes / BYTES_PER_MB, 1) });

  const commit = (next: TFileRef[]) => {
    latest.current = next;
    onChange(next);
  };

  async function uploadOne(file: File): Promise<void> {
    if (!base) return;
    if (file.size === 0) return setUploadError(t("errors.empty", { name: file.name }));
    if (file.size > field.maxSizeMb * BYTES_PER_MB) return setUploadError(t("errors.tooLarge", { name: file.name, max: field.maxSizeMb }));
    const localId = nextLocalId.current++;
    const request = sendFile(base, fieldKey, file, (percent) =>
      setPending((list) => list.map((p) => (p.localId === localId ? { ...p, percent } : p))),
    );
    setPending((list) => [...list, { localId, name: file.name, size: file.size, percent: 0, abort: request.abort }]);
    setStatus(t("field.uploading", { name: file.name }));
    const result = await request.done;
    setPending((list) => list.filter((p) => p.localId !== localId));
    if (result.ok) {
      commit([...latest.current, result.ref]);
      setStatus(t("field.uploaded", { name: result.ref.name }));
    } else if (result.aborted) {
      setStatus(t("field.cancelled", { name: file.name }));
    } else {
      setUploadError(result.message ?? t("errors.network"));
      setStatus("");
    }
  }

  async function onFilesChosen(e: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(e.target.files ?? []);
    e.target.value = ""; // choosing the same file again must fire change again
    if (chosen.length === 0) return;
    setUploadError(null);
    const room = Math.max(0, maxFiles - latest.current.length - pending.length);
    const batch = chosen.slice(0, room);
    // The whole batch, answer included, is what "save and continue" waits for.
    const sending = (async () => {
      for (const file of batch) await uploadOne(file);
    })();
    uploads?.track(sending);
    await sending;
    if (chosen.length > batch.length) setUploadError(t("field.skipped", { max: maxFiles, count: chosen.length - batch.length }));
    // The picker goes away when the field is full: keep the keyboard user next to their files.
    if (latest.current.length >= maxFiles) listRef.current?.focus();
  }

  async function remove(ref: TFileRef) {
    if (!base) return;
    setUploadError(null);
    let message: string | null = null;
    try {
      const res = await fetch(`${base}/${encodeURIComponent(ref.id)}`, { method: "DELETE" });
      // 404: already gone (removed on another device), so it leaves the form all the same.
      if (!res.ok && res.status !== 404) message = serverMessage(await res.text()) ?? t("errors.failed");
    } catch {
      message = t("errors.network");
    }
    if (message) return setUploadError(message);
    commit(latest.current.filter((f) => f.id !== ref.id));
    setStatus(t("field.removed", { name: ref.name }));
    requestAnimationFrame(() => (inputRef.current ?? listRef.current)?.focus());
  }

  const describedBy = [field.help ? helpId : null, rulesId, error && errorId ? errorId : null, uploadError ? uploadErrorId : null].filter(Boolean).join(" ");
  const rules = field.multiple ? t("field.rulesMultiple", { types, max: field.maxSizeMb, maxFiles }) : t("field.rules", { types, max: field.maxSizeMb });

  return (
    <div>
      <p className="form-label fw-semibold mb-1" id={`${baseId}-label`}>
        {field.label}
        {field.required ? <span aria-hidden="true"> *</span> : null}
        {field.required ? <span className="visually-hidden"> ({tFill("required")})</span> : null}
      </p>
      {field.help ? (
        <small id={helpId} className="form-text d-block mb-1">
          {field.help}
        </small>
      ) : null}
      <small id={rulesId} className="form-text d-block mb-2">
        {rules} {t("field.contentNote")}
      </small>

      {full ? (
        <p className="small mb-2">{t("field.maxReached")}</p>
      ) : (
        <>
          <input
            ref={inputRef}
            type="file"
            id={inputId}
            className="upload"
            accept={fileInputAccept(kinds)}
            multiple={field.multiple && maxFiles > 1}
            disabled={inactive}
            aria-labelledby={`${baseId}-label ${inputId}-text`}
            aria-describedby={describedBy || undefined}
            aria-invalid={error || uploadError ? true : undefined}
            onChange={onFilesChosen}
          />
          <label htmlFor={inputId} className={inactive ? "opacity-50 pe-none" : undefined}>
            <Icon name="it-upload" size="sm" />
            <span id={`${inputId}-text`}>{value.length > 0 ? t("field.chooseAnother") : t("field.choose")}</span>
          </label>
        </>
      )}

      {value.length > 0 || pending.length > 0 ? (
        <ul ref={listRef} tabIndex={-1} className="upload-file-list" aria-label={t("field.listLabel", { label: field.label })}>
          {value.map((f) => (
            <li key={f.id} className="upload-file success">
              <Icon name="it-file" size="sm" />
              <p>
                <span className="visually-hidden">{t("field.uploadedPrefix")} </span>
                <a href={`/api/${encodeURIComponent(tenantSlug)}/attachments/${encodeURIComponent(f.id)}?inline=1`} target="_blank" rel="noopener" aria-label={t("field.open", { name: f.name })}>
                  {f.name}
                </a>
                <span className="upload-file-weight">{formatSize(f.size)}</span>
              </p>
              <button type="button" onClick={() => void remove(f)} disabled={inactive} aria-label={t("field.remove", { name: f.name })}>
                <Icon name="it-close" />
              </button>
            </li>
          ))}
          {pending.map((p) => (
            <li key={`pending-${p.localId}`} className="upload-file uploading">
              <Icon name="it-file" size="sm" />
              <p>
                <span className="visually-hidden">{t("field.uploadingPrefix")} </span>
                {p.name} <span className="upload-file-weight">{formatSize(p.size)}</span>
              </p>
              <button type="button" onClick={p.abort} aria-label={t("field.cancel", { name: p.name })}>
                <Icon name="it-close" />
              </button>
              <div className="progress progress-xs">
                <div
                  className="progress-bar"
                  role="progressbar"
                  style={{ width: `${p.percent}%` }}
                  aria-valuenow={p.percent}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-label={t("field.progress", { name: p.name })}
                />
              </div>
            </li>
          ))}
        </ul>
      ) : null}

      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {status}
      </div>
      <div aria-live="assertive" aria-atomic="true">
        <FieldError id={uploadErrorId} message={uploadError} testId="upload-error" />
      </div>
      <FieldError id={errorId} message={error} testId="field-error" />
    </div>
  );
}
