"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/provider";
import type { TFileRef } from "@/server/forms/schema";
import { errorData, fieldErrorKey } from "./error-data";
import { LiveNotice, type TNotice } from "./live-notice";
import { MessageFiles } from "./message-files";
import { TextAreaField } from "./text-area-field";

// The citizen writes to the office under the application's messages: a text (required) and
// files. On success the list above is refreshed from the server and the result announced.
export function CitizenReplyForm({ tenantSlug, applicationId }: { tenantSlug: string; applicationId: string }) {
  const t = useTranslations("conversation.reply");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const id = useId();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<TFileRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const reply = useMutation(trpc.conversation.reply.mutationOptions());

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFieldError(null);
    setNotice(null);
    if (!body.trim()) {
      setFieldError(tAll("conversation.errors.bodyRequired"));
      bodyRef.current?.focus();
      return;
    }
    try {
      await reply.mutateAsync({ applicationId, body, attachmentIds: files.map((f) => f.id) });
      setBody("");
      setFiles([]);
      setNotice({ tone: "success", text: t("sent") });
      void queryClient.invalidateQueries({ queryKey: trpc.area.unreadCount.queryKey() });
      router.refresh();
    } catch (err) {
      const data = errorData(err);
      const key = fieldErrorKey(data, "body");
      if (key) {
        setFieldError(tAll(key));
        bodyRef.current?.focus();
        return;
      }
      setNotice({ tone: "danger", text: tAll(data.messageKey ?? "errors.generic") });
      if (data.code === "CONFLICT") router.refresh();
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="card border rounded mt-3" data-testid="reply-form">
      <div className="card-body card-body-compact">
        <h3 className="h5">{t("title")}</h3>
        <TextAreaField id={`${id}-body`} label={t("body")} help={t("help")} value={body} onChange={setBody} error={fieldError} inputRef={bodyRef} />
        <MessageFiles
          uploadUrl={`/api/${encodeURIComponent(tenantSlug)}/applications/${encodeURIComponent(applicationId)}/message-attachments`}
          tenantSlug={tenantSlug}
          label={t("files")}
          value={files}
          onChange={setFiles}
          disabled={reply.isPending}
          onBusyChange={setUploading}
        />
        <button type="submit" className="btn btn-primary w-100 w-md-auto" disabled={reply.isPending || uploading}>
          {reply.isPending ? t("sending") : t("submit")}
        </button>
        <LiveNotice notice={notice} testId="reply-notice" />
      </div>
    </form>
  );
}
