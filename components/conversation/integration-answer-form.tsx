"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { MAX_FILES_PER_MESSAGE } from "@/server/conversation/schemas";
import type { TFileRef } from "@/server/forms/schema";
import { errorData, fieldErrorKey } from "./error-data";
import { LiveNotice, type TNotice } from "./live-notice";
import { MessageFiles, MessageFilesRules } from "./message-files";
import { TextAreaField } from "./text-area-field";

// The citizen's answer to the office's request: one upload per requested document (so it is
// clear what goes where), other files if any, and a text for the office. Sent together: the
// application moves to "integration submitted" and the office is told. Mobile-first: one column.
export function IntegrationAnswerForm({ tenantSlug, applicationId, version, documents }: { tenantSlug: string; applicationId: string; version: number; documents: string[] }) {
  const t = useTranslations("integration.citizen.form");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const rows = [...documents, t("otherFiles")];
  const [files, setFiles] = useState<TFileRef[][]>(() => rows.map(() => []));
  const [text, setText] = useState("");
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<TNotice | null>(null);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const submit = useMutation(trpc.conversation.submitIntegration.mutationOptions());
  const all = files.flat();
  const uploadUrl = `/api/${encodeURIComponent(tenantSlug)}/applications/${encodeURIComponent(applicationId)}/message-attachments`;

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!text.trim() && all.length === 0) return setError({ tone: "danger", text: tAll("integration.errors.answerEmpty") });
    try {
      await submit.mutateAsync({ applicationId, expectedVersion: version, text, attachmentIds: all.map((f) => f.id) });
      setDone(true);
      router.refresh();
    } catch (err) {
      const data = errorData(err);
      setError({ tone: "danger", text: tAll(fieldErrorKey(data, "text") ?? fieldErrorKey(data, "attachmentIds") ?? data.messageKey ?? "errors.generic") });
      if (data.code === "CONFLICT") router.refresh();
    }
  };

  if (done) {
    return (
      <div ref={doneRef} tabIndex={-1} className="alert alert-success mb-0" role="status">
        {t("sent")}
      </div>
    );
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="integration-answer-form">
      <MessageFilesRules id={`${id}-rules`} className="form-text d-block mb-3" />
      {rows.map((label, i) => (
        <MessageFiles
          key={i}
          uploadUrl={uploadUrl}
          tenantSlug={tenantSlug}
          label={label}
          hint={i < documents.length ? t("documentHint") : undefined}
          value={files[i] ?? []}
          onChange={(next) => setFiles((current) => current.map((list, j) => (j === i ? next : list)))}
          room={MAX_FILES_PER_MESSAGE - all.length + (files[i]?.length ?? 0)}
          disabled={submit.isPending}
          onBusyChange={(busy) => setUploading((n) => n + (busy ? 1 : -1))}
          rulesId={`${id}-rules`}
        />
      ))}
      <TextAreaField id={`${id}-text`} label={t("text")} help={t("textHelp")} value={text} onChange={setText} />
      <LiveNotice notice={error} className="mb-3" />
      <button type="submit" className="btn btn-primary w-100 w-md-auto" disabled={submit.isPending || uploading > 0}>
        {submit.isPending ? t("sending") : uploading > 0 ? t("waitUploads") : t("submit")}
      </button>
    </form>
  );
}
