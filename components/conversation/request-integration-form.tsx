"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Icon } from "@/components/icon";
import { useTRPC } from "@/components/trpc/provider";
import { INTEGRATION_DEADLINE_MAX_DAYS, INTEGRATION_DOCUMENT_LABEL_MAX, INTEGRATION_DOCUMENTS_MAX } from "@/server/conversation/schemas";
import { errorData, fieldErrorKey } from "./error-data";
import { LiveNotice, type TNotice } from "./live-notice";
import { TextAreaField } from "./text-area-field";
import { FieldError } from "@/components/forms/field-error";

type TField = "message" | "documents" | "deadline";

// "Richiedi integrazione": what the office needs (a message), the list of documents (rows added
// and removed one by one), and the date by which to send them. Opened from a button so the page
// stays short; on success the page is refreshed and shows the open request instead.
export function RequestIntegrationForm({ applicationId, version, minDay, maxDay }: { applicationId: string; version: number; minDay: string; maxDay: string }) {
  const t = useTranslations("integration.staff.form");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const [documents, setDocuments] = useState<{ key: number; label: string }[]>([{ key: 0, label: "" }]);
  const [deadline, setDeadline] = useState("");
  const [errors, setErrors] = useState<Partial<Record<TField, string>>>({});
  const [notice, setNotice] = useState<TNotice | null>(null);
  const nextKey = useRef(1);
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const docRefs = useRef(new Map<number, HTMLInputElement>());
  const request = useMutation(trpc.conversation.requestIntegration.mutationOptions());

  useEffect(() => {
    if (open) messageRef.current?.focus();
  }, [open]);

  const addRow = () => {
    const key = nextKey.current++;
    setDocuments((rows) => [...rows, { key, label: "" }]);
    requestAnimationFrame(() => docRefs.current.get(key)?.focus());
  };
  const removeRow = (key: number) => {
    const index = documents.findIndex((d) => d.key === key);
    const rest = documents.filter((d) => d.key !== key);
    setDocuments(rest);
    const neighbour = rest[Math.min(index, rest.length - 1)];
    requestAnimationFrame(() => (neighbour ? docRefs.current.get(neighbour.key)?.focus() : null));
  };

  const focusFirst = (errs: Partial<Record<TField, string>>) => {
    const target = errs.message ? `${id}-message` : errs.documents ? `${id}-doc-0` : `${id}-deadline`;
    requestAnimationFrame(() => (document.getElementById(target) as HTMLElement | null)?.focus());
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const labels = documents.map((d) => d.label.trim()).filter(Boolean);
    const local: Partial<Record<TField, string>> = {};
    if (!message.trim()) local.message = tAll("integration.errors.messageRequired");
    if (labels.length === 0) local.documents = tAll("integration.errors.documentsRequired");
    if (!deadline) local.deadline = tAll("integration.errors.deadlineInvalid");
    setErrors(local);
    if (Object.keys(local).length > 0) return focusFirst(local);
    try {
      await request.mutateAsync({ applicationId, expectedVersion: version, message, documents: labels, deadline });
      setOpen(false);
      router.refresh();
    } catch (err) {
      const data = errorData(err);
      const fields: Partial<Record<TField, string>> = {};
      for (const f of ["message", "documents", "deadline"] as const) {
        const key = fieldErrorKey(data, f);
        if (key) fields[f] = tAll(key);
      }
      setErrors(fields);
      if (Object.keys(fields).length > 0) return focusFirst(fields);
      setNotice({ tone: "danger", text: tAll(data.messageKey ?? "errors.generic") });
      if (data.code === "CONFLICT") router.refresh();
    }
  };

  if (!open) {
    return (
      <>
        <p className="small mb-2">{t("intro")}</p>
        <button ref={openerRef} type="button" className="btn btn-outline-primary btn-sm" onClick={() => setOpen(true)} aria-expanded={false} data-testid="open-integration-form">
          {t("open")}
        </button>
      </>
    );
  }

  const described = (field: TField, help?: string) => [help, errors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldError = (field: TField) => <FieldError id={`${id}-${field}-error`} message={errors[field]} />;

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="integration-form">
      <TextAreaField id={`${id}-message`} label={t("message")} help={t("messageHelp")} value={message} onChange={setMessage} error={errors.message} inputRef={messageRef} />

      <fieldset className="mb-3" aria-describedby={described("documents", `${id}-documents-help`)}>
        <legend className="form-label fw-semibold fs-6 mb-1">{t("documents")}</legend>
        <small id={`${id}-documents-help`} className="form-text d-block mb-2">
          {t("documentsHelp", { max: INTEGRATION_DOCUMENTS_MAX })}
        </small>
        <ol className="list-unstyled d-grid gap-2 mb-2">
          {documents.map((d, i) => (
            <li key={d.key} className="d-flex gap-2 align-items-center">
              <label htmlFor={`${id}-doc-${i}`} className="visually-hidden">
                {t("documentLabel", { n: i + 1 })}
              </label>
              <input
                ref={(el) => {
                  if (el) docRefs.current.set(d.key, el);
                  else docRefs.current.delete(d.key);
                }}
                id={`${id}-doc-${i}`}
                type="text"
                className="form-control"
                placeholder={t("documentPlaceholder")}
                maxLength={INTEGRATION_DOCUMENT_LABEL_MAX}
                value={d.label}
                onChange={(e) => setDocuments((rows) => rows.map((r) => (r.key === d.key ? { ...r, label: e.target.value } : r)))}
              />
              {documents.length > 1 ? (
                <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => removeRow(d.key)} aria-label={t("removeDocument", { n: i + 1 })}>
                  <Icon name="it-delete" size="sm" />
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        {documents.length < INTEGRATION_DOCUMENTS_MAX ? (
          <button type="button" className="btn btn-link btn-sm px-0" onClick={addRow}>
            <Icon name="it-plus-circle" size="sm" color="primary" className="me-1" />
            {t("addDocument")}
          </button>
        ) : null}
        {fieldError("documents")}
      </fieldset>

      <div className="form-group mb-3">
        <label htmlFor={`${id}-deadline`} className="active">
          {t("deadline")}
        </label>
        <input
          id={`${id}-deadline`}
          type="date"
          className={`form-control${errors.deadline ? " is-invalid" : ""}`}
          min={minDay}
          max={maxDay}
          value={deadline}
          aria-invalid={errors.deadline ? true : undefined}
          aria-describedby={described("deadline", `${id}-deadline-help`)}
          onChange={(e) => setDeadline(e.target.value)}
        />
        <small id={`${id}-deadline-help`} className="form-text">
          {t("deadlineHelp", { max: INTEGRATION_DEADLINE_MAX_DAYS })}
        </small>
        {fieldError("deadline")}
      </div>

      <LiveNotice notice={notice} className="mb-3" />
      <p className="small">{t("willNotify")}</p>
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={request.isPending}>
          {request.isPending ? t("sending") : t("submit")}
        </button>
        <button
          type="button"
          className="btn btn-outline-secondary btn-sm"
          disabled={request.isPending}
          onClick={() => {
            setOpen(false);
            requestAnimationFrame(() => openerRef.current?.focus());
          }}
        >
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
