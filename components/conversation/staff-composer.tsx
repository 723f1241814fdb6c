"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Icon } from "@/components/icon";
import { useTRPC } from "@/components/trpc/provider";
import type { TCitizenOptionBlock } from "@/server/conversation/thread";
import type { TFileRef } from "@/server/forms/schema";
import { errorData, fieldErrorKey } from "./error-data";
import { LiveNotice, type TNotice } from "./live-notice";
import { MessageFiles } from "./message-files";
import { TextAreaField } from "./text-area-field";

type TKind = "message" | "note";

// The operator's composer under the thread: a message to the citizen or an internal note, with
// files. The choice is explicit and the citizen option says why it is off when it is. A message
// to the citizen goes through a confirmation step naming the recipient (they get an email); a
// note is saved at once. After posting, the page is refreshed from the server and the result
// announced.
export function StaffComposer({
  tenantSlug,
  applicationId,
  recipientName,
  citizenBlock,
  citizenHasEmail,
}: {
  tenantSlug: string;
  applicationId: string;
  recipientName: string;
  citizenBlock: TCitizenOptionBlock;
  citizenHasEmail: boolean;
}) {
  const t = useTranslations("conversation.composer");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<TKind>(citizenBlock ? "note" : "message");
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<TFileRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const post = useMutation(trpc.conversation.post.mutationOptions());

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const send = async () => {
    setNotice(null);
    try {
      await post.mutateAsync({ applicationId, kind, body, attachmentIds: files.map((f) => f.id) });
      setBody("");
      setFiles([]);
      setConfirming(false);
      setNotice({ tone: "success", text: kind === "note" ? t("savedNote") : t("sentMessage", { name: recipientName }) });
      router.refresh();
    } catch (e) {
      setConfirming(false);
      const data = errorData(e);
      const bodyKey = fieldErrorKey(data, "body");
      if (bodyKey) {
        setFieldError(tAll(bodyKey));
        requestAnimationFrame(() => bodyRef.current?.focus());
        return;
      }
      setNotice({ tone: data.code === "CONFLICT" ? "warning" : "danger", text: tAll(data.messageKey ?? "errors.generic") });
      // The status may have changed meanwhile (window closed): show the page as it is now.
      if (data.code === "CONFLICT") router.refresh();
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFieldError(null);
    if (!body.trim()) {
      setFieldError(tAll("conversation.errors.bodyRequired"));
      bodyRef.current?.focus();
      return;
    }
    if (kind === "message") setConfirming(true);
    else void send();
  };

  const blockId = `${id}-block`;
  const busy = post.isPending || uploading;

  return (
    <form onSubmit={onSubmit} noValidate className="card border rounded" data-testid="staff-composer">
      <div className="card-body">
        <h3 className="h5">{t("title")}</h3>
        <fieldset className="mb-3" disabled={confirming || post.isPending}>
          <legend className="form-label fw-semibold fs-6 mb-2">{t("kindLegend")}</legend>
          <div className="form-check">
            <input
              className="form-check-input"
              type="radio"
              name={`${id}-kind`}
              id={`${id}-kind-message`}
              value="message"
              checked={kind === "message"}
              disabled={citizenBlock !== null}
              aria-describedby={citizenBlock ? blockId : `${id}-message-help`}
              onChange={() => setKind("message")}
            />
            <label className="form-check-label" htmlFor={`${id}-kind-message`}>
              {t("kindMessage")}
            </label>
            {citizenBlock ? (
              <p id={blockId} className="small text-secondary mb-2 ms-4">
                {t(`blocked.${citizenBlock}`)}
              </p>
            ) : (
              <p id={`${id}-message-help`} className="small text-secondary mb-2 ms-4">
                {citizenHasEmail ? t("messageHelp", { name: recipientName }) : t("messageHelpNoEmail", { name: recipientName })}
              </p>
            )}
          </div>
          <div className="form-check">
            <input
              className="form-check-input"
              type="radio"
              name={`${id}-kind`}
              id={`${id}-kind-note`}
              value="note"
              checked={kind === "note"}
              aria-describedby={`${id}-note-help`}
              onChange={() => setKind("note")}
            />
            <label className="form-check-label" htmlFor={`${id}-kind-note`}>
              {t("kindNote")}
            </label>
            <p id={`${id}-note-help`} className="small text-secondary mb-0 ms-4">
              {t("noteHelp")}
            </p>
          </div>
        </fieldset>

        <TextAreaField
          id={`${id}-body`}
          label={kind === "note" ? t("bodyNote") : t("bodyMessage")}
          value={body}
          onChange={setBody}
          error={fieldError}
          rows={5}
          disabled={confirming || post.isPending}
          inputRef={bodyRef}
        />

        <MessageFiles
          uploadUrl={`/api/${encodeURIComponent(tenantSlug)}/backoffice/applications/${encodeURIComponent(applicationId)}/message-attachments`}
          tenantSlug={tenantSlug}
          label={t("files")}
          value={files}
          onChange={setFiles}
          disabled={confirming || post.isPending}
          onBusyChange={setUploading}
        />

        {confirming ? (
          <div ref={confirmRef} tabIndex={-1} className="alert alert-warning" role="alertdialog" aria-labelledby={`${id}-confirm-text`} data-testid="composer-confirm">
            <p id={`${id}-confirm-text`} className="fw-semibold">
              {citizenHasEmail ? t("confirm.question", { name: recipientName }) : t("confirm.questionNoEmail", { name: recipientName })}
            </p>
            {files.length > 0 ? <p className="small">{t("confirm.files", { count: files.length })}</p> : null}
            <div className="d-flex flex-wrap gap-2">
              <button type="button" className="btn btn-primary btn-sm" disabled={post.isPending} onClick={() => void send()}>
                {post.isPending ? t("sending") : t("confirm.yes")}
              </button>
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                disabled={post.isPending}
                onClick={() => {
                  setConfirming(false);
                  requestAnimationFrame(() => bodyRef.current?.focus());
                }}
              >
                {t("confirm.back")}
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" className="btn btn-primary" disabled={busy}>
            <Icon name={kind === "note" ? "it-locked" : "it-mail"} size="sm" color="white" className="me-1" />
            {post.isPending ? t("sending") : kind === "note" ? t("submitNote") : t("submitMessage")}
          </button>
        )}

        <LiveNotice notice={notice} testId="composer-notice" />
      </div>
    </form>
  );
}
