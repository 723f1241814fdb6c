"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { errorData, fieldErrorKey } from "./error-data";
import { LiveNotice, type TNotice } from "./live-notice";
import { TextAreaField } from "./text-area-field";

type TMode = "afterAnswer" | "withoutAnswer";

// The ways to go on with an open integration request: "Riprendi la pratica" once the citizen has
// answered, "Prosegui senza integrazione" while they have not (with the reason, which the
// citizen is told). Either closes the request; the page is then refreshed from the server.
export function ResumeIntegration({ applicationId, version, modes }: { applicationId: string; version: number; modes: TMode[] }) {
  const t = useTranslations("integration.staff.resume");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [askingReason, setAskingReason] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const resume = useMutation(trpc.conversation.resumeIntegration.mutationOptions());

  useEffect(() => {
    if (askingReason) reasonRef.current?.focus();
  }, [askingReason]);

  if (modes.length === 0) return <p className="small text-secondary mb-0">{t("notNow")}</p>;

  const run = async (mode: TMode) => {
    setNotice(null);
    setReasonError(null);
    if (mode === "withoutAnswer" && !reason.trim()) {
      setReasonError(tAll("integration.errors.reasonRequired"));
      reasonRef.current?.focus();
      return;
    }
    try {
      await resume.mutateAsync(mode === "afterAnswer" ? { applicationId, expectedVersion: version, mode } : { applicationId, expectedVersion: version, mode, reason });
      router.refresh();
    } catch (e) {
      const data = errorData(e);
      const key = fieldErrorKey(data, "reason");
      if (key) {
        setReasonError(tAll(key));
        reasonRef.current?.focus();
        return;
      }
      setNotice({ tone: "warning", text: tAll(data.messageKey ?? "errors.generic") });
      if (data.code === "CONFLICT") router.refresh();
    }
  };

  const onSubmitReason = (e: FormEvent) => {
    e.preventDefault();
    void run("withoutAnswer");
  };

  return (
    <div data-testid="integration-resume">
      <LiveNotice notice={notice} className="mb-3" />
      <div className="d-flex flex-wrap gap-2">
        {modes.includes("afterAnswer") ? (
          <button type="button" className="btn btn-primary btn-sm" disabled={resume.isPending} onClick={() => void run("afterAnswer")}>
            {resume.isPending ? t("pending") : t("afterAnswer")}
          </button>
        ) : null}
        {modes.includes("withoutAnswer") && !askingReason ? (
          <button type="button" className="btn btn-outline-primary btn-sm" aria-expanded={false} onClick={() => setAskingReason(true)}>
            {t("withoutAnswer")}
          </button>
        ) : null}
      </div>
      {askingReason ? (
        <form onSubmit={onSubmitReason} noValidate className="mt-3">
          <TextAreaField id={`${id}-reason`} label={t("reason")} help={t("reasonHelp")} value={reason} onChange={setReason} error={reasonError} rows={3} inputRef={reasonRef} />
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary btn-sm" disabled={resume.isPending}>
              {resume.isPending ? t("pending") : t("confirmWithout")}
            </button>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setAskingReason(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
