"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import { Icon } from "@/components/icon";
import { MAX_FILES_PER_MESSAGE, MESSAGE_ATTACHMENT_KINDS, MESSAGE_ATTACHMENT_MAX_MB } from "@/server/conversation/schemas";
import type { TFileRef } from "@/server/forms/schema";
import { BYTES_PER_MB, fileInputAccept, fileKindLabels } from "@/server/uploads/kinds";
import { FieldError } from "@/components/forms/field-error";

// The files of a message being written (Bootstrap Italia "upload" pattern): each chosen file is
// sent at once to the message-attachments route of its side, which checks it by content and
// answers its reference; the message is posted later with the references. Removing a file here
// only leaves it out of the message (an unsent upload is never shown to anyone but its sender).

export type TMessageFilesProps = {
  /** The side's upload route for this application. */
  uploadUrl: string;
  /** For the links opening uploaded files. */
  tenantSlug: string;
  label: string;
  /** A line under the label (e.g. which document these files are for). */
  hint?: string;
  value: TFileRef[];
  onChange: (files: TFileRef[]) => void;
  /** How many files this field may still take (the message's limit minus other fields'). */
  room?: number;
  disabled?: boolean;
  /** Tells the form an upload is running (its submit waits). */
  onBusyChange?: (busy: boolean) => void;
  /** Where the accepted formats are said once for several fields (their element id); default:
   * said under this field's label. */
  rulesId?: string;
};

async function upload(url: string, file: File): Promise<{ ok: true; ref: TFileRef } | { ok: false; message: string | null }> {
  const body = new FormData();
  body.append("file", file);
  try {
    const res = await fetch(url, { method: "POST", body });
    const json = (await res.json().catch(() => null)) as (TFileRef & { message?: string }) | null;
    if (res.status === 201 && json?.id) return { ok: true, ref: { id: json.id, name: json.name, size: json.size, type: json.type } };
    return { ok: false, message: typeof json?.message === "string" ? json.message : null };
  } catch {
    return { ok: false, message: null };
  }
}

export function MessageFiles({ uploadUrl, tenantSlug, label, hint, value, onChange, room = MAX_FILES_PER_MESSAGE, disabled, onBusyChange, rulesId }: TMessageFilesProps) {
  const t = useTranslations("conversation.files");
  const tUploads = useTranslations("uploads");
  const locale = useLocale();
  const id = useId();
  const [sending, setSending] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  // The latest list, also between the uploads of one batch (several files chosen at once).
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const inputRef = useRef<HTMLInputElement>(null);

  const number = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  const size = (bytes: number) =>
    bytes < BYTES_PER_MB ? tUploads("field.sizeKb", { size: number(Math.max(1, Math.round(bytes / 1024)), 0) }) : tUploads("field.sizeMb", { size: number(bytes / BYTES_PER_MB, 1) });
  const free = Math.max(0, room - sending.length);

  async function onChosen(e: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(e.target.files ?? []);
    e.target.value = "";
    if (chosen.length === 0) return;
    setError(null);
    const batch = chosen.slice(0, free);
    onBusyChange?.(true);
    for (const file of batch) {
      if (file.size > MESSAGE_ATTACHMENT_MAX_MB * BYTES_PER_MB) {
        setError(tUploads("errors.tooLarge", { name: file.name, max: MESSAGE_ATTACHMENT_MAX_MB }));
        continue;
      }
      setSending((list) => [...list, file.name]);
      setStatus(tUploads("field.uploading", { name: file.name }));
      const result = await upload(uploadUrl, file);
      setSending((list) => list.filter((n) => n !== file.name));
      if (result.ok) {
        latest.current = [...latest.current, result.ref];
        onChange(latest.current);
        setStatus(tUploads("field.uploaded", { name: result.ref.name }));
      } else {
        setError(result.message ?? tUploads("errors.network"));
        setStatus("");
      }
    }
    onBusyChange?.(false);
    if (chosen.length > batch.length) setError(t("tooMany", { max: MAX_FILES_PER_MESSAGE }));
  }

  function remove(ref: TFileRef) {
    latest.current = latest.current.filter((f) => f.id !== ref.id);
    onChange(latest.current);
    setStatus(t("removed", { name: ref.name }));
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  return (
    <div className="mb-3">
      <p className="form-label fw-semibold mb-1" id={`${id}-label`}>
        {label}
      </p>
      {hint ? <p className="small mb-1">{hint}</p> : null}
      {rulesId ? null : <MessageFilesRules id={`${id}-rules`} />}
      {free > 0 ? (
        <>
          <input
            ref={inputRef}
            type="file"
            id={`${id}-input`}
            className="upload"
            multiple
            accept={fileInputAccept(MESSAGE_ATTACHMENT_KINDS)}
            disabled={disabled}
            aria-labelledby={`${id}-label ${id}-text`}
            aria-describedby={`${rulesId ?? `${id}-rules`}${error ? ` ${id}-error` : ""}`}
            onChange={(e) => void onChosen(e)}
          />
          <label htmlFor={`${id}-input`} className={disabled ? "opacity-50 pe-none" : undefined}>
            <Icon name="it-upload" size="sm" />
            <span id={`${id}-text`}>{value.length > 0 ? tUploads("field.chooseAnother") : tUploads("field.choose")}</span>
          </label>
        </>
      ) : null}
      {value.length > 0 || sending.length > 0 ? (
        <ul className="upload-file-list" aria-label={t("listLabel", { label })}>
          {value.map((f) => (
            <li key={f.id} className="upload-file success">
              <Icon name="it-file" size="sm" />
              <p>
                <a href={`/api/${encodeURIComponent(tenantSlug)}/attachments/${encodeURIComponent(f.id)}?inline=1`} target="_blank" rel="noopener">
                  {f.name}
                </a>
                <span className="upload-file-weight">{size(f.size)}</span>
              </p>
              <button type="button" onClick={() => remove(f)} disabled={disabled} aria-label={t("remove", { name: f.name })}>
                <Icon name="it-close" />
              </button>
            </li>
          ))}
          {sending.map((name, i) => (
            <li key={`sending-${i}`} className="upload-file uploading">
              <Icon name="it-file" size="sm" />
              <p>
                <span className="visually-hidden">{tUploads("field.uploadingPrefix")} </span>
                {name}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {status}
      </div>
      <div aria-live="assertive" aria-atomic="true">
        <FieldError id={`${id}-error`} message={error} testId="message-files-error" />
      </div>
    </div>
  );
}

/** What files a message takes: formats, size, how many. */
export function MessageFilesRules({ id, className = "form-text d-block mb-2" }: { id: string; className?: string }) {
  const t = useTranslations("conversation.files");
  return (
    <small id={id} className={className}>
      {t("rules", { types: fileKindLabels(MESSAGE_ATTACHMENT_KINDS), max: MESSAGE_ATTACHMENT_MAX_MB, maxFiles: MAX_FILES_PER_MESSAGE })}
    </small>
  );
}
